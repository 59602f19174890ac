/* xen_heap.h - the guest's memory: a page allocator over the RAM the boot
 * code reported, and size classes for small objects carved from pages.
 *
 * Portable C (unit-tested on the host over an ordinary buffer).  Single
 * core, cooperative: no locks. */
#ifndef MCC_XEN_HEAP_H
#define MCC_XEN_HEAP_H

#include <stddef.h>
#include <stdint.h>

#define MCC_XEN_PAGE 4096u

/* Give [start, end) to the allocator (trimmed to whole pages). */
void mcc_xen_heap_add(uintptr_t start, uintptr_t end);
/* npages contiguous, page-aligned pages, zero-filled.  NULL when none. */
void *mcc_xen_pages_alloc(size_t npages);
void mcc_xen_pages_free(void *p, size_t npages);
/* size bytes, 16-byte aligned (page-aligned above 2 KiB).  The caller
 * frees with the same size. */
void *mcc_xen_heap_alloc(size_t size);
void mcc_xen_heap_free(void *p, size_t size);

typedef struct mcc_xen_heap_stats {
	size_t free_pages;      /* pages on the free list */
	size_t total_pages;     /* pages ever added */
	size_t live_bytes;      /* requested bytes not yet freed */
} mcc_xen_heap_stats;
void mcc_xen_heap_stats_get(mcc_xen_heap_stats *out);
/* Forget everything (unit tests only). */
void mcc_xen_heap_reset(void);

#endif
