/* net/udp.h - mcc_udp: UDPV4 over an IPV4 (stdlib `direct_udp`). */
#ifndef MCC_NET_UDP_H
#define MCC_NET_UDP_H

#include "mcc/udpv4.h"
#include "mcc/ipv4.h"
#include "mcc/sched.h"

#define MCC_UDP_QUEUE 64          /* datagrams held per bound port */

typedef struct mcc_udp_msg mcc_udp_msg;
typedef struct mcc_udp_bind {
	struct mcc_udp_bind *next;
	uint16_t port;
	mcc_udp_msg *head, *tail;
	int queued;
	mcc_waitq q;
} mcc_udp_bind;

typedef struct mcc_udp {
	mcc_udpv4 udp;
	mcc_ipv4 *ip;
	mcc_udp_bind *binds;
	uint64_t rx_dropped;
} mcc_udp;

int mcc_udp_connect(mcc_udp *self, mcc_ipv4 *ip);

#endif
