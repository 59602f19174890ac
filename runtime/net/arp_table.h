/* net/arp_table.h - the ARP protocol as a pure state machine.
 *
 * No jobs, no clock: the caller passes the time and a callback that sends
 * an Ethernet payload.  net/arp.c wraps it into the ARP device; the unit
 * tests drive it directly with hand-built packets. */
#ifndef MCC_NET_ARP_TABLE_H
#define MCC_NET_ARP_TABLE_H

#include "mcc/ethernet.h"
#include "mcc/udpv4.h"

#define MCC_ARPT_ENTRIES 64
#define MCC_ARPT_QUEUE 4       /* packets held per unresolved address */
#define MCC_ARPT_MAX_IPS 4

enum { ARPT_FREE, ARPT_PENDING, ARPT_RESOLVED, ARPT_FAILED };

typedef struct mcc_arpt_entry {
	mcc_ipv4_addr ip;
	uint8_t mac[6];
	uint8_t state;
	uint8_t tries;          /* requests sent while pending */
	uint64_t deadline;      /* expiry, next retry or end of failure */
	uint8_t *queue[MCC_ARPT_QUEUE];
	uint16_t qlen[MCC_ARPT_QUEUE];
	int nqueued;
} mcc_arpt_entry;

typedef int (*mcc_arpt_emit)(void *ctx, const uint8_t dst[6], uint16_t type,
			     const mcc_iov *iov, int n);

typedef struct mcc_arpt {
	uint8_t mac[6];
	mcc_ipv4_addr ips[MCC_ARPT_MAX_IPS];
	int nips;
	mcc_arpt_entry e[MCC_ARPT_ENTRIES];
	mcc_arpt_emit emit;
	void *ctx;
	uint64_t ttl_ns;        /* how long a reply stays valid */
	uint64_t retry_ns;      /* interval between requests */
	int max_tries;          /* requests before giving up */
	uint32_t queue_dropped; /* packets dropped on failure / overflow */
} mcc_arpt;

extern const uint8_t mcc_eth_broadcast[6];

void mcc_arpt_init(mcc_arpt *t, const uint8_t mac[6], mcc_arpt_emit emit,
		   void *ctx);
/* Free every queued packet. */
void mcc_arpt_fini(mcc_arpt *t);
/* Replace the addresses answered for; sends a gratuitous ARP for each. */
int mcc_arpt_set_ips(mcc_arpt *t, const mcc_ipv4_addr *ips, int n);
/* Handle one ARP packet (Ethernet payload).  Returns 0 or -MCC_EINVAL
 * for a malformed or foreign packet. */
int mcc_arpt_input(mcc_arpt *t, const uint8_t *pkt, size_t len,
		   uint64_t now);
/* 0 and the MAC when resolved; -MCC_EAGAIN while a request is pending
 * (starting one if needed); -MCC_EHOSTUNREACH after recent failure. */
int mcc_arpt_lookup(mcc_arpt *t, mcc_ipv4_addr ip, uint8_t mac[6],
		    uint64_t now);
/* Send an IPv4 packet to next_hop now (0) or queue a copy until it
 * resolves (1); else a negative error. */
int mcc_arpt_output(mcc_arpt *t, mcc_ipv4_addr next_hop, const mcc_iov *iov,
		    int n, uint64_t now);
/* Retry, expire and fail entries; returns the next deadline or
 * UINT64_MAX. */
uint64_t mcc_arpt_tick(mcc_arpt *t, uint64_t now);

#endif
