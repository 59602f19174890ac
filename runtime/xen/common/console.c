/* xen/common/console.c - the console component over the low-level console. */
#include "xen/console.h"
#include "xen/common/xen_cons.h"
#include "xen/common/xen_evtchn.h"
#include "mcc/fmt.h"

/* Readers of every console instance wait here; the ring's event wakes
 * them (there is one ring per domain). */
static mcc_waitq readers;
static bool port_attached;

static void on_console_event(evtchn_port_t port, void *ctx)
{
	(void)port;
	(void)ctx;
	mcc_wake_all(&readers);
}

static long xc_read(mcc_flow *f, void *buf, size_t len)
{
	mcc_xen_console *self = (mcc_xen_console *)f;
	if (len == 0)
		return 0;
	for (;;) {
		if (self->closed || !port_attached)
			return 0;
		size_t n = mcc_xen_cons_read(buf, len);
		if (n)
			return (long)n;
		int r = mcc_wait(&readers, 0);
		if (r == -MCC_ECANCELED)
			return r;
	}
}

static long xc_write(mcc_flow *f, const void *buf, size_t len)
{
	mcc_xen_console *self = (mcc_xen_console *)f;
	if (self->closed)
		return -MCC_ECLOSED;
	mcc_xen_cons_write(buf, len);
	return (long)len;
}

static int xc_close(mcc_flow *f)
{
	mcc_xen_console *self = (mcc_xen_console *)f;
	self->closed = true;
	mcc_wake_all(&readers);
	return 0;
}

static int xc_log(mcc_console *c, int level, const char *msg)
{
	static const char *const prefix[] = {
		"", "error: ", "warning: ", "info: ", "debug: ",
	};
	mcc_xen_console *self = (mcc_xen_console *)c;
	if (self->closed)
		return -MCC_ECLOSED;
	if (level < 0 || level > MCC_LOG_DEBUG)
		return -MCC_EINVAL;
	/* One write per line keeps lines whole across jobs. */
	char buf[512];
	int n = mcc_snprintf(buf, sizeof buf, "%s%s\n", prefix[level], msg);
	if (n < 0)
		return -MCC_EINVAL;
	if ((size_t)n >= sizeof buf) {
		mcc_xen_cons_puts(prefix[level]);
		mcc_xen_cons_puts(msg);
		mcc_xen_cons_write("\n", 1);
		return 0;
	}
	mcc_xen_cons_write(buf, (size_t)n);
	return 0;
}

static int xc_disconnect(mcc_device *d)
{
	return xc_close((mcc_flow *)d);
}

int mcc_xen_console_connect(mcc_xen_console *self)
{
	*self = (mcc_xen_console){0};
	self->c.flow.dev.kind = "xen_console";
	self->c.flow.dev.disconnect = xc_disconnect;
	self->c.flow.read = xc_read;
	self->c.flow.write = xc_write;
	self->c.flow.close = xc_close;
	self->c.log = xc_log;
	if (mcc_xen_cons_kind() == MCC_XEN_CONS_NONE)
		return -MCC_ENOENT;
	uint32_t port = mcc_xen_cons_port();
	if (port && !port_attached) {
		int r = mcc_xen_evtchn_attach(port, on_console_event, NULL);
		if (r)
			return r;
		port_attached = true;
	}
	return 0;
}
