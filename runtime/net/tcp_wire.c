/* net/tcp_wire.c - TCP header and options on the wire. */
#include "net/tcp_wire.h"
#include "net/checksum.h"
#include "net/wire.h"

static void parse_options(const uint8_t *o, size_t n, mcc_tcp_seg *s)
{
	size_t i = 0;

	while (i < n) {
		uint8_t kind = o[i];
		if (kind == 0)                   /* end of options */
			break;
		if (kind == 1) {                 /* no-op padding */
			i++;
			continue;
		}
		if (i + 1 >= n || o[i + 1] < 2 || i + o[i + 1] > n)
			break;                   /* malformed: ignore the rest */
		uint8_t olen = o[i + 1];
		if (kind == 2 && olen == 4)
			s->mss = wire_get16(o + i + 2);
		else if (kind == 3 && olen == 3)
			s->wscale = o[i + 2] > 14 ? 14 : o[i + 2];
		i += olen;
	}
}

int mcc_tcp_parse(const uint8_t *p, size_t len, mcc_ipv4_addr src,
		  mcc_ipv4_addr dst, mcc_tcp_seg *s)
{
	if (len < MCC_TCP_HLEN || len > 65535)
		return -MCC_EINVAL;
	size_t hlen = (p[12] >> 4) * 4u;
	if (hlen < MCC_TCP_HLEN || hlen > len)
		return -MCC_EINVAL;
	uint32_t sum = mcc_csum_pseudo(src, dst, MCC_IPPROTO_TCP, (uint16_t)len);
	if (mcc_csum_fold(mcc_csum_add(sum, p, len)) != 0)
		return -MCC_EINVAL;
	s->sport = wire_get16(p);
	s->dport = wire_get16(p + 2);
	s->seq = wire_get32(p + 4);
	s->ack = wire_get32(p + 8);
	s->flags = p[13] & 0x3f;
	s->wnd = wire_get16(p + 14);
	s->mss = 0;
	s->wscale = -1;
	parse_options(p + MCC_TCP_HLEN, hlen - MCC_TCP_HLEN, s);
	s->data = p + hlen;
	s->len = len - hlen;
	if (s->sport == 0 || s->dport == 0)
		return -MCC_EINVAL;
	return 0;
}

size_t mcc_tcp_build(uint8_t h[MCC_TCP_MAX_HLEN], const mcc_tcp_seg *s,
		     mcc_ipv4_addr src, mcc_ipv4_addr dst)
{
	size_t hlen = MCC_TCP_HLEN;
	uint8_t *o = h + MCC_TCP_HLEN;

	if (s->mss) {
		o[0] = 2;
		o[1] = 4;
		wire_put16(o + 2, s->mss);
		o += 4;
		hlen += 4;
	}
	if (s->wscale >= 0) {
		o[0] = 1;                        /* pad to a 4-byte boundary */
		o[1] = 3;
		o[2] = 3;
		o[3] = (uint8_t)s->wscale;
		hlen += 4;
	}
	wire_put16(h, s->sport);
	wire_put16(h + 2, s->dport);
	wire_put32(h + 4, s->seq);
	wire_put32(h + 8, s->ack);
	h[12] = (uint8_t)(hlen / 4 << 4);
	h[13] = s->flags;
	wire_put16(h + 14, s->wnd);
	wire_put16(h + 16, 0);
	wire_put16(h + 18, 0);
	uint32_t sum = mcc_csum_pseudo(src, dst, MCC_IPPROTO_TCP,
				       (uint16_t)(hlen + s->len));
	sum = mcc_csum_add(sum, h, hlen);
	sum = mcc_csum_add(sum, s->data, s->len);
	wire_put16(h + 16, mcc_csum_fold(sum));
	return hlen;
}
