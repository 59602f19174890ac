/* net/checksum.c - the Internet checksum (RFC 1071), shared by IPv4,
 * ICMP, UDP and TCP. */
#include "net/checksum.h"

uint32_t mcc_csum_add(uint32_t sum, const void *p, size_t len)
{
	const uint8_t *b = p;
	uint64_t s = sum;

	while (len >= 2) {
		s += (uint32_t)(b[0] << 8 | b[1]);
		b += 2;
		len -= 2;
	}
	if (len)
		s += (uint32_t)b[0] << 8;
	/* Fold early so the caller can keep adding chunks. */
	while (s >> 32)
		s = (s & 0xffffffffu) + (s >> 32);
	return (uint32_t)s;
}

uint16_t mcc_csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint32_t mcc_csum_pseudo(uint32_t src, uint32_t dst, uint8_t proto,
			 uint16_t len)
{
	uint64_t s = (src >> 16) + (src & 0xffff) + (dst >> 16) +
		     (dst & 0xffff) + proto + len;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint32_t)s;
}
