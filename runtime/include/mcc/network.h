/* mcc/network.h - NETWORK: a raw Ethernet frame device (tap, netfront). */
#ifndef MCC_NETWORK_H
#define MCC_NETWORK_H

#include "mcc/device.h"

typedef struct mcc_network mcc_network;
struct mcc_network {
	mcc_device dev;
	/* Block until a frame arrives; copy at most len bytes of it into buf.
	 * Returns the frame length (which may exceed len: the frame was
	 * truncated) or negative error. */
	long (*recv)(mcc_network *self, void *buf, size_t len);
	/* Send one whole frame (destination MAC first).  MCC_EMSGSIZE when it
	 * exceeds mtu + 14. */
	int (*send)(mcc_network *self, const void *frame, size_t len);
	/* The device's MAC address. */
	void (*mac)(mcc_network *self, uint8_t out[6]);
	/* Maximum payload (IP packet) size, usually 1500. */
	unsigned (*mtu)(mcc_network *self);
};

#endif
