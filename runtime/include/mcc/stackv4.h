/* mcc/stackv4.h - STACKV4: a whole IPv4 stack (its TCP and UDP). */
#ifndef MCC_STACKV4_H
#define MCC_STACKV4_H

#include "mcc/tcpv4.h"
#include "mcc/udpv4.h"

typedef struct mcc_stackv4 mcc_stackv4;
struct mcc_stackv4 {
	mcc_device dev;
	mcc_tcpv4 *(*tcp)(mcc_stackv4 *self);
	mcc_udpv4 *(*udp)(mcc_stackv4 *self);
	/* The stack's primary local address (0 for a socket stack bound to
	 * every host address). */
	mcc_ipv4_addr (*address)(mcc_stackv4 *self);
};

#endif
