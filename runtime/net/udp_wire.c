/* net/udp_wire.c - UDP datagrams on the wire. */
#include "net/udp_wire.h"
#include "net/checksum.h"
#include "net/wire.h"

int mcc_udp_parse(const uint8_t *p, size_t len, mcc_ipv4_addr src,
		  mcc_ipv4_addr dst, mcc_udp_dgram *d)
{
	if (len < MCC_UDP_HLEN)
		return -MCC_EINVAL;
	size_t ulen = wire_get16(p + 4);
	if (ulen < MCC_UDP_HLEN || ulen > len)
		return -MCC_EINVAL;
	if (wire_get16(p + 6) != 0) {       /* 0: sender sent no checksum */
		uint32_t sum = mcc_csum_pseudo(src, dst, MCC_IPPROTO_UDP,
					       (uint16_t)ulen);
		if (mcc_csum_fold(mcc_csum_add(sum, p, ulen)) != 0)
			return -MCC_EINVAL;
	}
	d->sport = wire_get16(p);
	d->dport = wire_get16(p + 2);
	d->data = p + MCC_UDP_HLEN;
	d->len = ulen - MCC_UDP_HLEN;
	if (d->dport == 0)
		return -MCC_EINVAL;
	return 0;
}

void mcc_udp_build(uint8_t h[MCC_UDP_HLEN], uint16_t sport, uint16_t dport,
		   const void *data, size_t len, mcc_ipv4_addr src,
		   mcc_ipv4_addr dst)
{
	uint16_t ulen = (uint16_t)(MCC_UDP_HLEN + len);
	wire_put16(h, sport);
	wire_put16(h + 2, dport);
	wire_put16(h + 4, ulen);
	wire_put16(h + 6, 0);
	uint32_t sum = mcc_csum_pseudo(src, dst, MCC_IPPROTO_UDP, ulen);
	sum = mcc_csum_add(sum, h, MCC_UDP_HLEN);
	sum = mcc_csum_add(sum, data, len);
	uint16_t c = mcc_csum_fold(sum);
	wire_put16(h + 6, c ? c : 0xffff);  /* 0 would mean "none" */
}
