/* mcc/tcpv4.h - TCPV4: TCP over IPv4 (DEVICE + FLOW + listen/accept/connect).
 *
 * Connections are flows (mcc_flow *).  The device's own flow member holds
 * the operations on its connections (see mcc/flow.h). */
#ifndef MCC_TCPV4_H
#define MCC_TCPV4_H

#include "mcc/flow.h"
#include "mcc/udpv4.h"

typedef struct mcc_tcpv4 mcc_tcpv4;
typedef struct mcc_tcp_listener mcc_tcp_listener;

struct mcc_tcpv4 {
	mcc_flow flow;
	/* Listen on port (all local addresses) with a bounded backlog. */
	int (*listen)(mcc_tcpv4 *self, uint16_t port, int backlog,
		      mcc_tcp_listener **out);
	/* Block until a connection arrives on l; *out is a new flow, freed by
	 * its close.  peer/peer_port may be NULL. */
	int (*accept)(mcc_tcpv4 *self, mcc_tcp_listener *l, mcc_flow **out,
		      mcc_ipv4_addr *peer, uint16_t *peer_port);
	/* Stop listening and free l. */
	int (*unlisten)(mcc_tcpv4 *self, mcc_tcp_listener *l);
	/* Open a connection; blocks until established or failed. */
	int (*connect)(mcc_tcpv4 *self, mcc_ipv4_addr dst, uint16_t port,
		       mcc_flow **out);
};

#endif
