/* net/ipv4.h - mcc_static_ipv4: IPV4 with a static address (stdlib
 * `ipv4`), and the IPv4 machinery the DHCP variant reuses.
 *
 * (Named static_ipv4 because mcc_ipv4 is the interface type.) */
#ifndef MCC_NET_IPV4_H
#define MCC_NET_IPV4_H

#include "mcc/ipv4.h"
#include "mcc/arp.h"
#include "net/ipv4_wire.h"

#define MCC_IPV4_PROTOS 4

typedef struct mcc_static_ipv4 mcc_static_ipv4;
struct mcc_static_ipv4 {
	mcc_ipv4 ip;
	mcc_ethernet *eth;
	mcc_arp *arp;
	mcc_ipv4_addr addr, netmask, gateway;   /* addr 0: unconfigured */
	unsigned mtu;                           /* link MTU */
	uint16_t next_id;
	struct {
		uint8_t proto;
		mcc_ipv4_handler fn;
		void *ctx;
	} handler[MCC_IPV4_PROTOS];
	/* Sees every UDP datagram first (DHCP client); returns true when
	 * it took it. */
	bool (*udp_hook)(void *ctx, mcc_ipv4_addr src, mcc_ipv4_addr dst,
			 const uint8_t *p, size_t len);
	void *udp_hook_ctx;
	mcc_ip4r reasm;
	uint8_t *icmp_buf;                      /* echo replies, mtu bytes */
	uint64_t rx_packets, rx_dropped, tx_packets, echo_replies;
};

/* cidr "10.0.0.2/24"; gateway "10.0.0.1" or "" for none. */
int mcc_static_ipv4_connect(mcc_static_ipv4 *self, const char *cidr,
			    const char *gateway, mcc_ethernet *eth,
			    mcc_arp *arp);

/* Shared with net/dhcp.c: set up self without an address, and set (or
 * clear, addr 0) the address later; announces it with ARP. */
int mcc_ipv4_base_init(mcc_static_ipv4 *self, mcc_ethernet *eth,
		       mcc_arp *arp);
int mcc_ipv4_base_configure(mcc_static_ipv4 *self, mcc_ipv4_addr addr,
			    int prefix, mcc_ipv4_addr gateway);

#endif
