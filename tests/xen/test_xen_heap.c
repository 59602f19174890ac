/* test_xen_heap.c - the page allocator and the small-object classes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "xen/common/xen_heap.h"

#define ARENA (64 * 4096)
static uint8_t *arena;

static int setup(void **st)
{
	(void)st;
	mcc_xen_heap_reset();
	arena = aligned_alloc(4096, ARENA);
	memset(arena, 0xa5, ARENA);     /* the heap must zero what it hands out */
	mcc_xen_heap_add((uintptr_t)arena, (uintptr_t)arena + ARENA);
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	mcc_xen_heap_reset();
	free(arena);
	return 0;
}

static void test_pages_alloc_free_coalesce(void **st)
{
	(void)st;
	mcc_xen_heap_stats s;
	mcc_xen_heap_stats_get(&s);
	assert_int_equal(s.total_pages, 64);
	assert_int_equal(s.free_pages, 64);
	void *a = mcc_xen_pages_alloc(3), *b = mcc_xen_pages_alloc(5), *c = mcc_xen_pages_alloc(1);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_int_equal((uintptr_t)a % 4096, 0);
	for (int i = 0; i < 3 * 4096; i++)
		assert_int_equal(((uint8_t *)a)[i], 0);
	mcc_xen_heap_stats_get(&s);
	assert_int_equal(s.free_pages, 55);
	/* Free in an order that needs merging on both sides. */
	mcc_xen_pages_free(b, 5);
	mcc_xen_pages_free(a, 3);
	mcc_xen_pages_free(c, 1);
	mcc_xen_heap_stats_get(&s);
	assert_int_equal(s.free_pages, 64);
	/* Fully coalesced: the whole arena is one run again. */
	void *all = mcc_xen_pages_alloc(64);
	assert_ptr_equal(all, arena);
	assert_null(mcc_xen_pages_alloc(1));
	mcc_xen_pages_free(all, 64);
}

static void test_exhaustion_and_bad_sizes(void **st)
{
	(void)st;
	assert_null(mcc_xen_pages_alloc(65));
	assert_null(mcc_xen_pages_alloc(0));
	assert_null(mcc_xen_pages_alloc(SIZE_MAX));
	assert_null(mcc_xen_heap_alloc(SIZE_MAX - 10));
}

static void test_small_objects(void **st)
{
	(void)st;
	void *p[200];
	for (int i = 0; i < 200; i++) {
		size_t sz = 1 + (size_t)(i * 13) % 2048;
		p[i] = mcc_xen_heap_alloc(sz);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % 16, 0);
		for (size_t k = 0; k < sz; k++)
			assert_int_equal(((uint8_t *)p[i])[k], 0);
		memset(p[i], i, sz);
	}
	/* No two live objects overlap: each still holds its own pattern. */
	for (int i = 0; i < 200; i++) {
		size_t sz = 1 + (size_t)(i * 13) % 2048;
		for (size_t k = 0; k < sz; k++)
			assert_int_equal(((uint8_t *)p[i])[k], (uint8_t)i);
	}
	for (int i = 0; i < 200; i++)
		mcc_xen_heap_free(p[i], 1 + (size_t)(i * 13) % 2048);
	mcc_xen_heap_stats s;
	mcc_xen_heap_stats_get(&s);
	assert_int_equal(s.live_bytes, 0);
	/* Freed objects are reused (and zeroed again). */
	uint8_t *q = mcc_xen_heap_alloc(100);
	assert_non_null(q);
	for (int k = 0; k < 100; k++)
		assert_int_equal(q[k], 0);
	mcc_xen_heap_free(q, 100);
}

static void test_large_objects(void **st)
{
	(void)st;
	void *a = mcc_xen_heap_alloc(3 * 4096 + 1);
	assert_non_null(a);
	assert_int_equal((uintptr_t)a % 4096, 0);
	mcc_xen_heap_stats s;
	mcc_xen_heap_stats_get(&s);
	assert_int_equal(s.free_pages, 60);
	mcc_xen_heap_free(a, 3 * 4096 + 1);
	mcc_xen_heap_stats_get(&s);
	assert_int_equal(s.free_pages, 64);
}

static void test_unaligned_region(void **st)
{
	(void)st;
	mcc_xen_heap_reset();
	/* Partial pages at both ends are dropped. */
	mcc_xen_heap_add((uintptr_t)arena + 100, (uintptr_t)arena + 3 * 4096 + 5);
	mcc_xen_heap_stats s;
	mcc_xen_heap_stats_get(&s);
	assert_int_equal(s.total_pages, 2);
	mcc_xen_heap_add((uintptr_t)arena + 5000, (uintptr_t)arena + 6000);
	mcc_xen_heap_stats_get(&s);
	assert_int_equal(s.total_pages, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pages_alloc_free_coalesce, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exhaustion_and_bad_sizes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_small_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unaligned_region, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
