/* unix/tap.h - mcc_unix_tap: NETWORK over a Linux tap device
 * (/dev/net/tun, IFF_TAP | IFF_NO_PI); stdlib `netif NAME` and
 * `default_network` ("tap0") on Unix.
 *
 * The interface is created if it does not exist (CAP_NET_ADMIN); its
 * host side (address, link up) is configured outside the unikernel.
 * The MAC is derived from the interface name, locally administered. */
#ifndef MCC_UNIX_TAP_H
#define MCC_UNIX_TAP_H

#include "mcc/network.h"

typedef struct mcc_unix_tap {
	mcc_network net;
	int fd;
	char ifname[16];
	uint8_t mac[6];
	unsigned mtu;
	uint64_t tx_dropped;
} mcc_unix_tap;

int mcc_unix_tap_connect(mcc_unix_tap *self, const char *ifname);

#endif
