/* net/ipv4_wire.h - IPv4 header parsing and building, fragment
 * reassembly and ICMP echo: pure functions over byte buffers. */
#ifndef MCC_NET_IPV4_WIRE_H
#define MCC_NET_IPV4_WIRE_H

#include "mcc/ipv4.h"

enum { MCC_IP4_HLEN = 20, MCC_IP4_DEFAULT_TTL = 64 };

typedef struct mcc_ip4_hdr {
	unsigned hlen;            /* header bytes incl. options */
	uint8_t tos, ttl, proto;
	uint16_t id;
	bool more_frags, dont_frag;
	uint32_t frag_off;        /* in bytes */
	mcc_ipv4_addr src, dst;
	const uint8_t *payload;   /* inside the parsed buffer */
	size_t payload_len;       /* from total length, padding removed */
} mcc_ip4_hdr;

/* Validate and decode the datagram at p (version, lengths, checksum).
 * 0 or -MCC_EINVAL. */
int mcc_ip4_parse(const uint8_t *p, size_t len, mcc_ip4_hdr *h);
/* Write a 20-byte header with its checksum. */
void mcc_ip4_build(uint8_t h[MCC_IP4_HLEN], mcc_ipv4_addr src,
		   mcc_ipv4_addr dst, uint8_t proto, size_t payload_len,
		   uint16_t id, uint8_t ttl);

/* Reassembly: a few datagrams at a time, each at most 64 KiB and at most
 * MCC_IP4R_FRAGS fragments; overlapping fragments drop the datagram
 * (RFC 5722's rule, which closes the overlap attacks). */
#define MCC_IP4R_SLOTS 4
#define MCC_IP4R_FRAGS 48
#define MCC_IP4R_BUF 65536

typedef struct mcc_ip4r_slot {
	bool used;
	mcc_ipv4_addr src, dst;
	uint16_t id;
	uint8_t proto;
	uint8_t *buf;
	uint32_t total;           /* payload size once the last fragment came */
	uint32_t have;            /* bytes received */
	int nfrags;
	uint32_t start[MCC_IP4R_FRAGS], end[MCC_IP4R_FRAGS];
	uint64_t deadline;
} mcc_ip4r_slot;

typedef struct mcc_ip4r {
	mcc_ip4r_slot s[MCC_IP4R_SLOTS];
	mcc_ip4r_slot *done;      /* returned last time; freed on next call */
	uint64_t timeout_ns;
	uint32_t dropped;
} mcc_ip4r;

void mcc_ip4r_init(mcc_ip4r *r);
void mcc_ip4r_fini(mcc_ip4r *r);
/* Add the fragment h.  Returns 1 with the whole payload in *out and *len
 * (valid until the next call) when the datagram is complete, 0 while
 * waiting for more, or a negative error when the fragment was dropped. */
int mcc_ip4r_input(mcc_ip4r *r, const mcc_ip4_hdr *h, uint64_t now,
		   const uint8_t **out, size_t *len);
/* Drop datagrams older than the timeout; returns the next deadline. */
uint64_t mcc_ip4r_tick(mcc_ip4r *r, uint64_t now);

/* Given an ICMP message, write the echo reply for an echo request into
 * out (room for len bytes).  Returns len, or -MCC_EINVAL when it is not
 * a valid echo request. */
long mcc_icmp_echo_reply(const uint8_t *icmp, size_t len, uint8_t *out);

#endif
