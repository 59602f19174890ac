/* net/arp_table.c - ARP (RFC 826) cache, requests and replies. */
#include "net/arp_table.h"
#include "net/wire.h"
#include "mcc/platform.h"

/* An Ethernet/IPv4 ARP packet is 28 bytes. */
enum { ARP_LEN = 28, ARP_REQUEST = 1, ARP_REPLY = 2 };

const uint8_t mcc_eth_broadcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
static const uint8_t zero_mac[6];

void mcc_arpt_init(mcc_arpt *t, const uint8_t mac[6], mcc_arpt_emit emit,
		   void *ctx)
{
	wire_zero(t, sizeof *t);
	wire_copy(t->mac, mac, 6);
	t->emit = emit;
	t->ctx = ctx;
	t->ttl_ns = 60ull * 1000000000ull;
	t->retry_ns = 1000000000ull;
	t->max_tries = 3;
}

static void drop_queue(mcc_arpt *t, mcc_arpt_entry *e, bool count)
{
	for (int i = 0; i < e->nqueued; i++) {
		mcc_plat_free(e->queue[i], e->qlen[i]);
		if (count)
			t->queue_dropped++;
	}
	e->nqueued = 0;
}

void mcc_arpt_fini(mcc_arpt *t)
{
	for (int i = 0; i < MCC_ARPT_ENTRIES; i++)
		drop_queue(t, &t->e[i], false);
}

static int send_arp(mcc_arpt *t, int op, const uint8_t eth_dst[6],
		    const uint8_t tha[6], mcc_ipv4_addr spa, mcc_ipv4_addr tpa)
{
	uint8_t p[ARP_LEN];
	mcc_iov iov = {p, sizeof p};

	wire_put16(p, 1);          /* hardware: Ethernet */
	wire_put16(p + 2, 0x0800); /* protocol: IPv4 */
	p[4] = 6;
	p[5] = 4;
	wire_put16(p + 6, (uint16_t)op);
	wire_copy(p + 8, t->mac, 6);
	wire_put32(p + 14, spa);
	wire_copy(p + 18, tha, 6);
	wire_put32(p + 24, tpa);
	return t->emit(t->ctx, eth_dst, MCC_ETHERTYPE_ARP, &iov, 1);
}

static bool is_mine(const mcc_arpt *t, mcc_ipv4_addr ip)
{
	for (int i = 0; i < t->nips; i++)
		if (t->ips[i] == ip)
			return true;
	return false;
}

int mcc_arpt_set_ips(mcc_arpt *t, const mcc_ipv4_addr *ips, int n)
{
	if (n < 0 || n > MCC_ARPT_MAX_IPS)
		return -MCC_EINVAL;
	for (int i = 0; i < n; i++)
		t->ips[i] = ips[i];
	t->nips = n;
	/* Gratuitous ARP: a request for our own address, so neighbours
	 * update stale entries (RFC 5227 announcement). */
	for (int i = 0; i < n; i++)
		send_arp(t, ARP_REQUEST, mcc_eth_broadcast, zero_mac, ips[i],
			 ips[i]);
	return 0;
}

static mcc_arpt_entry *find(mcc_arpt *t, mcc_ipv4_addr ip)
{
	for (int i = 0; i < MCC_ARPT_ENTRIES; i++)
		if (t->e[i].state != ARPT_FREE && t->e[i].ip == ip)
			return &t->e[i];
	return NULL;
}

/* A free slot, else the resolved or failed entry closest to expiry. */
static mcc_arpt_entry *alloc_entry(mcc_arpt *t, mcc_ipv4_addr ip)
{
	mcc_arpt_entry *victim = NULL;

	for (int i = 0; i < MCC_ARPT_ENTRIES; i++) {
		mcc_arpt_entry *e = &t->e[i];
		if (e->state == ARPT_FREE) {
			victim = e;
			break;
		}
		if (e->state != ARPT_PENDING &&
		    (!victim || e->deadline < victim->deadline))
			victim = e;
	}
	if (!victim)
		return NULL;
	drop_queue(t, victim, true);
	wire_zero(victim, sizeof *victim);
	victim->ip = ip;
	return victim;
}

static void flush_queue(mcc_arpt *t, mcc_arpt_entry *e)
{
	for (int i = 0; i < e->nqueued; i++) {
		mcc_iov iov = {e->queue[i], e->qlen[i]};
		t->emit(t->ctx, e->mac, MCC_ETHERTYPE_IPV4, &iov, 1);
		mcc_plat_free(e->queue[i], e->qlen[i]);
	}
	e->nqueued = 0;
}

int mcc_arpt_input(mcc_arpt *t, const uint8_t *p, size_t len, uint64_t now)
{
	if (len < ARP_LEN || wire_get16(p) != 1 || wire_get16(p + 2) != 0x0800 ||
	    p[4] != 6 || p[5] != 4)
		return -MCC_EINVAL;
	int op = wire_get16(p + 6);
	const uint8_t *sha = p + 8;
	mcc_ipv4_addr spa = wire_get32(p + 14);
	mcc_ipv4_addr tpa = wire_get32(p + 24);

	if (op != ARP_REQUEST && op != ARP_REPLY)
		return -MCC_EINVAL;
	/* Ignore our own announcements echoed back and senders claiming a
	 * broadcast or zero hardware address. */
	if (wire_equal(sha, t->mac, 6) || (sha[0] & 1) ||
	    wire_equal(sha, zero_mac, 6))
		return -MCC_EINVAL;

	/* RFC 826 merge: update an existing entry; create one only when
	 * the packet is addressed to us. */
	mcc_arpt_entry *e = spa ? find(t, spa) : NULL;
	bool for_us = is_mine(t, tpa);
	if (!e && for_us && spa)
		e = alloc_entry(t, spa);
	if (e) {
		wire_copy(e->mac, sha, 6);
		e->state = ARPT_RESOLVED;
		e->tries = 0;
		e->deadline = now + t->ttl_ns;
		flush_queue(t, e);
	}
	if (op == ARP_REQUEST && for_us && spa != tpa)
		send_arp(t, ARP_REPLY, sha, sha, tpa, spa);
	return 0;
}

static int start_request(mcc_arpt *t, mcc_arpt_entry *e, uint64_t now)
{
	e->state = ARPT_PENDING;
	e->tries = 1;
	e->deadline = now + t->retry_ns;
	mcc_ipv4_addr src = t->nips ? t->ips[0] : 0;
	return send_arp(t, ARP_REQUEST, mcc_eth_broadcast, zero_mac, src, e->ip);
}

int mcc_arpt_lookup(mcc_arpt *t, mcc_ipv4_addr ip, uint8_t mac[6],
		    uint64_t now)
{
	mcc_arpt_entry *e = find(t, ip);

	if (e && e->state == ARPT_RESOLVED && now < e->deadline) {
		wire_copy(mac, e->mac, 6);
		return 0;
	}
	if (e && e->state == ARPT_FAILED && now < e->deadline)
		return -MCC_EHOSTUNREACH;
	if (e && e->state == ARPT_PENDING)
		return -MCC_EAGAIN;
	if (!e && !(e = alloc_entry(t, ip)))
		return -MCC_ENOSPC;
	start_request(t, e, now);
	return -MCC_EAGAIN;
}

int mcc_arpt_output(mcc_arpt *t, mcc_ipv4_addr next_hop, const mcc_iov *iov,
		    int n, uint64_t now)
{
	uint8_t mac[6];
	int r = mcc_arpt_lookup(t, next_hop, mac, now);

	if (r == 0)
		return t->emit(t->ctx, mac, MCC_ETHERTYPE_IPV4, iov, n);
	if (r != -MCC_EAGAIN)
		return r;
	mcc_arpt_entry *e = find(t, next_hop);
	size_t len = 0;
	for (int i = 0; i < n; i++)
		len += iov[i].len;
	if (len > 65535 || e->nqueued == MCC_ARPT_QUEUE) {
		t->queue_dropped++;
		return -MCC_ENOSPC;
	}
	uint8_t *copy = mcc_plat_alloc(len ? len : 1);
	if (!copy)
		return -MCC_ENOMEM;
	size_t off = 0;
	for (int i = 0; i < n; i++) {
		wire_copy(copy + off, iov[i].base, iov[i].len);
		off += iov[i].len;
	}
	e->queue[e->nqueued] = copy;
	e->qlen[e->nqueued++] = (uint16_t)len;
	return 1;
}

uint64_t mcc_arpt_tick(mcc_arpt *t, uint64_t now)
{
	uint64_t next = UINT64_MAX;

	for (int i = 0; i < MCC_ARPT_ENTRIES; i++) {
		mcc_arpt_entry *e = &t->e[i];
		if (e->state == ARPT_FREE)
			continue;
		if (now >= e->deadline) {
			if (e->state == ARPT_PENDING && e->tries < t->max_tries) {
				e->tries++;
				e->deadline = now + t->retry_ns;
				mcc_ipv4_addr src = t->nips ? t->ips[0] : 0;
				send_arp(t, ARP_REQUEST, mcc_eth_broadcast,
					 zero_mac, src, e->ip);
			} else if (e->state == ARPT_PENDING) {
				/* Give up; remember the failure briefly so
				 * callers are told at once. */
				drop_queue(t, e, true);
				e->state = ARPT_FAILED;
				e->deadline = now + t->retry_ns;
			} else {
				e->state = ARPT_FREE;
				continue;
			}
		}
		if (e->deadline < next)
			next = e->deadline;
	}
	return next;
}
