/* tests/net/test_udp.c - UDP header: build/parse round trip, checksum
 * verification, the zero-checksum case, bad lengths. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "net/udp_wire.h"
#include "net/wire.h"
#include "net_test.h"

#define SRC IP(10, 0, 0, 1)
#define DST IP(10, 0, 0, 2)

static void test_roundtrip(void **state)
{
	(void)state;
	uint8_t p[8 + 5];
	memcpy(p + 8, "hello", 5);
	mcc_udp_build(p, 5353, 7, p + 8, 5, SRC, DST);
	mcc_udp_dgram d;
	assert_int_equal(mcc_udp_parse(p, sizeof p, SRC, DST, &d), 0);
	assert_int_equal(d.sport, 5353);
	assert_int_equal(d.dport, 7);
	assert_int_equal(d.len, 5);
	assert_memory_equal(d.data, "hello", 5);
	/* The pseudo-header is covered: another destination fails. */
	assert_int_equal(mcc_udp_parse(p, sizeof p, SRC, DST + 1, &d), -MCC_EINVAL);
	p[9] ^= 1;
	assert_int_equal(mcc_udp_parse(p, sizeof p, SRC, DST, &d), -MCC_EINVAL);
	/* No checksum (0) is accepted as is. */
	wire_put16(p + 6, 0);
	assert_int_equal(mcc_udp_parse(p, sizeof p, SRC, DST, &d), 0);
}

static void test_lengths(void **state)
{
	(void)state;
	uint8_t p[16] = {0};
	mcc_udp_dgram d;
	mcc_udp_build(p, 1, 2, p + 8, 8, SRC, DST);
	assert_int_equal(mcc_udp_parse(p, 7, SRC, DST, &d), -MCC_EINVAL);
	assert_int_equal(mcc_udp_parse(p, 15, SRC, DST, &d), -MCC_EINVAL);
	wire_put16(p + 4, 4);                  /* length below the header */
	assert_int_equal(mcc_udp_parse(p, 16, SRC, DST, &d), -MCC_EINVAL);
	/* Trailing bytes beyond the UDP length are ignored. */
	uint8_t q[12] = {0};
	mcc_udp_build(q, 1, 2, q + 8, 2, SRC, DST);
	assert_int_equal(mcc_udp_parse(q, sizeof q, SRC, DST, &d), 0);
	assert_int_equal(d.len, 2);
	/* Port 0 as destination is invalid. */
	mcc_udp_build(q, 1, 0, q + 8, 2, SRC, DST);
	assert_int_equal(mcc_udp_parse(q, 10, SRC, DST, &d), -MCC_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_lengths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
