/* xen_cons.c - console output and input at the lowest level. */
#include "xen/common/xen_cons.h"
#include "xen/common/xen_arch.h"
#include "xen/common/xen_boot.h"
#include "xen/common/xen_hcall.h"

static enum mcc_xen_cons_kind kind;
static volatile struct xencons_interface *ring;
static evtchn_port_t ring_port;

#define MB() __atomic_thread_fence(__ATOMIC_SEQ_CST)

void mcc_xen_cons_init(void)
{
	uint64_t pfn = 0, port = 0;
	if (mcc_xen_bootinfo.on_xen &&
	    xen_hvm_get_param(HVM_PARAM_CONSOLE_PFN, &pfn) == 0 && pfn &&
	    xen_hvm_get_param(HVM_PARAM_CONSOLE_EVTCHN, &port) == 0) {
		ring = (volatile struct xencons_interface *)(uintptr_t)(pfn << 12);
		ring_port = (evtchn_port_t)port;
		kind = MCC_XEN_CONS_RING;
	} else if (mcc_arch_uart_write("", 0)) {
		kind = MCC_XEN_CONS_UART;
	} else if (mcc_xen_bootinfo.on_xen) {
		kind = MCC_XEN_CONS_HYPERCALL;
	} else {
		kind = MCC_XEN_CONS_NONE;
	}
}

enum mcc_xen_cons_kind mcc_xen_cons_kind(void) { return kind; }
uint32_t mcc_xen_cons_port(void) { return ring_port; }

const char *mcc_xen_cons_name(void)
{
	switch (kind) {
	case MCC_XEN_CONS_RING: return "PV console ring";
	case MCC_XEN_CONS_UART: return "UART";
	case MCC_XEN_CONS_HYPERCALL: return "console_io hypercall";
	default: return "none";
	}
}

/* Sleep a little while the backend catches up; false after ~5 s in
 * total so that a dead backend costs output, not a hung guest. */
static bool ring_wait(uint64_t *waited_ns)
{
	if (*waited_ns > 5000000000ull)
		return false;
	struct evtchn_send op = { .port = ring_port };
	xen_evtchn_op(EVTCHNOP_send, &op);
	uint64_t now = mcc_arch_now_ns();
	uint32_t p = ring_port;
	mcc_arch_block(now + 1000000, &p, 1);
	*waited_ns += mcc_arch_now_ns() - now + 1000;
	return true;
}

static void ring_write(const char *s, size_t n)
{
	uint64_t waited = 0;
	size_t i = 0;
	bool cr_done = false;
	while (i < n) {
		XENCONS_RING_IDX cons = ring->out_cons, prod = ring->out_prod;
		MB();
		bool progress = false;
		while (i < n && prod - cons < sizeof(ring->out)) {
			char c = s[i];
			/* Terminal convention: "\r\n" for '\n'. */
			if (c == '\n' && !cr_done) {
				ring->out[MASK_XENCONS_IDX(prod++, ring->out)] = '\r';
				cr_done = true;
				continue;
			}
			ring->out[MASK_XENCONS_IDX(prod++, ring->out)] = c;
			cr_done = false;
			i++;
			progress = true;
		}
		MB();
		ring->out_prod = prod;
		struct evtchn_send op = { .port = ring_port };
		xen_evtchn_op(EVTCHNOP_send, &op);
		if (i < n && !progress && !ring_wait(&waited))
			return;
	}
}

void mcc_xen_cons_write(const char *s, size_t n)
{
	switch (kind) {
	case MCC_XEN_CONS_RING:
		ring_write(s, n);
		break;
	case MCC_XEN_CONS_UART:
		mcc_arch_uart_write(s, n);
		break;
	case MCC_XEN_CONS_HYPERCALL:
		/* Xen takes at most a page or so per call on some builds. */
		while (n) {
			size_t k = n > 512 ? 512 : n;
			xen_console_io(CONSOLEIO_write, k, s);
			s += k;
			n -= k;
		}
		break;
	default:
		break;
	}
}

void mcc_xen_cons_puts(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	mcc_xen_cons_write(s, n);
}

void mcc_xen_cons_hex(const char *name, uint64_t v)
{
	char buf[64];
	size_t n = 0;
	while (*name && n < 40)
		buf[n++] = *name++;
	buf[n++] = '=';
	buf[n++] = '0';
	buf[n++] = 'x';
	for (int i = 15; i >= 0; i--)
		buf[n++] = "0123456789abcdef"[(v >> (i * 4)) & 15];
	buf[n++] = ' ';
	mcc_xen_cons_write(buf, n);
}

size_t mcc_xen_cons_read(char *buf, size_t len)
{
	if (kind != MCC_XEN_CONS_RING)
		return 0;
	XENCONS_RING_IDX cons = ring->in_cons, prod = ring->in_prod;
	MB();
	size_t n = 0;
	while (cons != prod && n < len)
		buf[n++] = ring->in[MASK_XENCONS_IDX(cons++, ring->in)];
	MB();
	ring->in_cons = cons;
	if (n) {
		struct evtchn_send op = { .port = ring_port };
		xen_evtchn_op(EVTCHNOP_send, &op);
	}
	return n;
}

void mcc_xen_cons_flush(void)
{
	if (kind != MCC_XEN_CONS_RING)
		return;
	uint64_t waited = 0;
	while (ring->out_cons != ring->out_prod && ring_wait(&waited))
		;
}
