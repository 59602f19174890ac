/* mcc/conduit.h - CONDUIT: establishing byte-stream connections (FLOW)
 * for protocol libraries such as HTTP, independently of which stack
 * carries them (MirageOS's conduit, TCP only here). */
#ifndef MCC_CONDUIT_H
#define MCC_CONDUIT_H

#include "mcc/flow.h"

typedef struct mcc_conduit_listener mcc_conduit_listener;

typedef struct mcc_conduit mcc_conduit;
struct mcc_conduit {
	mcc_device dev;
	/* Listen on port with at most backlog connections waiting to be
	 * accepted.  MCC_EADDRINUSE if the port is taken. */
	int (*listen)(mcc_conduit *self, uint16_t port, int backlog,
		      mcc_conduit_listener **out);
	/* Block until a connection arrives; *out is a flow freed by its
	 * close. */
	int (*accept)(mcc_conduit *self, mcc_conduit_listener *l,
		      mcc_flow **out);
	/* Stop listening and free l. */
	int (*unlisten)(mcc_conduit *self, mcc_conduit_listener *l);
	/* Connect to host ("10.0.0.1"; no name resolution) and port; blocks
	 * until established or failed. */
	int (*connect)(mcc_conduit *self, const char *host, uint16_t port,
		       mcc_flow **out);
};

#endif
