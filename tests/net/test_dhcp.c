/* tests/net/test_dhcp.c - the DHCP client against a scripted server:
 * DISCOVER/OFFER/REQUEST/ACK, retransmission, renewal at T1 (unicast),
 * NAK, expiry, and malformed or foreign replies. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "net/dhcp_wire.h"
#include "net/wire.h"
#include "net_test.h"

#define SEC 1000000000ull
#define SERVER IP(10, 0, 0, 1)
#define OFFERED IP(10, 0, 0, 42)

static const uint8_t mac[6] = {0x02, 1, 2, 3, 4, 5};
static uint8_t last[600];
static size_t last_len;
static mcc_ipv4_addr last_dst;
static int nsent;
static mcc_dhcpc C;

static int emit(void *ctx, mcc_ipv4_addr dst, const uint8_t *m, size_t len)
{
	(void)ctx;
	assert_true(len <= sizeof last);
	memcpy(last, m, len);
	last_len = len;
	last_dst = dst;
	nsent++;
	return 0;
}

/* The value of option code in the last message sent, or NULL. */
static const uint8_t *opt(int code)
{
	size_t i = 240;
	while (i < last_len && last[i] != 255) {
		if (last[i] == 0) {
			i++;
			continue;
		}
		if (last[i] == code)
			return last + i + 2;
		i += 2u + last[i + 1];
	}
	return NULL;
}

/* A server reply of type to the client's last xid. */
static size_t reply(uint8_t *m, int type, mcc_ipv4_addr yiaddr, uint32_t lease)
{
	memset(m, 0, 400);
	m[0] = 2;
	m[1] = 1;
	m[2] = 6;
	memcpy(m + 4, last + 4, 4);                    /* xid */
	wire_put32(m + 16, yiaddr);
	memcpy(m + 28, mac, 6);
	const uint8_t ck[4] = {99, 130, 83, 99};
	memcpy(m + 236, ck, 4);
	uint8_t *o = m + 240;
	*o++ = 53; *o++ = 1; *o++ = (uint8_t)type;
	*o++ = 54; *o++ = 4; wire_put32(o, SERVER); o += 4;
	*o++ = 1; *o++ = 4; wire_put32(o, 0xffffff00u); o += 4;
	*o++ = 3; *o++ = 4; wire_put32(o, SERVER); o += 4;
	*o++ = 51; *o++ = 4; wire_put32(o, lease); o += 4;
	*o++ = 255;
	return (size_t)(o - m);
}

static int setup(void **state)
{
	(void)state;
	nsent = 0;
	mcc_dhcpc_init(&C, mac, 1234, emit, NULL);
	return 0;
}

static void bind_lease(uint32_t lease)
{
	uint8_t m[400];
	mcc_dhcpc_start(&C, 0);
	assert_int_equal(mcc_dhcpc_input(&C, m, reply(m, 2, OFFERED, lease), 0), 0);
	assert_int_equal(mcc_dhcpc_input(&C, m, reply(m, 5, OFFERED, lease), 0), 1);
}

static void test_discover_format(void **state)
{
	(void)state;
	mcc_dhcpc_start(&C, 0);
	assert_int_equal(nsent, 1);
	assert_int_equal(last_dst, 0xffffffffu);
	assert_int_equal(last[0], 1);
	assert_int_equal(wire_get16(last + 10), 0x8000);   /* broadcast flag */
	assert_memory_equal(last + 28, mac, 6);
	assert_int_equal(last[236], 99);
	assert_non_null(opt(53));
	assert_int_equal(opt(53)[0], 1);                   /* DISCOVER */
	assert_true(last_len >= 300);
}

static void test_full_exchange(void **state)
{
	(void)state;
	uint8_t m[400];
	mcc_dhcpc_start(&C, 0);
	assert_int_equal(mcc_dhcpc_input(&C, m, reply(m, 2, OFFERED, 3600), SEC), 0);
	assert_int_equal(C.state, DHCPC_REQUESTING);
	assert_int_equal(opt(53)[0], 3);                   /* REQUEST */
	assert_int_equal(wire_get32(opt(50)), OFFERED);
	assert_int_equal(wire_get32(opt(54)), SERVER);
	assert_int_equal(mcc_dhcpc_input(&C, m, reply(m, 5, OFFERED, 3600), SEC), 1);
	assert_int_equal(C.state, DHCPC_BOUND);
	assert_int_equal(C.lease.addr, OFFERED);
	assert_int_equal(C.lease.router, SERVER);
	assert_int_equal(mcc_dhcp_prefix(C.lease.mask), 24);
	uint64_t next;
	assert_int_equal(mcc_dhcpc_tick(&C, 2 * SEC, &next), 0);
	assert_int_equal(next, SEC + 1800 * SEC);           /* T1 = lease / 2 */
}

static void test_retransmit_discover(void **state)
{
	(void)state;
	uint64_t next;
	mcc_dhcpc_start(&C, 0);
	mcc_dhcpc_tick(&C, 0, &next);
	assert_true(next >= 3 * SEC && next <= 5 * SEC);
	mcc_dhcpc_tick(&C, next, &next);
	assert_int_equal(nsent, 2);
	assert_int_equal(opt(53)[0], 1);
}

static void test_renew_unicast_then_nak(void **state)
{
	(void)state;
	uint8_t m[400];
	uint64_t next;
	bind_lease(100);
	int before = nsent;
	assert_int_equal(mcc_dhcpc_tick(&C, 50 * SEC, &next), 0);
	assert_int_equal(nsent, before + 1);
	assert_int_equal(C.state, DHCPC_RENEWING);
	assert_int_equal(last_dst, SERVER);                 /* unicast */
	assert_int_equal(wire_get32(last + 12), OFFERED);   /* ciaddr */
	assert_null(opt(50));
	/* Renewed by ACK. */
	assert_int_equal(mcc_dhcpc_input(&C, m, reply(m, 5, OFFERED, 100), 51 * SEC), 1);
	assert_int_equal(C.state, DHCPC_BOUND);
	/* At the next T1 the server says no: the address is lost. */
	mcc_dhcpc_tick(&C, 101 * SEC, &next);
	assert_int_equal(mcc_dhcpc_input(&C, m, reply(m, 6, 0, 0), 101 * SEC), -1);
	assert_int_equal(C.state, DHCPC_SELECTING);
	assert_int_equal(opt(53)[0], 1);
}

static void test_expiry(void **state)
{
	(void)state;
	uint64_t next;
	bind_lease(100);
	int r = 0, ticks = 0;
	uint64_t now = 0;
	while (r == 0 && ticks++ < 20) {
		now = C.deadline;
		r = mcc_dhcpc_tick(&C, now, &next);
	}
	/* No server answered: renew, rebind, then lose it at 100 s. */
	assert_int_equal(r, -1);
	assert_int_equal(now, 100 * SEC);
	assert_int_equal(C.state, DHCPC_SELECTING);
}

static void test_foreign_and_malformed(void **state)
{
	(void)state;
	uint8_t m[400];
	mcc_dhcpc_start(&C, 0);
	size_t n = reply(m, 2, OFFERED, 3600);
	m[4] ^= 1;                                          /* other xid */
	assert_int_equal(mcc_dhcpc_input(&C, m, n, 0), 0);
	assert_int_equal(C.state, DHCPC_SELECTING);
	n = reply(m, 2, OFFERED, 3600);
	assert_int_equal(mcc_dhcpc_input(&C, m, 200, 0), 0);   /* truncated */
	m[241] = 200;                                       /* option overruns */
	assert_int_equal(mcc_dhcpc_input(&C, m, n, 0), 0);
	assert_int_equal(C.state, DHCPC_SELECTING);
	n = reply(m, 5, OFFERED, 3600);                    /* ACK unasked */
	assert_int_equal(mcc_dhcpc_input(&C, m, n, 0), 0);
	assert_int_equal(C.state, DHCPC_SELECTING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_discover_format, setup),
		cmocka_unit_test_setup(test_full_exchange, setup),
		cmocka_unit_test_setup(test_retransmit_discover, setup),
		cmocka_unit_test_setup(test_renew_unicast_then_nak, setup),
		cmocka_unit_test_setup(test_expiry, setup),
		cmocka_unit_test_setup(test_foreign_and_malformed, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
