/* xen_heap.c - page runs on an address-ordered free list (first fit,
 * coalescing on free), plus power-of-two size classes of 16..2048 bytes
 * whose objects come from whole pages.  Class pages are kept once carved:
 * a unikernel's small-object population is bounded and reused. */
#include "xen/common/xen_heap.h"

#include <stdbool.h>

#define PAGE MCC_XEN_PAGE
#define MIN_SHIFT 4                 /* 16 bytes */
#define MAX_SHIFT 11                /* 2048 bytes */
#define NCLASS (MAX_SHIFT - MIN_SHIFT + 1)

/* A free run lives in its own first page. */
typedef struct run { size_t npages; struct run *next; } run;
typedef struct obj { struct obj *next; } obj;

static run *free_runs;
static obj *class_free[NCLASS];
static mcc_xen_heap_stats stats;

static void zero(void *p, size_t n)
{
	/* Word stores: pages are aligned; no dependency on libc here. */
	uint64_t *w = p;
	for (size_t i = 0; i < n / 8; i++)
		w[i] = 0;
}

static void runs_insert(uintptr_t start, size_t npages)
{
	run **pp = &free_runs;
	while (*pp && (uintptr_t)*pp < start)
		pp = &(*pp)->next;
	run *r = (run *)start;
	r->npages = npages;
	r->next = *pp;
	*pp = r;
	/* Merge with the following run, then with the previous one. */
	if (r->next && start + npages * PAGE == (uintptr_t)r->next) {
		r->npages += r->next->npages;
		r->next = r->next->next;
	}
	if (pp != &free_runs) {
		run *prev = (run *)((char *)pp - offsetof(run, next));
		if ((uintptr_t)prev + prev->npages * PAGE == start) {
			prev->npages += r->npages;
			prev->next = r->next;
		}
	}
	stats.free_pages += npages;
}

void mcc_xen_heap_add(uintptr_t start, uintptr_t end)
{
	uintptr_t s = (start + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
	uintptr_t e = end & ~(uintptr_t)(PAGE - 1);
	if (s == 0)
		s = PAGE;       /* page 0 would read as NULL */
	if (e <= s)
		return;
	stats.total_pages += (e - s) / PAGE;
	runs_insert(s, (e - s) / PAGE);
}

void *mcc_xen_pages_alloc(size_t npages)
{
	if (npages == 0 || npages > SIZE_MAX / PAGE)
		return NULL;
	for (run **pp = &free_runs; *pp; pp = &(*pp)->next) {
		run *r = *pp;
		if (r->npages < npages)
			continue;
		/* Take the tail: the run header stays where it is. */
		r->npages -= npages;
		void *p = (char *)r + r->npages * PAGE;
		if (r->npages == 0)
			*pp = r->next;
		stats.free_pages -= npages;
		zero(p, npages * PAGE);
		return p;
	}
	return NULL;
}

void mcc_xen_pages_free(void *p, size_t npages)
{
	if (p && npages)
		runs_insert((uintptr_t)p, npages);
}

static int class_of(size_t size)
{
	int c = 0;
	while (((size_t)1 << (c + MIN_SHIFT)) < size)
		c++;
	return c;
}

static bool class_refill(int c)
{
	char *page = mcc_xen_pages_alloc(1);
	if (!page)
		return false;
	size_t sz = (size_t)1 << (c + MIN_SHIFT);
	for (size_t off = 0; off + sz <= PAGE; off += sz) {
		obj *o = (obj *)(page + off);
		o->next = class_free[c];
		class_free[c] = o;
	}
	return true;
}

void *mcc_xen_heap_alloc(size_t size)
{
	if (size == 0)
		size = 1;
	if (size > ((size_t)1 << MAX_SHIFT)) {
		void *p = mcc_xen_pages_alloc((size + PAGE - 1) / PAGE);
		if (p)
			stats.live_bytes += size;
		return p;
	}
	int c = class_of(size);
	if (!class_free[c] && !class_refill(c))
		return NULL;
	obj *o = class_free[c];
	class_free[c] = o->next;
	zero(o, (size_t)1 << (c + MIN_SHIFT));
	stats.live_bytes += size;
	return o;
}

void mcc_xen_heap_free(void *p, size_t size)
{
	if (!p)
		return;
	if (size == 0)
		size = 1;
	stats.live_bytes -= size;
	if (size > ((size_t)1 << MAX_SHIFT)) {
		mcc_xen_pages_free(p, (size + PAGE - 1) / PAGE);
		return;
	}
	int c = class_of(size);
	obj *o = p;
	o->next = class_free[c];
	class_free[c] = o;
}

void mcc_xen_heap_stats_get(mcc_xen_heap_stats *out)
{
	*out = stats;
}

void mcc_xen_heap_reset(void)
{
	free_runs = NULL;
	for (int c = 0; c < NCLASS; c++)
		class_free[c] = NULL;
	stats = (mcc_xen_heap_stats){0};
}
