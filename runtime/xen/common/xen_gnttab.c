/* xen_gnttab.c - grant table v1 over frames Xen maps into pages taken
 * from the heap (the RAM behind them is given up, as for shared info). */
#include "xen/common/xen_gnttab.h"
#include "xen/common/xen_hcall.h"
#include "xen/common/xen_heap.h"
#include "mcc/error.h"

#define NR_RESERVED 8            /* refs 0-7 belong to the toolstack */
#define MAX_FRAMES 4             /* 2048 v1 entries: plenty for a unikernel */
#define PER_FRAME (4096 / sizeof(grant_entry_v1_t))

static grant_entry_v1_t *table;
static unsigned nr_entries;
/* free list threaded through next_free[]; -1 ends it */
static int32_t next_free[MAX_FRAMES * PER_FRAME];
static int32_t free_head = -1;
static unsigned nfree;

int mcc_xen_gnttab_init(void)
{
	if (table)
		return 0;
	struct gnttab_query_size q = { .dom = DOMID_SELF };
	unsigned frames = MAX_FRAMES;
	if (xen_gnttab_op(GNTTABOP_query_size, &q, 1) == 0 && q.status == GNTST_okay &&
	    q.max_nr_frames < frames)
		frames = q.max_nr_frames;
	if (frames == 0)
		return -MCC_EIO;
	uint8_t *pages = mcc_xen_pages_alloc(frames);
	if (!pages)
		return -MCC_ENOMEM;
	for (unsigned i = 0; i < frames; i++) {
		struct xen_add_to_physmap x = {
			.domid = DOMID_SELF, .space = XENMAPSPACE_grant_table,
			.idx = i, .gpfn = (xen_pfn_t)(((uintptr_t)pages >> 12) + i),
		};
		if (xen_memory_op(XENMEM_add_to_physmap, &x)) {
			if (i == 0)
				return -MCC_EIO;   /* the pages are Xen's now: keep them */
			frames = i;
			break;
		}
	}
	table = (grant_entry_v1_t *)(void *)pages;
	nr_entries = frames * PER_FRAME;
	for (unsigned r = nr_entries; r-- > NR_RESERVED;) {
		next_free[r] = free_head;
		free_head = (int32_t)r;
		nfree++;
	}
	return 0;
}

int mcc_xen_gnttab_grant(domid_t dom, uint64_t frame, bool readonly)
{
	if (!table || free_head < 0)
		return table ? -MCC_ENOSPC : -MCC_EIO;
	if (frame > UINT32_MAX)
		return -MCC_EINVAL;             /* v1 frames are 32-bit */
	int32_t ref = free_head;
	free_head = next_free[ref];
	nfree--;
	grant_entry_v1_t *e = &table[ref];
	e->domid = dom;
	e->frame = (uint32_t)frame;
	/* Flags last: the entry must be complete when it becomes valid. */
	__atomic_store_n(&e->flags,
			 (uint16_t)(GTF_permit_access | (readonly ? GTF_readonly : 0)),
			 __ATOMIC_RELEASE);
	return ref;
}

int mcc_xen_gnttab_end(grant_ref_t ref)
{
	if (!table || ref < NR_RESERVED || ref >= nr_entries)
		return -MCC_EINVAL;
	grant_entry_v1_t *e = &table[ref];
	uint16_t flags = __atomic_load_n(&e->flags, __ATOMIC_ACQUIRE);
	do {
		if (!(flags & GTF_permit_access))
			return -MCC_EINVAL;     /* not granted (or ended twice) */
		if (flags & (GTF_reading | GTF_writing))
			return -MCC_EAGAIN;
	} while (!__atomic_compare_exchange_n(&e->flags, &flags, 0, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	next_free[ref] = free_head;
	free_head = (int32_t)ref;
	nfree++;
	return 0;
}

unsigned mcc_xen_gnttab_free_count(void)
{
	return nfree;
}
