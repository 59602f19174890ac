/* test_xen_cons.c - the low-level console: PV ring output with "\r\n",
 * input, the UART fallback, and a stuck backend that must not hang us. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit_stubs.h"
#include "xen/common/xen_public.h"
#include "xen/common/xen_boot.h"
#include "xen/common/xen_cons.h"

static struct xencons_interface *ring;
static unsigned sends;
static int have_ring;

static long hcall(unsigned long nr, unsigned long a1, unsigned long a2, unsigned long a3)
{
	(void)a3;
	if (nr == __HYPERVISOR_hvm_op && a1 == HVMOP_get_param) {
		struct xen_hvm_param *p = (void *)a2;
		if (!have_ring)
			return -22;
		p->value = p->index == HVM_PARAM_CONSOLE_PFN ? (uintptr_t)ring >> 12 : 7;
		return 0;
	}
	if (nr == __HYPERVISOR_event_channel_op && a1 == EVTCHNOP_send)
		sends++;
	return 0;
}

static int setup(void **st)
{
	(void)st;
	ring = aligned_alloc(4096, 4096);
	memset(ring, 0, 4096);
	stub_hcall = hcall;
	mcc_xen_bootinfo.on_xen = true;
	have_ring = 1;
	mcc_xen_cons_init();
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	free(ring);
	return 0;
}

static void test_ring_output(void **st)
{
	(void)st;
	assert_int_equal(mcc_xen_cons_kind(), MCC_XEN_CONS_RING);
	assert_int_equal(mcc_xen_cons_port(), 7);
	mcc_xen_cons_puts("a\nb");
	assert_int_equal(ring->out_prod, 4);
	assert_memory_equal(ring->out, "a\r\nb", 4);
	assert_true(sends > 0);
	mcc_xen_cons_hex("x", 0x1f);
	assert_memory_equal(ring->out + 4, "x=0x000000000000001f ", 21);
}

static void test_ring_wraps_when_drained(void **st)
{
	(void)st;
	/* Start near the index limit: unsigned wrap-around must work. */
	ring->out_prod = ring->out_cons = 0xfffffff0u;
	char buf[100];
	memset(buf, 'z', sizeof buf);
	mcc_xen_cons_write(buf, sizeof buf);
	assert_int_equal((uint32_t)(ring->out_prod - ring->out_cons), 100);
}

static void test_stuck_backend_gives_up(void **st)
{
	(void)st;
	/* Nobody consumes: the writer fills the ring, then waits ~5 s of
	 * (fake) time and drops the rest instead of hanging. */
	char buf[3000];
	memset(buf, 'q', sizeof buf);
	uint64_t t0 = stub_now_ns;
	mcc_xen_cons_write(buf, sizeof buf);
	assert_int_equal(ring->out_prod - ring->out_cons, sizeof ring->out);
	assert_true(stub_now_ns - t0 >= 4900000000ull);
	assert_true(stub_now_ns - t0 < 6000000000ull);
}

static void test_input(void **st)
{
	(void)st;
	memcpy(ring->in, "hi", 2);
	ring->in_prod = 2;
	char b[8];
	assert_int_equal(mcc_xen_cons_read(b, sizeof b), 2);
	assert_memory_equal(b, "hi", 2);
	assert_int_equal(ring->in_cons, 2);
	assert_int_equal(mcc_xen_cons_read(b, sizeof b), 0);
}

static void test_uart_fallback(void **st)
{
	(void)st;
	have_ring = 0;
	mcc_xen_cons_init();
	assert_int_equal(mcc_xen_cons_kind(), MCC_XEN_CONS_UART);
	stub_cons_len = 0;
	mcc_xen_cons_puts("uart");
	assert_int_equal(stub_cons_len, 4);
	assert_memory_equal(stub_cons_out, "uart", 4);
	char b[4];
	assert_int_equal(mcc_xen_cons_read(b, sizeof b), 0);
	mcc_xen_cons_flush();   /* nothing to wait for */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ring_output, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ring_wraps_when_drained, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stuck_backend_gives_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uart_fallback, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
