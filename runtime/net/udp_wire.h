/* net/udp_wire.h - UDP header (RFC 768): parse with checksum, build. */
#ifndef MCC_NET_UDP_WIRE_H
#define MCC_NET_UDP_WIRE_H

#include "mcc/ipv4.h"

enum { MCC_UDP_HLEN = 8 };

typedef struct mcc_udp_dgram {
	uint16_t sport, dport;
	const uint8_t *data;
	size_t len;
} mcc_udp_dgram;

/* Decode the datagram at p (IP payload from src to dst); a non-zero
 * checksum must verify.  0 or -MCC_EINVAL. */
int mcc_udp_parse(const uint8_t *p, size_t len, mcc_ipv4_addr src,
		  mcc_ipv4_addr dst, mcc_udp_dgram *d);
/* Write the 8-byte header for a payload of len bytes at data. */
void mcc_udp_build(uint8_t h[MCC_UDP_HLEN], uint16_t sport, uint16_t dport,
		   const void *data, size_t len, mcc_ipv4_addr src,
		   mcc_ipv4_addr dst);

#endif
