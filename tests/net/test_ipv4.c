/* tests/net/test_ipv4.c - IPv4 header validation, fragment reassembly
 * (order, overlaps, limits, timeouts), ICMP echo and address text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "net/ipv4_wire.h"
#include "net/checksum.h"
#include "net/wire.h"
#include "net_test.h"

/* A hand-built ping from 10.0.0.1 to 10.0.0.2 laid out as Linux's ping
 * sends it: IPv4 header (DF, TTL 64) + ICMP echo request id 42 seq 1
 * with 8 payload bytes; both checksums are filled in by setup(). */
static uint8_t ping_pkt[] = {
	0x45, 0x00, 0x00, 0x24, 0x1c, 0x46, 0x40, 0x00, 0x40, 0x01, 0x00, 0x00,
	0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
	0x08, 0x00, 0x00, 0x00, 0x00, 0x2a, 0x00, 0x01,
	0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68,
};

static int setup(void **state)
{
	(void)state;
	uint8_t *icmp = ping_pkt + 20;
	wire_put16(icmp + 2, 0);
	wire_put16(icmp + 2, mcc_csum_fold(mcc_csum_add(0, icmp, 16)));
	wire_put16(ping_pkt + 10, 0);
	wire_put16(ping_pkt + 10, mcc_csum_fold(mcc_csum_add(0, ping_pkt, 20)));
	return 0;
}

static void fix_csum(uint8_t *p)
{
	wire_put16(p + 10, 0);
	wire_put16(p + 10, mcc_csum_fold(mcc_csum_add(0, p, (p[0] & 15) * 4u)));
}

static void test_parse_captured(void **state)
{
	(void)state;
	uint8_t p[sizeof ping_pkt];
	memcpy(p, ping_pkt, sizeof p);
	mcc_ip4_hdr h;
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), 0);
	assert_int_equal(h.src, IP(10, 0, 0, 1));
	assert_int_equal(h.dst, IP(10, 0, 0, 2));
	assert_int_equal(h.proto, MCC_IPPROTO_ICMP);
	assert_int_equal(h.payload_len, 16);
	assert_true(h.dont_frag);
	assert_false(h.more_frags);
	/* Ethernet padding after the datagram is ignored. */
	uint8_t padded[64] = {0};
	memcpy(padded, p, sizeof p);
	assert_int_equal(mcc_ip4_parse(padded, sizeof padded, &h), 0);
	assert_int_equal(h.payload_len, 16);
}

static void test_parse_rejects(void **state)
{
	(void)state;
	uint8_t p[sizeof ping_pkt];
	mcc_ip4_hdr h;

	memcpy(p, ping_pkt, sizeof p);
	fix_csum(p);
	p[11] ^= 1;                                       /* checksum */
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), -MCC_EINVAL);
	memcpy(p, ping_pkt, sizeof p);
	p[0] = 0x65; fix_csum(p);                         /* version 6 */
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), -MCC_EINVAL);
	memcpy(p, ping_pkt, sizeof p);
	p[0] = 0x44; fix_csum(p);                         /* IHL 16 bytes */
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), -MCC_EINVAL);
	memcpy(p, ping_pkt, sizeof p);
	wire_put16(p + 2, 200); fix_csum(p);              /* longer than buffer */
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), -MCC_EINVAL);
	memcpy(p, ping_pkt, sizeof p);
	wire_put16(p + 2, 10); fix_csum(p);               /* shorter than header */
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), -MCC_EINVAL);
	memcpy(p, ping_pkt, sizeof p);
	p[6] |= 0x80; fix_csum(p);                        /* reserved flag */
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), -MCC_EINVAL);
	memcpy(p, ping_pkt, sizeof p);
	wire_put16(p + 6, 0x1fff); fix_csum(p);           /* offset past 64 KiB */
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), -MCC_EINVAL);
	assert_int_equal(mcc_ip4_parse(p, 19, &h), -MCC_EINVAL);
	assert_int_equal(mcc_ip4_parse(p, 0, &h), -MCC_EINVAL);
}

static void test_build_roundtrip(void **state)
{
	(void)state;
	uint8_t p[20 + 4] = {0};
	mcc_ip4_build(p, IP(1, 2, 3, 4), IP(5, 6, 7, 8), 17, 4, 77, 64);
	mcc_ip4_hdr h;
	assert_int_equal(mcc_ip4_parse(p, sizeof p, &h), 0);
	assert_int_equal(h.id, 77);
	assert_int_equal(h.ttl, 64);
	assert_int_equal(h.proto, 17);
	assert_int_equal(h.src, IP(1, 2, 3, 4));
}

static void test_icmp_echo(void **state)
{
	(void)state;
	uint8_t out[16];
	const uint8_t *icmp = ping_pkt + 20;
	assert_int_equal(mcc_icmp_echo_reply(icmp, 16, out), 16);
	assert_int_equal(out[0], 0);
	assert_memory_equal(out + 4, icmp + 4, 12);    /* id, seq, data */
	assert_int_equal(mcc_csum_fold(mcc_csum_add(0, out, 16)), 0);
	/* A reply is not answered; a corrupt request neither. */
	assert_int_equal(mcc_icmp_echo_reply(out, 16, out), -MCC_EINVAL);
	uint8_t bad[16];
	memcpy(bad, icmp, 16);
	bad[9] ^= 1;
	assert_int_equal(mcc_icmp_echo_reply(bad, 16, out), -MCC_EINVAL);
	assert_int_equal(mcc_icmp_echo_reply(icmp, 7, out), -MCC_EINVAL);
}

/* A fragment header as mcc_ip4_parse would produce it. */
static mcc_ip4_hdr frag(uint16_t id, uint32_t off, const uint8_t *data,
			size_t len, bool more)
{
	mcc_ip4_hdr h = {.proto = 17, .id = id, .src = IP(10, 0, 0, 1),
			 .dst = IP(10, 0, 0, 2), .frag_off = off,
			 .more_frags = more, .payload = data, .payload_len = len};
	return h;
}

static uint8_t data[3000];

static void test_reassembly_out_of_order(void **state)
{
	(void)state;
	mcc_ip4r r;
	const uint8_t *out;
	size_t len;
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (uint8_t)(i * 7);
	mcc_ip4r_init(&r);
	mcc_ip4_hdr a = frag(1, 0, data, 1480, true);
	mcc_ip4_hdr b = frag(1, 1480, data + 1480, 1480, true);
	mcc_ip4_hdr c = frag(1, 2960, data + 2960, 40, false);
	assert_int_equal(mcc_ip4r_input(&r, &c, 0, &out, &len), 0);
	assert_int_equal(mcc_ip4r_input(&r, &a, 0, &out, &len), 0);
	assert_int_equal(mcc_ip4r_input(&r, &a, 0, &out, &len), 0); /* dup */
	assert_int_equal(mcc_ip4r_input(&r, &b, 0, &out, &len), 1);
	assert_int_equal(len, 3000);
	assert_memory_equal(out, data, 3000);
	mcc_ip4r_fini(&r);
	assert_int_equal(net_test_live_bytes, 0);
}

static void test_reassembly_overlap_and_limits(void **state)
{
	(void)state;
	mcc_ip4r r;
	const uint8_t *out;
	size_t len;
	mcc_ip4r_init(&r);
	/* Overlapping fragments (teardrop style) drop the datagram. */
	mcc_ip4_hdr a = frag(2, 0, data, 800, true);
	mcc_ip4_hdr b = frag(2, 400, data, 800, false);
	assert_int_equal(mcc_ip4r_input(&r, &a, 0, &out, &len), 0);
	assert_true(mcc_ip4r_input(&r, &b, 0, &out, &len) < 0);
	assert_int_equal(r.dropped, 1);
	/* Non-final fragment not a multiple of 8. */
	mcc_ip4_hdr odd = frag(3, 0, data, 801, true);
	assert_true(mcc_ip4r_input(&r, &odd, 0, &out, &len) < 0);
	/* Data past the end announced by the last fragment. */
	mcc_ip4_hdr last = frag(4, 800, data, 8, false);
	mcc_ip4_hdr after = frag(4, 1600, data, 8, true);
	assert_int_equal(mcc_ip4r_input(&r, &last, 0, &out, &len), 0);
	assert_true(mcc_ip4r_input(&r, &after, 0, &out, &len) < 0);
	/* Only MCC_IP4R_SLOTS datagrams at once. */
	for (int i = 0; i < MCC_IP4R_SLOTS; i++) {
		mcc_ip4_hdr f = frag((uint16_t)(100 + i), 0, data, 8, true);
		assert_int_equal(mcc_ip4r_input(&r, &f, 0, &out, &len), 0);
	}
	mcc_ip4_hdr extra = frag(200, 0, data, 8, true);
	assert_int_equal(mcc_ip4r_input(&r, &extra, 0, &out, &len), -MCC_ENOSPC);
	/* They time out and free their memory. */
	assert_int_equal(mcc_ip4r_tick(&r, 1), r.timeout_ns);
	assert_int_equal(mcc_ip4r_tick(&r, r.timeout_ns), UINT64_MAX);
	assert_int_equal(net_test_live_bytes, 0);
	assert_int_equal(mcc_ip4r_input(&r, &extra, r.timeout_ns, &out, &len), 0);
	mcc_ip4r_fini(&r);
	assert_int_equal(net_test_live_bytes, 0);
}

static void test_addresses(void **state)
{
	(void)state;
	mcc_ipv4_addr a;
	int pl;
	char buf[16];
	assert_int_equal(mcc_ipv4_parse_addr("10.0.0.2", &a), 0);
	assert_int_equal(a, IP(10, 0, 0, 2));
	assert_int_equal(mcc_ipv4_parse_addr("255.255.255.255", &a), 0);
	assert_int_equal(mcc_ipv4_parse_addr("256.0.0.1", &a), -MCC_EINVAL);
	assert_int_equal(mcc_ipv4_parse_addr("1.2.3", &a), -MCC_EINVAL);
	assert_int_equal(mcc_ipv4_parse_addr("1.2.3.4 ", &a), -MCC_EINVAL);
	assert_int_equal(mcc_ipv4_parse_addr("01.2.3.4", &a), -MCC_EINVAL);
	assert_int_equal(mcc_ipv4_parse_addr("", &a), -MCC_EINVAL);
	assert_int_equal(mcc_ipv4_parse_cidr("10.0.0.2/24", &a, &pl), 0);
	assert_int_equal(pl, 24);
	assert_int_equal(mcc_ipv4_parse_cidr("10.0.0.2", &a, &pl), 0);
	assert_int_equal(pl, 32);
	assert_int_equal(mcc_ipv4_parse_cidr("10.0.0.2/33", &a, &pl), -MCC_EINVAL);
	assert_int_equal(mcc_ipv4_parse_cidr("10.0.0.2/", &a, &pl), -MCC_EINVAL);
	assert_int_equal(mcc_ipv4_parse_cidr("10.0.0.2/240", &a, &pl), -MCC_EINVAL);
	assert_string_equal(mcc_ipv4_format(IP(192, 168, 100, 7), buf), "192.168.100.7");
	assert_string_equal(mcc_ipv4_format(0, buf), "0.0.0.0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_captured),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_build_roundtrip),
		cmocka_unit_test(test_icmp_echo),
		cmocka_unit_test(test_reassembly_out_of_order),
		cmocka_unit_test(test_reassembly_overlap_and_limits),
		cmocka_unit_test(test_addresses),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
