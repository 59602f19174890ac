/* net/ethif.h - mcc_ethif: ETHERNET over a NETWORK (stdlib `ethif`). */
#ifndef MCC_NET_ETHIF_H
#define MCC_NET_ETHIF_H

#include "mcc/ethernet.h"
#include "mcc/network.h"
#include "mcc/sched.h"

#define MCC_ETHIF_TYPES 4

typedef struct mcc_ethif {
	mcc_ethernet eth;
	mcc_network *net;
	uint8_t mac[6];
	unsigned mtu;
	struct {
		uint16_t type;
		mcc_ethernet_handler fn;
		void *ctx;
	} handler[MCC_ETHIF_TYPES];
	uint8_t *rxbuf, *txbuf;
	size_t bufsize;
	mcc_job *rx;
	uint64_t rx_frames, rx_dropped, tx_frames, tx_dropped;
} mcc_ethif;

/* Start the receive job on net.  0 or a negative MCC_E* value. */
int mcc_ethif_connect(mcc_ethif *self, mcc_network *net);

#endif
