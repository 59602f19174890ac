/* mcc/arp.h - ARP: IPv4 address resolution on an ETHERNET link.
 *
 * The device answers requests for its own addresses, caches replies with
 * a timeout and resolves next hops for the IPv4 layer. */
#ifndef MCC_ARP_H
#define MCC_ARP_H

#include "mcc/ethernet.h"
#include "mcc/udpv4.h"

typedef struct mcc_arp mcc_arp;
struct mcc_arp {
	mcc_device dev;
	/* Answer requests for ips[0..n) from now on (replacing the previous
	 * set; n may be 0) and announce each with a gratuitous ARP. */
	int (*set_ips)(mcc_arp *self, const mcc_ipv4_addr *ips, int n);
	/* Send the IPv4 packet iov[0..n) to next_hop on the link.  When its
	 * MAC is unknown the packet waits (a few per address) while requests
	 * are retried, and is dropped if resolution fails.  Never blocks;
	 * 0 when sent or queued, else a negative MCC_E* value. */
	int (*output)(mcc_arp *self, mcc_ipv4_addr next_hop,
		      const mcc_iov *iov, int n);
	/* Block until ip resolves; MCC_EHOSTUNREACH once the retries are
	 * exhausted. */
	int (*query)(mcc_arp *self, mcc_ipv4_addr ip, uint8_t mac[6]);
};

#endif
