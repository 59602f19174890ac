/* xen_shinfo.c - map the shared info page.  Xen replaces the RAM page at
 * the chosen frame with the shared info frame, so the page is one of the
 * image's own, never handed to the heap. */
#include "xen/common/xen_shinfo.h"
#include "xen/common/xen_hcall.h"

struct shared_info *mcc_xen_shinfo;
static uint8_t shinfo_page[4096] __attribute__((aligned(4096)));

long mcc_xen_shinfo_map(void)
{
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (xen_pfn_t)((uintptr_t)shinfo_page >> 12),
	};
	long r = xen_memory_op(XENMEM_add_to_physmap, &xatp);
	if (r == 0)
		mcc_xen_shinfo = (struct shared_info *)(void *)shinfo_page;
	return r;
}
