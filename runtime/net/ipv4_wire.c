/* net/ipv4_wire.c - IPv4 header (RFC 791) parse/build and ICMP echo. */
#include "net/ipv4_wire.h"
#include "net/checksum.h"
#include "net/wire.h"

int mcc_ip4_parse(const uint8_t *p, size_t len, mcc_ip4_hdr *h)
{
	if (len < MCC_IP4_HLEN || (p[0] >> 4) != 4)
		return -MCC_EINVAL;
	unsigned hlen = (p[0] & 0xf) * 4u;
	unsigned total = wire_get16(p + 2);
	if (hlen < MCC_IP4_HLEN || total < hlen || total > len)
		return -MCC_EINVAL;
	if (mcc_csum_fold(mcc_csum_add(0, p, hlen)) != 0)
		return -MCC_EINVAL;
	uint16_t frag = wire_get16(p + 6);
	if (frag & 0x8000)             /* the reserved flag must be zero */
		return -MCC_EINVAL;
	h->hlen = hlen;
	h->tos = p[1];
	h->id = wire_get16(p + 4);
	h->dont_frag = frag & 0x4000;
	h->more_frags = frag & 0x2000;
	h->frag_off = (uint32_t)(frag & 0x1fff) * 8u;
	h->ttl = p[8];
	h->proto = p[9];
	h->src = wire_get32(p + 12);
	h->dst = wire_get32(p + 16);
	h->payload = p + hlen;
	h->payload_len = total - hlen;
	/* A fragment's data must fit the 64 KiB datagram. */
	if (h->frag_off + h->payload_len > 65535u - MCC_IP4_HLEN)
		return -MCC_EINVAL;
	return 0;
}

void mcc_ip4_build(uint8_t h[MCC_IP4_HLEN], mcc_ipv4_addr src,
		   mcc_ipv4_addr dst, uint8_t proto, size_t payload_len,
		   uint16_t id, uint8_t ttl)
{
	h[0] = 0x45;
	h[1] = 0;
	wire_put16(h + 2, (uint16_t)(MCC_IP4_HLEN + payload_len));
	wire_put16(h + 4, id);
	wire_put16(h + 6, 0x4000);      /* DF: we never fragment */
	h[8] = ttl;
	h[9] = proto;
	wire_put16(h + 10, 0);
	wire_put32(h + 12, src);
	wire_put32(h + 16, dst);
	wire_put16(h + 10, mcc_csum_fold(mcc_csum_add(0, h, MCC_IP4_HLEN)));
}

long mcc_icmp_echo_reply(const uint8_t *icmp, size_t len, uint8_t *out)
{
	if (len < 8 || icmp[0] != 8 || icmp[1] != 0)
		return -MCC_EINVAL;
	if (mcc_csum_fold(mcc_csum_add(0, icmp, len)) != 0)
		return -MCC_EINVAL;
	wire_copy(out, icmp, len);
	out[0] = 0;                     /* echo reply */
	wire_put16(out + 2, 0);
	wire_put16(out + 2, mcc_csum_fold(mcc_csum_add(0, out, len)));
	return (long)len;
}
