/* net/stack.h - mcc_direct_stack: STACKV4 made of this runtime's own
 * IPv4, UDP and TCP devices (stdlib `direct_stackv4`). */
#ifndef MCC_NET_STACK_H
#define MCC_NET_STACK_H

#include "mcc/stackv4.h"
#include "mcc/ipv4.h"

typedef struct mcc_direct_stack {
	mcc_stackv4 stack;
	mcc_ipv4 *ip;
	mcc_udpv4 *udp;
	mcc_tcpv4 *tcp;
} mcc_direct_stack;

int mcc_direct_stack_connect(mcc_direct_stack *self, mcc_ipv4 *ip,
			     mcc_udpv4 *udp, mcc_tcpv4 *tcp);

#endif
