/* net/tcp.c - the TCP device: flows that block the calling job on wait
 * queues woken by the core's events, and a job running the core's
 * timers. */
#include "net/tcp.h"
#include "net/wire.h"
#include "mcc/platform.h"

/* A connection as the application sees it. */
typedef struct tcp_flow {
	mcc_flow flow;              /* first: (mcc_flow *) upcast */
	mcc_tcp *tcp;
	mcc_tcpc_conn *c;
	mcc_waitq rq, wq;
} tcp_flow;

struct mcc_tcp_listener {
	mcc_tcp *tcp;
	mcc_tcpc_listener *l;
	mcc_waitq q;
};

/* After any call into the core: make sure the timer job wakes in time. */
static void kick(mcc_tcp *self)
{
	if (mcc_tcpc_next_deadline(&self->core) < self->timer_at)
		mcc_wake_one(&self->timerq);
}

static int emit(void *ctx, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		const mcc_iov *iov, int n)
{
	mcc_tcp *self = ctx;
	(void)src;
	return self->ip->write(self->ip, dst, MCC_IPPROTO_TCP, iov, n);
}

static void event(void *ctx, mcc_tcpc_conn *c, mcc_tcpc_listener *l,
		  unsigned ev)
{
	(void)ctx;
	if (l) {
		struct mcc_tcp_listener *lw = l->user;
		if (lw)
			mcc_wake_all(&lw->q);
		return;
	}
	tcp_flow *f = c->user;
	if (!f)
		return;
	if (ev & MCC_TCPC_READABLE)
		mcc_wake_all(&f->rq);
	if (ev & MCC_TCPC_WRITABLE)
		mcc_wake_all(&f->wq);
}

static void on_segment(void *ctx, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		       const uint8_t *p, size_t len)
{
	mcc_tcp *self = ctx;
	mcc_tcpc_input(&self->core, src, dst, p, len, mcc_now_ns());
	kick(self);
}

static int timer_job(void *arg)
{
	mcc_tcp *self = arg;
	for (;;) {
		uint64_t next = mcc_tcpc_tick(&self->core, mcc_now_ns());
		self->timer_at = next;
		int r = mcc_wait(&self->timerq, next == UINT64_MAX ? 0 : next);
		if (r == -MCC_ECANCELED)
			return 0;
	}
}

static long flow_read(mcc_flow *fl, void *buf, size_t len)
{
	tcp_flow *f = (tcp_flow *)fl;
	if (!f->c)
		return 0;
	for (;;) {
		long r = mcc_tcpc_recv(f->c, buf, len, mcc_now_ns());
		if (r != -MCC_EAGAIN) {
			kick(f->tcp);
			return r;
		}
		int w = mcc_wait(&f->rq, 0);
		if (w < 0)
			return w;
	}
}

static long flow_write(mcc_flow *fl, const void *buf, size_t len)
{
	tcp_flow *f = (tcp_flow *)fl;
	const uint8_t *p = buf;
	size_t done = 0;

	if (!f->c)
		return -MCC_ECLOSED;
	while (done < len) {
		long r = mcc_tcpc_send(f->c, p + done, len - done, mcc_now_ns());
		kick(f->tcp);
		if (r > 0) {
			done += (size_t)r;
			continue;
		}
		if (r < 0 && r != -MCC_EAGAIN)
			return r;
		int w = mcc_wait(&f->wq, 0);
		if (w < 0)
			return w;
	}
	return (long)len;
}

static int flow_close(mcc_flow *fl)
{
	tcp_flow *f = (tcp_flow *)fl;
	mcc_tcp *self = f->tcp;
	if (f->c) {
		f->c->user = NULL;
		mcc_tcpc_close(f->c, mcc_now_ns());
		kick(self);
	}
	mcc_wake_all(&f->rq);
	mcc_wake_all(&f->wq);
	mcc_plat_free(f, sizeof *f);
	return 0;
}

static tcp_flow *wrap(mcc_tcp *self, mcc_tcpc_conn *c)
{
	tcp_flow *f = mcc_plat_alloc(sizeof *f);
	if (!f)
		return NULL;
	wire_zero(f, sizeof *f);
	f->flow = self->tcp.flow;       /* same operations as the device */
	f->flow.dev.kind = "tcp_flow";
	f->flow.dev.disconnect = NULL;
	f->tcp = self;
	f->c = c;
	c->user = f;
	return f;
}

static int tcp_listen(mcc_tcpv4 *t, uint16_t port, int backlog,
		      mcc_tcp_listener **out)
{
	mcc_tcp *self = (mcc_tcp *)t;
	struct mcc_tcp_listener *lw = mcc_plat_alloc(sizeof *lw);
	if (!lw)
		return -MCC_ENOMEM;
	wire_zero(lw, sizeof *lw);
	lw->tcp = self;
	if (backlog <= 0 || backlog > 1024)
		backlog = backlog <= 0 ? 16 : 1024;
	int r = mcc_tcpc_listen(&self->core, port, backlog, &lw->l);
	if (r < 0) {
		mcc_plat_free(lw, sizeof *lw);
		return r;
	}
	lw->l->user = lw;
	*out = lw;
	return 0;
}

static int tcp_accept(mcc_tcpv4 *t, mcc_tcp_listener *lw, mcc_flow **out,
		      mcc_ipv4_addr *peer, uint16_t *peer_port)
{
	mcc_tcp *self = (mcc_tcp *)t;
	for (;;) {
		mcc_tcpc_conn *c = mcc_tcpc_accept(&self->core, lw->l);
		if (c) {
			tcp_flow *f = wrap(self, c);
			if (!f) {
				mcc_tcpc_abort(c, mcc_now_ns());
				return -MCC_ENOMEM;
			}
			if (peer)
				*peer = c->rip;
			if (peer_port)
				*peer_port = c->rport;
			*out = &f->flow;
			return 0;
		}
		int r = mcc_wait(&lw->q, 0);
		if (r < 0)
			return r;
	}
}

static int tcp_unlisten(mcc_tcpv4 *t, mcc_tcp_listener *lw)
{
	mcc_tcp *self = (mcc_tcp *)t;
	mcc_tcpc_unlisten(&self->core, lw->l, mcc_now_ns());
	mcc_wake_all(&lw->q);
	mcc_plat_free(lw, sizeof *lw);
	return 0;
}

static int tcp_connect_to(mcc_tcpv4 *t, mcc_ipv4_addr dst, uint16_t port,
			  mcc_flow **out)
{
	mcc_tcp *self = (mcc_tcp *)t;
	mcc_tcpc_conn *c;
	mcc_ipv4_addr src = self->ip->address(self->ip);

	if (!src)
		return -MCC_ENETDOWN;
	int r = mcc_tcpc_connect(&self->core, src, dst, port, mcc_now_ns(), &c);
	if (r < 0)
		return r;
	kick(self);
	tcp_flow *f = wrap(self, c);
	if (!f) {
		mcc_tcpc_abort(c, mcc_now_ns());
		return -MCC_ENOMEM;
	}
	while (c->state == TCPS_SYN_SENT || c->state == TCPS_SYN_RCVD) {
		r = mcc_wait(&f->wq, 0);
		if (r < 0) {
			flow_close(&f->flow);
			return r;
		}
	}
	if (c->err) {
		r = c->err;
		flow_close(&f->flow);
		return r;
	}
	*out = &f->flow;
	return 0;
}

static int tcp_disconnect(mcc_device *d)
{
	mcc_tcp *self = (mcc_tcp *)d;
	self->ip->listen(self->ip, MCC_IPPROTO_TCP, NULL, NULL);
	if (self->timer) {
		mcc_job_cancel(self->timer);
		mcc_job_join(self->timer);
		self->timer = NULL;
	}
	mcc_tcpc_fini(&self->core);
	return 0;
}

int mcc_tcp_connect(mcc_tcp *self, mcc_ipv4 *ip)
{
	wire_zero(self, sizeof *self);
	self->tcp.flow.dev.kind = "tcp";
	self->tcp.flow.dev.disconnect = tcp_disconnect;
	self->tcp.flow.read = flow_read;
	self->tcp.flow.write = flow_write;
	self->tcp.flow.close = flow_close;
	self->tcp.listen = tcp_listen;
	self->tcp.accept = tcp_accept;
	self->tcp.unlisten = tcp_unlisten;
	self->tcp.connect = tcp_connect_to;
	self->ip = ip;
	/* No RANDOM device in this component's signature: the ISN secret
	 * mixes the boot time and where the instance lives. */
	uint64_t seed = mcc_now_ns() ^ (uint64_t)(uintptr_t)self;
	mcc_tcpc_init(&self->core, ip->mtu(ip) + 20, emit, event, self, seed);
	self->timer_at = UINT64_MAX;
	self->timer = mcc_job_spawn("tcp-timer", timer_job, self, 0);
	if (!self->timer)
		return -MCC_ENOMEM;
	return ip->listen(ip, MCC_IPPROTO_TCP, on_segment, self);
}
