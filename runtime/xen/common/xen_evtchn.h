/* xen_evtchn.h - event channels (2-level ABI): binding, handlers,
 * notification, and the dispatch loop the platform's wait runs. */
#ifndef MCC_XEN_EVTCHN_H
#define MCC_XEN_EVTCHN_H

#include "xen/common/xen_public.h"
#include <stdbool.h>

#define MCC_XEN_EVTCHN_MAX 64   /* handlers bound at once */

typedef void (*mcc_xen_evtchn_fn)(evtchn_port_t port, void *ctx);

/* Attach fn to an already-open port and unmask it.  0, -MCC_ENOSPC when
 * the handler table is full, -MCC_EINVAL for a bad port. */
int mcc_xen_evtchn_attach(evtchn_port_t port, mcc_xen_evtchn_fn fn, void *ctx);
/* Open a port and attach fn (returns the port in *out). */
int mcc_xen_evtchn_bind_virq(uint32_t virq, mcc_xen_evtchn_fn fn, void *ctx,
			     evtchn_port_t *out);
int mcc_xen_evtchn_alloc_unbound(domid_t remote, mcc_xen_evtchn_fn fn,
				 void *ctx, evtchn_port_t *out);
int mcc_xen_evtchn_bind_interdomain(domid_t remote, evtchn_port_t rport,
				    mcc_xen_evtchn_fn fn, void *ctx,
				    evtchn_port_t *out);
/* Detach the handler and close the port. */
void mcc_xen_evtchn_unbind(evtchn_port_t port);
/* Detach the handler only (ports Xen owns, like the console's). */
void mcc_xen_evtchn_detach(evtchn_port_t port);
int mcc_xen_evtchn_notify(evtchn_port_t port);
void mcc_xen_evtchn_mask(evtchn_port_t port);
void mcc_xen_evtchn_unmask(evtchn_port_t port);

/* Clear and handle every pending, unmasked port; returns how many. */
unsigned mcc_xen_evtchn_dispatch(void);
/* The ports with handlers (for SCHEDOP_poll); returns the count. */
unsigned mcc_xen_evtchn_ports(uint32_t *out, unsigned max);

#endif
