/* net/tcp_wire.h - TCP segment header (RFC 793) with the MSS and window
 * scale options (RFC 7323): parse and build. */
#ifndef MCC_NET_TCP_WIRE_H
#define MCC_NET_TCP_WIRE_H

#include "mcc/ipv4.h"

enum {
	TCP_FIN = 0x01, TCP_SYN = 0x02, TCP_RST = 0x04, TCP_PSH = 0x08,
	TCP_ACK = 0x10, TCP_URG = 0x20,
	MCC_TCP_HLEN = 20, MCC_TCP_MAX_HLEN = 60,
};

typedef struct mcc_tcp_seg {
	uint16_t sport, dport;
	uint32_t seq, ack;
	uint8_t flags;
	uint16_t wnd;             /* as on the wire (unscaled) */
	uint16_t mss;             /* option value, 0 if absent */
	int wscale;               /* option value, -1 if absent */
	const uint8_t *data;
	size_t len;
} mcc_tcp_seg;

/* Decode and checksum-verify the segment at p (IP payload from src to
 * dst).  0 or -MCC_EINVAL. */
int mcc_tcp_parse(const uint8_t *p, size_t len, mcc_ipv4_addr src,
		  mcc_ipv4_addr dst, mcc_tcp_seg *s);
/* Write the header for s (options MSS if s->mss, window scale if
 * s->wscale >= 0) into h, with the checksum over h and s->data.
 * Returns the header length. */
size_t mcc_tcp_build(uint8_t h[MCC_TCP_MAX_HLEN], const mcc_tcp_seg *s,
		     mcc_ipv4_addr src, mcc_ipv4_addr dst);

#endif
