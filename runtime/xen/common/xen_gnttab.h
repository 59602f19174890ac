/* xen_gnttab.h - grant tables (v1): let another domain (a backend) map
 * or copy pages of ours.  Frames are guest frame numbers (gfn): on these
 * identity-mapped guests, physical address >> 12. */
#ifndef MCC_XEN_GNTTAB_H
#define MCC_XEN_GNTTAB_H

#include "xen/common/xen_public.h"
#include <stdbool.h>

/* Map the grant table frames (XENMEM_add_to_physmap).  Idempotent. */
int mcc_xen_gnttab_init(void);
/* Grant dom access to frame; returns the reference (>= 0) or
 * -MCC_ENOSPC / -MCC_EIO. */
int mcc_xen_gnttab_grant(domid_t dom, uint64_t frame, bool readonly);
/* Revoke a grant: 0, or -MCC_EAGAIN while the backend still has it mapped
 * (then the reference stays allocated; try again later). */
int mcc_xen_gnttab_end(grant_ref_t ref);
/* Free entries left (tests, diagnostics). */
unsigned mcc_xen_gnttab_free_count(void);

#endif
