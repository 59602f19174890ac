/* net/ipv4_reasm.c - IPv4 fragment reassembly with hard limits. */
#include "net/ipv4_wire.h"
#include "net/wire.h"
#include "mcc/platform.h"

void mcc_ip4r_init(mcc_ip4r *r)
{
	wire_zero(r, sizeof *r);
	r->timeout_ns = 30ull * 1000000000ull;   /* RFC 791 suggests 15 s+ */
}

static void slot_free(mcc_ip4r_slot *s)
{
	if (s->buf)
		mcc_plat_free(s->buf, MCC_IP4R_BUF);
	wire_zero(s, sizeof *s);
}

void mcc_ip4r_fini(mcc_ip4r *r)
{
	for (int i = 0; i < MCC_IP4R_SLOTS; i++)
		slot_free(&r->s[i]);
	r->done = NULL;
}

static mcc_ip4r_slot *slot_for(mcc_ip4r *r, const mcc_ip4_hdr *h,
			       uint64_t now)
{
	mcc_ip4r_slot *free_slot = NULL;

	for (int i = 0; i < MCC_IP4R_SLOTS; i++) {
		mcc_ip4r_slot *s = &r->s[i];
		if (!s->used) {
			if (!free_slot)
				free_slot = s;
			continue;
		}
		if (s->src == h->src && s->dst == h->dst && s->id == h->id &&
		    s->proto == h->proto)
			return s;
	}
	if (!free_slot)
		return NULL;
	free_slot->buf = mcc_plat_alloc(MCC_IP4R_BUF);
	if (!free_slot->buf)
		return NULL;
	free_slot->used = true;
	free_slot->src = h->src;
	free_slot->dst = h->dst;
	free_slot->id = h->id;
	free_slot->proto = h->proto;
	free_slot->deadline = now + r->timeout_ns;
	return free_slot;
}

static int drop(mcc_ip4r *r, mcc_ip4r_slot *s)
{
	r->dropped++;
	if (s)
		slot_free(s);
	return -MCC_EINVAL;
}

int mcc_ip4r_input(mcc_ip4r *r, const mcc_ip4_hdr *h, uint64_t now,
		   const uint8_t **out, size_t *len)
{
	if (r->done) {
		slot_free(r->done);
		r->done = NULL;
	}
	uint32_t start = h->frag_off;
	uint32_t end = start + (uint32_t)h->payload_len;
	/* Every fragment but the last carries a multiple of 8 bytes. */
	if ((h->more_frags && (h->payload_len == 0 || h->payload_len % 8)) ||
	    end > MCC_IP4R_BUF)
		return drop(r, NULL);

	mcc_ip4r_slot *s = slot_for(r, h, now);
	if (!s) {
		r->dropped++;
		return -MCC_ENOSPC;
	}
	if (!h->more_frags) {
		if (s->total && s->total != end)
			return drop(r, s);
		for (int i = 0; i < s->nfrags; i++)
			if (s->end[i] > end)
				return drop(r, s);
		s->total = end;
	}
	if (s->total && end > s->total)
		return drop(r, s);
	for (int i = 0; i < s->nfrags; i++) {
		if (start == s->start[i] && end == s->end[i])
			return 0;       /* an exact duplicate: ignore it */
		if (start < s->end[i] && s->start[i] < end)
			return drop(r, s);
	}
	if (s->nfrags == MCC_IP4R_FRAGS)
		return drop(r, s);
	s->start[s->nfrags] = start;
	s->end[s->nfrags++] = end;
	wire_copy(s->buf + start, h->payload, h->payload_len);
	s->have += end - start;
	if (!s->total || s->have != s->total)
		return 0;
	*out = s->buf;
	*len = s->total;
	r->done = s;
	return 1;
}

uint64_t mcc_ip4r_tick(mcc_ip4r *r, uint64_t now)
{
	uint64_t next = UINT64_MAX;

	for (int i = 0; i < MCC_IP4R_SLOTS; i++) {
		mcc_ip4r_slot *s = &r->s[i];
		if (!s->used || s == r->done)
			continue;
		if (now >= s->deadline)
			drop(r, s);
		else if (s->deadline < next)
			next = s->deadline;
	}
	return next;
}
