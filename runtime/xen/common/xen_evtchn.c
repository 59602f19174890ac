/* xen_evtchn.c - event channels over the shared info bitmaps.
 *
 * The pending/mask bitmaps are arrays of xen_ulong_t (64-bit on ARM even
 * for 32-bit guests).  Bits are touched through 32-bit atomics on the
 * word that holds them, which is the same bit on every layout (little
 * endian), so one code path serves x86, arm and arm64. */
#include "xen/common/xen_evtchn.h"
#include "xen/common/xen_hcall.h"
#include "xen/common/xen_shinfo.h"
#include "mcc/error.h"
#include <stddef.h>

typedef struct handler {
	evtchn_port_t port;
	mcc_xen_evtchn_fn fn;
	void *ctx;
	bool used;
} handler;

static handler handlers[MCC_XEN_EVTCHN_MAX];

static volatile uint32_t *words(xen_ulong_t *bitmap)
{
	return (volatile uint32_t *)(void *)bitmap;
}

static uint32_t fetch_and(volatile uint32_t *w, uint32_t v)
{
	return __atomic_fetch_and(w, v, __ATOMIC_SEQ_CST);
}

static handler *find(evtchn_port_t port)
{
	for (int i = 0; i < MCC_XEN_EVTCHN_MAX; i++)
		if (handlers[i].used && handlers[i].port == port)
			return &handlers[i];
	return NULL;
}

static bool port_ok(evtchn_port_t port)
{
	return port > 0 && port < sizeof(xen_ulong_t) * 8 * sizeof(xen_ulong_t) * 8;
}

int mcc_xen_evtchn_attach(evtchn_port_t port, mcc_xen_evtchn_fn fn, void *ctx)
{
	if (!port_ok(port) || !fn || !mcc_xen_shinfo)
		return -MCC_EINVAL;
	handler *h = find(port);
	for (int i = 0; !h && i < MCC_XEN_EVTCHN_MAX; i++)
		if (!handlers[i].used)
			h = &handlers[i];
	if (!h)
		return -MCC_ENOSPC;
	*h = (handler){ .port = port, .fn = fn, .ctx = ctx, .used = true };
	mcc_xen_evtchn_unmask(port);
	return 0;
}

void mcc_xen_evtchn_detach(evtchn_port_t port)
{
	handler *h = find(port);
	if (h) {
		mcc_xen_evtchn_mask(port);
		h->used = false;
	}
}

int mcc_xen_evtchn_bind_virq(uint32_t virq, mcc_xen_evtchn_fn fn, void *ctx,
			     evtchn_port_t *out)
{
	struct evtchn_bind_virq op = { .virq = virq, .vcpu = 0 };
	if (xen_evtchn_op(EVTCHNOP_bind_virq, &op))
		return -MCC_EIO;
	*out = op.port;
	return mcc_xen_evtchn_attach(op.port, fn, ctx);
}

int mcc_xen_evtchn_alloc_unbound(domid_t remote, mcc_xen_evtchn_fn fn,
				 void *ctx, evtchn_port_t *out)
{
	struct evtchn_alloc_unbound op = { .dom = DOMID_SELF, .remote_dom = remote };
	if (xen_evtchn_op(EVTCHNOP_alloc_unbound, &op))
		return -MCC_EIO;
	*out = op.port;
	int r = mcc_xen_evtchn_attach(op.port, fn, ctx);
	if (r)
		mcc_xen_evtchn_unbind(op.port);
	return r;
}

int mcc_xen_evtchn_bind_interdomain(domid_t remote, evtchn_port_t rport,
				    mcc_xen_evtchn_fn fn, void *ctx,
				    evtchn_port_t *out)
{
	struct evtchn_bind_interdomain op = {
		.remote_dom = remote, .remote_port = rport,
	};
	if (xen_evtchn_op(EVTCHNOP_bind_interdomain, &op))
		return -MCC_EIO;
	*out = op.local_port;
	int r = mcc_xen_evtchn_attach(op.local_port, fn, ctx);
	if (r)
		mcc_xen_evtchn_unbind(op.local_port);
	return r;
}

void mcc_xen_evtchn_unbind(evtchn_port_t port)
{
	mcc_xen_evtchn_detach(port);
	struct evtchn_close op = { .port = port };
	xen_evtchn_op(EVTCHNOP_close, &op);
}

int mcc_xen_evtchn_notify(evtchn_port_t port)
{
	struct evtchn_send op = { .port = port };
	return xen_evtchn_op(EVTCHNOP_send, &op) ? -MCC_EIO : 0;
}

void mcc_xen_evtchn_mask(evtchn_port_t port)
{
	if (!mcc_xen_shinfo || !port_ok(port))
		return;
	__atomic_fetch_or(&words(mcc_xen_shinfo->evtchn_mask)[port / 32],
			  1u << (port % 32), __ATOMIC_SEQ_CST);
}

void mcc_xen_evtchn_unmask(evtchn_port_t port)
{
	/* The hypercall (rather than clearing the bit) makes Xen re-raise
	 * the upcall when the port became pending while masked. */
	struct evtchn_unmask op = { .port = port };
	if (port_ok(port))
		xen_evtchn_op(EVTCHNOP_unmask, &op);
}

unsigned mcc_xen_evtchn_dispatch(void)
{
	struct shared_info *s = mcc_xen_shinfo;
	if (!s)
		return 0;
	struct vcpu_info *vi = &s->vcpu_info[0];
	unsigned count = 0;
	/* Clear the upcall flag before looking: an event after this point
	 * sets it again and wakes the next block. */
	__atomic_store_n(&vi->evtchn_upcall_pending, 0, __ATOMIC_SEQ_CST);
	volatile uint32_t *sel = words(&vi->evtchn_pending_sel);
	volatile uint32_t *pend = words(s->evtchn_pending);
	volatile uint32_t *mask = words(s->evtchn_mask);
	unsigned per_sel = sizeof(xen_ulong_t) * 8 / 32; /* u32 words per sel bit */
	for (unsigned half = 0; half < sizeof(xen_ulong_t) / 4; half++) {
		uint32_t bits = __atomic_exchange_n(&sel[half], 0, __ATOMIC_SEQ_CST);
		while (bits) {
			unsigned b = (unsigned)__builtin_ctz(bits);
			bits &= bits - 1;
			unsigned selbit = half * 32 + b;
			for (unsigned k = 0; k < per_sel; k++) {
				unsigned wi = selbit * per_sel + k;
				uint32_t p;
				while ((p = pend[wi] & ~mask[wi]) != 0) {
					unsigned pb = (unsigned)__builtin_ctz(p);
					fetch_and(&pend[wi], ~(1u << pb));
					evtchn_port_t port = wi * 32 + pb;
					handler *h = find(port);
					if (h)
						h->fn(port, h->ctx);
					count++;
				}
			}
		}
	}
	return count;
}

unsigned mcc_xen_evtchn_ports(uint32_t *out, unsigned max)
{
	unsigned n = 0;
	for (int i = 0; i < MCC_XEN_EVTCHN_MAX && n < max; i++)
		if (handlers[i].used)
			out[n++] = handlers[i].port;
	return n;
}
