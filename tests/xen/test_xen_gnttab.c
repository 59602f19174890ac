/* test_xen_gnttab.c - grant table v1 entries over pages the fake Xen
 * "maps" (the heap's own pages stand in for the grant frames). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit_stubs.h"
#include "xen/common/xen_gnttab.h"
#include "xen/common/xen_heap.h"
#include "mcc/error.h"

static unsigned mapped;

static long hcall(unsigned long nr, unsigned long a1, unsigned long a2, unsigned long a3)
{
	(void)a3;
	if (nr == __HYPERVISOR_grant_table_op && a1 == GNTTABOP_query_size) {
		struct gnttab_query_size *q = (void *)a2;
		q->nr_frames = 1;
		q->max_nr_frames = 2;
		q->status = GNTST_okay;
		return 0;
	}
	if (nr == __HYPERVISOR_memory_op && a1 == XENMEM_add_to_physmap) {
		struct xen_add_to_physmap *x = (void *)a2;
		assert_int_equal(x->space, XENMAPSPACE_grant_table);
		mapped++;
		return 0;
	}
	return -38;
}

static void test_grant_end(void **st)
{
	(void)st;
	void *arena = aligned_alloc(4096, 16 * 4096);
	mcc_xen_heap_add((uintptr_t)arena, (uintptr_t)arena + 16 * 4096);
	stub_hcall = hcall;
	assert_int_equal(mcc_xen_gnttab_grant(0, 1, false), -MCC_EIO);  /* no table */
	assert_int_equal(mcc_xen_gnttab_init(), 0);
	assert_int_equal(mapped, 2);                 /* limited by max_nr_frames */
	assert_int_equal(mcc_xen_gnttab_init(), 0);  /* idempotent */
	assert_int_equal(mapped, 2);
	unsigned total = mcc_xen_gnttab_free_count();
	assert_int_equal(total, 2 * 512 - 8);

	int r = mcc_xen_gnttab_grant(0, 0x1234, true);
	assert_true(r >= 8);
	grant_entry_v1_t *e = (grant_entry_v1_t *)((uintptr_t)arena + 14 * 4096) + r;
	/* The table is the last two pages the heap handed out (taken from
	 * the top of the run). */
	assert_int_equal(e->frame, 0x1234);
	assert_int_equal(e->domid, 0);
	assert_int_equal(e->flags, GTF_permit_access | GTF_readonly);
	/* The backend maps it: ending must wait. */
	e->flags |= GTF_reading;
	assert_int_equal(mcc_xen_gnttab_end((grant_ref_t)r), -MCC_EAGAIN);
	e->flags &= (uint16_t)~GTF_reading;
	assert_int_equal(mcc_xen_gnttab_end((grant_ref_t)r), 0);
	assert_int_equal(e->flags, 0);
	assert_int_equal(mcc_xen_gnttab_end((grant_ref_t)r), -MCC_EINVAL);  /* twice */
	assert_int_equal(mcc_xen_gnttab_end(3), -MCC_EINVAL);    /* reserved */
	assert_int_equal(mcc_xen_gnttab_end(5000), -MCC_EINVAL);
	assert_int_equal(mcc_xen_gnttab_grant(0, 1ull << 40, false), -MCC_EINVAL);
	assert_int_equal(mcc_xen_gnttab_free_count(), total);

	/* Exhaustion, then everything back. */
	for (unsigned i = 0; i < total; i++)
		assert_true(mcc_xen_gnttab_grant(1, i, false) >= 8);
	assert_int_equal(mcc_xen_gnttab_grant(1, 1, false), -MCC_ENOSPC);
	for (unsigned ref = 8; ref < 8 + total; ref++)
		assert_int_equal(mcc_xen_gnttab_end(ref), 0);
	assert_int_equal(mcc_xen_gnttab_free_count(), total);
	free(arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grant_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
