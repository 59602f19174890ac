/* mcc/ipv4.h - IPV4: sending and receiving IPv4 datagrams.
 *
 * Upper protocols (UDP, TCP) register a handler per protocol number; it
 * runs inside the link's receive job and must not block.  ICMP echo is
 * answered by the device itself. */
#ifndef MCC_IPV4_H
#define MCC_IPV4_H

#include "mcc/ethernet.h"
#include "mcc/udpv4.h"

enum { MCC_IPPROTO_ICMP = 1, MCC_IPPROTO_TCP = 6, MCC_IPPROTO_UDP = 17 };

/* A received datagram's payload (reassembled when it was fragmented). */
typedef void (*mcc_ipv4_handler)(void *ctx, mcc_ipv4_addr src,
				 mcc_ipv4_addr dst, const uint8_t *payload,
				 size_t len);

typedef struct mcc_ipv4 mcc_ipv4;
struct mcc_ipv4 {
	mcc_device dev;
	/* Send iov[0..n) as the payload of one datagram of protocol proto
	 * to dst (255.255.255.255 is link broadcast).  Never blocks.
	 * MCC_EMSGSIZE when the payload exceeds mtu(); MCC_ENETDOWN while
	 * the device has no address. */
	int (*write)(mcc_ipv4 *self, mcc_ipv4_addr dst, uint8_t proto,
		     const mcc_iov *iov, int n);
	/* Deliver datagrams of protocol proto to fn(ctx, ...); one handler
	 * per protocol, a later call replaces it. */
	int (*listen)(mcc_ipv4 *self, uint8_t proto, mcc_ipv4_handler fn,
		      void *ctx);
	/* The local address (0 while unconfigured, e.g. DHCP pending). */
	mcc_ipv4_addr (*address)(mcc_ipv4 *self);
	/* Largest payload write accepts (link MTU minus the IP header). */
	unsigned (*mtu)(mcc_ipv4 *self);
};

/* Parse "a.b.c.d" into *out (host order).  0 or MCC_EINVAL. */
int mcc_ipv4_parse_addr(const char *s, mcc_ipv4_addr *out);
/* Parse "a.b.c.d/len" into address and prefix length.  0 or MCC_EINVAL. */
int mcc_ipv4_parse_cidr(const char *s, mcc_ipv4_addr *addr, int *prefix);
/* Format a into buf (at least 16 bytes) as dotted quad; returns buf. */
char *mcc_ipv4_format(mcc_ipv4_addr a, char buf[16]);

#endif
