/* tests/fuzz/net_input_fuzz.c - libFuzzer harness for the receive path:
 * Ethernet -> ARP | IPv4 (validation, reassembly, ICMP echo) -> TCP core
 * (listener on port 80, connections, timers).
 *
 * The input is a sequence of frames, each: 1 flag byte, 2-byte length,
 * frame bytes.  Flags help the fuzzer past numbers it cannot guess:
 * 1 = set the TCP ack to the connection's snd_una + ack's low 16 bits,
 * 2 = set the TCP seq to its rcv_nxt + seq's low 16 bits,
 * 4 = fix the IP and TCP checksums, 8 = advance the clock 1 s.
 * Every segment the stack sends must itself parse cleanly.
 * Run with tests/fuzz/run.sh net_input_fuzz (seeds: corpus/net/).
 *
 * fuzz-sources: runtime/net/checksum.c runtime/net/tcp_wire.c runtime/net/tcp_core.c
 * fuzz-sources: runtime/net/tcp_input.c runtime/net/tcp_output.c runtime/net/ipv4_wire.c
 * fuzz-sources: runtime/net/ipv4_reasm.c runtime/net/arp_table.c tests/net/net_test_plat.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "net/tcp_core.h"
#include "net/ipv4_wire.h"
#include "net/arp_table.h"
#include "net/checksum.h"
#include "net/wire.h"

#define US 0x0a000002u

static const uint8_t my_mac[6] = {0x02, 0, 0, 0, 0, 2};

static int emit_ip(void *ctx, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		   const mcc_iov *iov, int n)
{
	(void)ctx;
	static uint8_t seg[65536];
	size_t len = 0;
	for (int i = 0; i < n; i++) {
		memcpy(seg + len, iov[i].base, iov[i].len);
		len += iov[i].len;
	}
	mcc_tcp_seg s;
	if (mcc_tcp_parse(seg, len, src, dst, &s) != 0)
		abort();                /* we sent a broken segment */
	return 0;
}

static int emit_eth(void *ctx, const uint8_t dst[6], uint16_t type,
		    const mcc_iov *iov, int n)
{
	(void)ctx, (void)dst, (void)type, (void)iov, (void)n;
	return 0;
}

static void fix_checksums(uint8_t *ip, size_t len)
{
	if (len < 20 || (ip[0] >> 4) != 4)
		return;
	size_t hl = (ip[0] & 15) * 4u;
	if (hl < 20 || hl > len)
		return;
	wire_put16(ip + 10, 0);
	wire_put16(ip + 10, mcc_csum_fold(mcc_csum_add(0, ip, hl)));
	size_t total = wire_get16(ip + 2);
	if (ip[9] != 6 || total > len || total < hl + 20)
		return;
	uint8_t *t = ip + hl;
	size_t tl = total - hl;
	wire_put16(t + 16, 0);
	uint32_t sum = mcc_csum_pseudo(wire_get32(ip + 12), wire_get32(ip + 16),
				       6, (uint16_t)tl);
	wire_put16(t + 16, mcc_csum_fold(mcc_csum_add(sum, t, tl)));
}

static void patch_numbers(mcc_tcpc *t, uint8_t *ip, size_t len, unsigned flags)
{
	if (len < 40 || (ip[0] & 15) != 5 || ip[9] != 6 || !t->conns)
		return;
	mcc_tcpc_conn *c = t->conns;
	uint8_t *tcp = ip + 20;
	if (flags & 1)
		wire_put32(tcp + 8, c->snd_una + (wire_get32(tcp + 8) & 0xffff));
	if (flags & 2)
		wire_put32(tcp + 4, c->rcv_nxt + (wire_get32(tcp + 4) & 0xffff));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t frame[2048];
	mcc_tcpc tcp;
	mcc_tcpc_listener *l;
	mcc_ip4r reasm;
	mcc_arpt arp;
	uint64_t now = 1;
	mcc_ipv4_addr me = US;

	mcc_tcpc_init(&tcp, 1500, emit_ip, NULL, NULL, 7);
	mcc_tcpc_listen(&tcp, 80, 4, &l);
	mcc_ip4r_init(&reasm);
	mcc_arpt_init(&arp, my_mac, emit_eth, NULL);
	mcc_arpt_set_ips(&arp, &me, 1);

	while (size >= 3) {
		unsigned flags = data[0];
		size_t len = wire_get16(data + 1);
		data += 3, size -= 3;
		if (len > size)
			len = size;
		if (len > sizeof frame)
			len = sizeof frame;
		memcpy(frame, data, len);
		data += len, size -= len;
		if (flags & 8)
			now += 1000000000ull;
		now += 1000;
		if (len < 14)
			continue;
		uint16_t type = wire_get16(frame + 12);
		uint8_t *p = frame + 14;
		size_t plen = len - 14;
		if (type == MCC_ETHERTYPE_ARP) {
			mcc_arpt_input(&arp, p, plen, now);
			continue;
		}
		if (type != MCC_ETHERTYPE_IPV4)
			continue;
		patch_numbers(&tcp, p, plen, flags);
		if (flags & 4)
			fix_checksums(p, plen);
		mcc_ip4_hdr h;
		if (mcc_ip4_parse(p, plen, &h) < 0)
			continue;
		const uint8_t *payload = h.payload;
		size_t paylen = h.payload_len;
		if (h.more_frags || h.frag_off) {
			if (mcc_ip4r_input(&reasm, &h, now, &payload, &paylen) != 1)
				continue;
		}
		if (h.proto == MCC_IPPROTO_TCP)
			mcc_tcpc_input(&tcp, h.src, h.dst, payload, paylen, now);
		else if (h.proto == MCC_IPPROTO_ICMP) {
			static uint8_t reply[65536];
			mcc_icmp_echo_reply(payload, paylen, reply);
		}
		/* Application behaviour: accept, read, answer, close. */
		mcc_tcpc_conn *c = mcc_tcpc_accept(&tcp, l);
		if (c) {
			c->user = c;
			mcc_tcpc_send(c, "HTTP/1.1 200 OK\r\n\r\n", 19, now);
		}
		for (mcc_tcpc_conn *k = tcp.conns; k; k = k->next) {
			uint8_t buf[512];
			if (!k->released && !k->listener)
				mcc_tcpc_recv(k, buf, sizeof buf, now);
		}
		mcc_tcpc_tick(&tcp, now);
		mcc_arpt_tick(&arp, now);
		mcc_ip4r_tick(&reasm, now);
	}
	/* Close what the application holds, then run the clock out. */
	for (mcc_tcpc_conn *k = tcp.conns, *next; k; k = next) {
		next = k->next;
		if (!k->released && !k->listener)
			mcc_tcpc_close(k, now);
	}
	for (int i = 0; i < 20 && tcp.conns; i++)
		now = mcc_tcpc_tick(&tcp, now) == UINT64_MAX ? now + 1
			: mcc_tcpc_next_deadline(&tcp);
	mcc_tcpc_unlisten(&tcp, l, now);
	mcc_tcpc_fini(&tcp);
	mcc_ip4r_fini(&reasm);
	mcc_arpt_fini(&arp);
	return 0;
}
