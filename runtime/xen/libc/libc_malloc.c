/* libc_malloc.c - malloc and friends over the platform heap.  Each block
 * carries its size in a 16-byte header (the heap wants it back on free). */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "xen/common/xen_heap.h"

#define HDR 16

void *malloc(size_t n)
{
	if (n > SIZE_MAX - HDR)
		return NULL;
	size_t *p = mcc_xen_heap_alloc(n + HDR);
	if (!p)
		return NULL;
	p[0] = n;
	return (char *)p + HDR;
}

void free(void *q)
{
	if (!q)
		return;
	size_t *p = (size_t *)(void *)((char *)q - HDR);
	mcc_xen_heap_free(p, p[0] + HDR);
}

void *calloc(size_t count, size_t n)
{
	if (n && count > SIZE_MAX / n)
		return NULL;
	/* The heap hands out zeroed memory. */
	return malloc(count * n);
}

void *realloc(void *q, size_t n)
{
	if (!q)
		return malloc(n);
	size_t old = ((size_t *)(void *)((char *)q - HDR))[0];
	if (n <= old && n >= old / 2)
		return q;
	void *r = malloc(n);
	if (!r)
		return NULL;
	memcpy(r, q, old < n ? old : n);
	free(q);
	return r;
}
