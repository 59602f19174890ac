/* xen_shinfo.c - map the shared info page.  Xen replaces the RAM page at
 * the chosen frame with the shared info frame; the frame is a heap page
 * taken for good (not part of the image, which keeps the file small). */
#include "xen/common/xen_shinfo.h"
#include "xen/common/xen_hcall.h"
#include "xen/common/xen_heap.h"

struct shared_info *mcc_xen_shinfo;

long mcc_xen_shinfo_map(void)
{
	void *shinfo_page = mcc_xen_pages_alloc(1);
	if (!shinfo_page)
		return -1;
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
