/* test_xen_evtchn.c - event channel dispatch over a fake shared info
 * page, binding through faked hypercalls. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "unit_stubs.h"
#include "xen/common/xen_evtchn.h"
#include "xen/common/xen_shinfo.h"
#include "mcc/error.h"

static struct shared_info fake;
static int calls[128];
static evtchn_port_t next_port = 40;
static unsigned sends, unmasks;

static long hcall(unsigned long nr, unsigned long a1, unsigned long a2, unsigned long a3)
{
	(void)a3;
	if (nr != __HYPERVISOR_event_channel_op)
		return -38;
	switch (a1) {
	case EVTCHNOP_bind_virq:
		((struct evtchn_bind_virq *)a2)->port = next_port++;
		return 0;
	case EVTCHNOP_alloc_unbound:
		((struct evtchn_alloc_unbound *)a2)->port = next_port++;
		return 0;
	case EVTCHNOP_send:
		sends++;
		return 0;
	case EVTCHNOP_unmask:
		unmasks++;
		return 0;
	case EVTCHNOP_close:
		return 0;
	}
	return -22;
}

static void handler(evtchn_port_t port, void *ctx)
{
	(void)ctx;
	calls[port]++;
}

static void raise_port(evtchn_port_t p)
{
	unsigned bits = sizeof(xen_ulong_t) * 8;
	fake.evtchn_pending[p / bits] |= (xen_ulong_t)1 << (p % bits);
	fake.vcpu_info[0].evtchn_pending_sel |= (xen_ulong_t)1 << (p / bits);
	fake.vcpu_info[0].evtchn_upcall_pending = 1;
}

static int setup(void **st)
{
	(void)st;
	memset(&fake, 0, sizeof fake);
	memset(calls, 0, sizeof calls);
	mcc_xen_shinfo = &fake;
	stub_hcall = hcall;
	for (evtchn_port_t p = 1; p < 128; p++)
		mcc_xen_evtchn_detach(p);
	return 0;
}

static void test_dispatch(void **st)
{
	(void)st;
	assert_int_equal(mcc_xen_evtchn_attach(3, handler, NULL), 0);
	assert_int_equal(mcc_xen_evtchn_attach(70, handler, NULL), 0);  /* 2nd word */
	raise_port(3);
	raise_port(70);
	raise_port(9);          /* no handler: cleared, counted, ignored */
	assert_int_equal(mcc_xen_evtchn_dispatch(), 3);
	assert_int_equal(calls[3], 1);
	assert_int_equal(calls[70], 1);
	assert_int_equal(fake.evtchn_pending[0], 0);
	assert_int_equal(fake.evtchn_pending[1], 0);
	assert_int_equal(fake.vcpu_info[0].evtchn_upcall_pending, 0);
	assert_int_equal(mcc_xen_evtchn_dispatch(), 0);
}

static void test_mask(void **st)
{
	(void)st;
	assert_int_equal(mcc_xen_evtchn_attach(5, handler, NULL), 0);
	mcc_xen_evtchn_mask(5);
	raise_port(5);
	assert_int_equal(mcc_xen_evtchn_dispatch(), 0);
	assert_int_equal(calls[5], 0);
	unsigned before = unmasks;
	mcc_xen_evtchn_unmask(5);
	assert_int_equal(unmasks, before + 1);   /* through Xen, which re-raises */
	fake.evtchn_mask[0] = 0;
	raise_port(5);
	assert_int_equal(mcc_xen_evtchn_dispatch(), 1);
	assert_int_equal(calls[5], 1);
}

static void test_bind_and_table_full(void **st)
{
	(void)st;
	evtchn_port_t p;
	assert_int_equal(mcc_xen_evtchn_bind_virq(VIRQ_TIMER, handler, NULL, &p), 0);
	assert_int_equal(p, next_port - 1);
	uint32_t ports[MCC_XEN_EVTCHN_MAX];
	assert_int_equal(mcc_xen_evtchn_ports(ports, MCC_XEN_EVTCHN_MAX), 1);
	assert_int_equal(ports[0], p);
	mcc_xen_evtchn_unbind(p);
	assert_int_equal(mcc_xen_evtchn_ports(ports, MCC_XEN_EVTCHN_MAX), 0);
	for (evtchn_port_t q = 1; q <= MCC_XEN_EVTCHN_MAX; q++)
		assert_int_equal(mcc_xen_evtchn_attach(q, handler, NULL), 0);
	assert_int_equal(mcc_xen_evtchn_attach(100, handler, NULL), -MCC_ENOSPC);
	/* Re-attaching a bound port replaces its handler, no new slot. */
	assert_int_equal(mcc_xen_evtchn_attach(1, handler, NULL), 0);
	assert_int_equal(mcc_xen_evtchn_attach(0, handler, NULL), -MCC_EINVAL);
	assert_int_equal(mcc_xen_evtchn_attach(1u << 20, handler, NULL), -MCC_EINVAL);
	assert_int_equal(mcc_xen_evtchn_notify(1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_dispatch, setup),
		cmocka_unit_test_setup(test_mask, setup),
		cmocka_unit_test_setup(test_bind_and_table_full, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
