/* mcc/ethernet.h - ETHERNET: Ethernet II framing over a NETWORK.
 *
 * An ETHERNET device owns the receive side of its network: it runs a job
 * that reads frames and hands each payload to the handler registered for
 * its EtherType (ARP, IPv4).  Handlers run inside that job and must not
 * block; they may call write. */
#ifndef MCC_ETHERNET_H
#define MCC_ETHERNET_H

#include "mcc/device.h"

/* One piece of a gathered buffer (header, payload, ...). */
typedef struct mcc_iov {
	const void *base;
	size_t len;
} mcc_iov;

enum { MCC_ETHERTYPE_IPV4 = 0x0800, MCC_ETHERTYPE_ARP = 0x0806 };

/* Called for each received frame of the registered type: src is the
 * sender's MAC, payload the bytes after the 14-byte header. */
typedef void (*mcc_ethernet_handler)(void *ctx, const uint8_t src[6],
				     const uint8_t *payload, size_t len);

typedef struct mcc_ethernet mcc_ethernet;
struct mcc_ethernet {
	mcc_device dev;
	/* Send the concatenation of iov[0..n) to dst with EtherType type.
	 * Never blocks: a frame the device cannot take now is dropped
	 * (MCC_EAGAIN).  MCC_EMSGSIZE when the payload exceeds the MTU. */
	int (*write)(mcc_ethernet *self, const uint8_t dst[6], uint16_t type,
		     const mcc_iov *iov, int n);
	/* Deliver received frames of EtherType type to fn(ctx, ...); one
	 * handler per type, a later call replaces it (fn NULL removes it). */
	int (*listen)(mcc_ethernet *self, uint16_t type,
		      mcc_ethernet_handler fn, void *ctx);
	/* This interface's MAC address. */
	void (*mac)(mcc_ethernet *self, uint8_t out[6]);
	/* Largest payload in bytes (1500 on usual links). */
	unsigned (*mtu)(mcc_ethernet *self);
};

#endif
