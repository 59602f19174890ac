/* net/dhcp_wire.h - a DHCP client (RFC 2131) as a pure state machine:
 * messages in, messages out through a callback, time passed in. */
#ifndef MCC_NET_DHCP_WIRE_H
#define MCC_NET_DHCP_WIRE_H

#include "mcc/ipv4.h"

enum mcc_dhcpc_state {
	DHCPC_INIT, DHCPC_SELECTING, DHCPC_REQUESTING, DHCPC_BOUND,
	DHCPC_RENEWING, DHCPC_REBINDING,
};

enum { MCC_DHCP_CLIENT_PORT = 68, MCC_DHCP_SERVER_PORT = 67,
       MCC_DHCP_MAX_MSG = 576 };

/* Send msg (a UDP payload from port 68) to dst:67 (broadcast or the
 * server). */
typedef int (*mcc_dhcpc_emit)(void *ctx, mcc_ipv4_addr dst,
			      const uint8_t *msg, size_t len);

typedef struct mcc_dhcp_lease {
	mcc_ipv4_addr addr, mask, router, dns, server;
	uint32_t lease_s, t1_s, t2_s;
} mcc_dhcp_lease;

typedef struct mcc_dhcpc {
	enum mcc_dhcpc_state state;
	uint8_t mac[6];
	uint32_t xid;
	uint64_t rng;
	mcc_dhcp_lease offer, lease;
	uint64_t deadline;        /* next retransmission or T1/T2/expiry */
	uint64_t bound_at;
	uint64_t retry_ns;        /* current retransmission interval */
	mcc_dhcpc_emit emit;
	void *ctx;
	uint8_t msg[MCC_DHCP_MAX_MSG];
} mcc_dhcpc;

void mcc_dhcpc_init(mcc_dhcpc *c, const uint8_t mac[6], uint64_t seed,
		    mcc_dhcpc_emit emit, void *ctx);
/* Send DISCOVER and start selecting. */
void mcc_dhcpc_start(mcc_dhcpc *c, uint64_t now);
/* A UDP payload that arrived on port 68.  Returns 1 when a lease was
 * obtained or renewed (c->lease), -1 when the lease was lost (NAK),
 * 0 otherwise (including malformed or foreign messages). */
int mcc_dhcpc_input(mcc_dhcpc *c, const uint8_t *p, size_t len,
		    uint64_t now);
/* Retransmit, renew, rebind or expire.  Returns -1 when the lease
 * expired (address must be dropped), else 0; *next gets the deadline. */
int mcc_dhcpc_tick(mcc_dhcpc *c, uint64_t now, uint64_t *next);
/* Prefix length of a contiguous netmask, -1 if not contiguous. */
int mcc_dhcp_prefix(mcc_ipv4_addr mask);

#endif
