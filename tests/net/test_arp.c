/* tests/net/test_arp.c - ARP: replies to requests for our address, cache
 * merge rules, queued packets sent on resolution, retries, failure,
 * expiry, gratuitous announcements, malformed input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "net/arp_table.h"
#include "net/wire.h"
#include "net_test.h"

#define S 1000000000ull

static const uint8_t my_mac[6] = {0x02, 0, 0, 0, 0, 0x02};
static const uint8_t peer_mac[6] = {0x52, 0x54, 0, 0x12, 0x34, 0x56};
static const uint8_t zero6[6];

typedef struct frame {
	uint8_t dst[6];
	uint16_t type;
	uint8_t data[1600];
	size_t len;
} frame;

static frame out[32];
static int nout;

static int emit(void *ctx, const uint8_t dst[6], uint16_t type,
		const mcc_iov *iov, int n)
{
	(void)ctx;
	if (nout >= 32) {               /* only counted beyond 32 */
		nout++;
		return 0;
	}
	memcpy(out[nout].dst, dst, 6);
	out[nout].type = type;
	out[nout].len = net_test_flatten(iov, n, out[nout].data, 1600);
	nout++;
	return 0;
}

/* An ARP packet as a peer sends it. */
static size_t arp_pkt(uint8_t *p, int op, const uint8_t sha[6], uint32_t spa,
		      const uint8_t tha[6], uint32_t tpa)
{
	wire_put16(p, 1);
	wire_put16(p + 2, 0x0800);
	p[4] = 6;
	p[5] = 4;
	wire_put16(p + 6, (uint16_t)op);
	memcpy(p + 8, sha, 6);
	wire_put32(p + 14, spa);
	memcpy(p + 18, tha, 6);
	wire_put32(p + 24, tpa);
	return 28;
}

static mcc_arpt T;

static int setup(void **state)
{
	(void)state;
	nout = 0;
	mcc_arpt_init(&T, my_mac, emit, NULL);
	mcc_ipv4_addr me = IP(10, 0, 0, 2);
	assert_int_equal(mcc_arpt_set_ips(&T, &me, 1), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mcc_arpt_fini(&T);
	assert_int_equal(net_test_live_bytes, 0);
	return 0;
}

static void test_gratuitous_on_set_ips(void **state)
{
	(void)state;
	assert_int_equal(nout, 1);
	assert_int_equal(out[0].type, MCC_ETHERTYPE_ARP);
	assert_memory_equal(out[0].dst, mcc_eth_broadcast, 6);
	assert_int_equal(wire_get16(out[0].data + 6), 1);
	assert_int_equal(wire_get32(out[0].data + 14), IP(10, 0, 0, 2));
	assert_int_equal(wire_get32(out[0].data + 24), IP(10, 0, 0, 2));
}

static void test_reply_to_request(void **state)
{
	(void)state;
	uint8_t p[28];
	nout = 0;
	arp_pkt(p, 1, peer_mac, IP(10, 0, 0, 1), zero6, IP(10, 0, 0, 2));
	assert_int_equal(mcc_arpt_input(&T, p, 28, 0), 0);
	assert_int_equal(nout, 1);
	assert_memory_equal(out[0].dst, peer_mac, 6);
	uint8_t *r = out[0].data;
	assert_int_equal(wire_get16(r + 6), 2);
	assert_memory_equal(r + 8, my_mac, 6);
	assert_int_equal(wire_get32(r + 14), IP(10, 0, 0, 2));
	assert_memory_equal(r + 18, peer_mac, 6);
	assert_int_equal(wire_get32(r + 24), IP(10, 0, 0, 1));
	/* The requester was learned (it asked us). */
	uint8_t mac[6];
	assert_int_equal(mcc_arpt_lookup(&T, IP(10, 0, 0, 1), mac, 1), 0);
	assert_memory_equal(mac, peer_mac, 6);
	/* Requests for other hosts: no reply, nothing learned. */
	nout = 0;
	arp_pkt(p, 1, peer_mac, IP(10, 0, 0, 9), zero6, IP(10, 0, 0, 3));
	assert_int_equal(mcc_arpt_input(&T, p, 28, 0), 0);
	assert_int_equal(nout, 0);
	assert_int_equal(mcc_arpt_lookup(&T, IP(10, 0, 0, 9), mac, 1), -MCC_EAGAIN);
}

static void test_malformed(void **state)
{
	(void)state;
	uint8_t p[28];
	nout = 0;
	arp_pkt(p, 1, peer_mac, IP(10, 0, 0, 1), zero6, IP(10, 0, 0, 2));
	assert_int_equal(mcc_arpt_input(&T, p, 27, 0), -MCC_EINVAL);
	p[5] = 16;                                    /* IPv6-sized addresses */
	assert_int_equal(mcc_arpt_input(&T, p, 28, 0), -MCC_EINVAL);
	arp_pkt(p, 9, peer_mac, IP(10, 0, 0, 1), zero6, IP(10, 0, 0, 2));
	assert_int_equal(mcc_arpt_input(&T, p, 28, 0), -MCC_EINVAL);
	arp_pkt(p, 1, mcc_eth_broadcast, IP(10, 0, 0, 1), zero6, IP(10, 0, 0, 2));
	assert_int_equal(mcc_arpt_input(&T, p, 28, 0), -MCC_EINVAL);
	assert_int_equal(nout, 0);
}

static void test_queue_until_resolved(void **state)
{
	(void)state;
	nout = 0;
	const char pkt[] = "an ip packet";
	mcc_iov v = {pkt, sizeof pkt};
	assert_int_equal(mcc_arpt_output(&T, IP(10, 0, 0, 1), &v, 1, 0), 1);
	assert_int_equal(mcc_arpt_output(&T, IP(10, 0, 0, 1), &v, 1, 0), 1);
	assert_int_equal(nout, 1);                    /* one request only */
	assert_int_equal(wire_get32(out[0].data + 24), IP(10, 0, 0, 1));
	/* A retry after a second. */
	assert_int_equal(mcc_arpt_tick(&T, S / 2), S);
	assert_int_equal(nout, 1);
	mcc_arpt_tick(&T, S);
	assert_int_equal(nout, 2);
	/* The reply releases both packets to the learned MAC. */
	uint8_t p[28];
	arp_pkt(p, 2, peer_mac, IP(10, 0, 0, 1), my_mac, IP(10, 0, 0, 2));
	assert_int_equal(mcc_arpt_input(&T, p, 28, S + 1), 0);
	assert_int_equal(nout, 4);
	assert_int_equal(out[2].type, MCC_ETHERTYPE_IPV4);
	assert_memory_equal(out[3].dst, peer_mac, 6);
	assert_memory_equal(out[3].data, pkt, sizeof pkt);
	/* Now sent at once. */
	assert_int_equal(mcc_arpt_output(&T, IP(10, 0, 0, 1), &v, 1, S + 2), 0);
	assert_int_equal(nout, 5);
	/* Entries expire after the TTL. */
	mcc_arpt_tick(&T, S + 1 + T.ttl_ns);
	uint8_t mac[6];
	assert_int_equal(mcc_arpt_lookup(&T, IP(10, 0, 0, 1), mac, S + 2 + T.ttl_ns),
			 -MCC_EAGAIN);
}

static void test_failure_drops_queue(void **state)
{
	(void)state;
	const char pkt[] = "x";
	mcc_iov v = {pkt, 1};
	for (int i = 0; i < MCC_ARPT_QUEUE; i++)
		assert_int_equal(mcc_arpt_output(&T, IP(10, 0, 0, 7), &v, 1, 0), 1);
	assert_int_equal(mcc_arpt_output(&T, IP(10, 0, 0, 7), &v, 1, 0), -MCC_ENOSPC);
	uint64_t now = 0;
	for (int i = 0; i < 3; i++) {
		now += S;
		mcc_arpt_tick(&T, now);
	}
	uint8_t mac[6];
	assert_int_equal(mcc_arpt_lookup(&T, IP(10, 0, 0, 7), mac, now), -MCC_EHOSTUNREACH);
	assert_int_equal(T.queue_dropped, MCC_ARPT_QUEUE + 1);
	assert_int_equal(net_test_live_bytes, 0);
}

static void test_cache_full_evicts(void **state)
{
	(void)state;
	uint8_t p[28], mac[6];
	for (int i = 0; i < MCC_ARPT_ENTRIES + 8; i++) {
		uint8_t m[6] = {0x52, 0, 0, 0, 1, (uint8_t)i};
		arp_pkt(p, 1, m, IP(10, 0, 1, i), zero6, IP(10, 0, 0, 2));
		assert_int_equal(mcc_arpt_input(&T, p, 28, (uint64_t)i), 0);
	}
	/* The newest is cached; the oldest was evicted. */
	assert_int_equal(mcc_arpt_lookup(&T, IP(10, 0, 1, MCC_ARPT_ENTRIES + 7), mac, 100), 0);
	assert_int_equal(mcc_arpt_lookup(&T, IP(10, 0, 1, 0), mac, 100), -MCC_EAGAIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_gratuitous_on_set_ips, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reply_to_request, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_queue_until_resolved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_drops_queue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_full_evicts, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
