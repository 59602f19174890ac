/* xen_shinfo.h - the shared info page (event channel bitmaps, vCPU 0's
 * time info, the wall clock), mapped into the guest at start-up. */
#ifndef MCC_XEN_SHINFO_H
#define MCC_XEN_SHINFO_H

#include "xen/common/xen_public.h"

/* NULL until mcc_xen_shinfo_map succeeded. */
extern struct shared_info *mcc_xen_shinfo;

/* Ask Xen to place the shared info frame over a heap page taken for good
 * (XENMEM_add_to_physmap).  0, -1 without a free page, or a negative Xen
 * errno. */
long mcc_xen_shinfo_map(void);

#endif
