/* mcc/udpv4.h - UDPV4: datagrams over IPv4. */
#ifndef MCC_UDPV4_H
#define MCC_UDPV4_H

#include "mcc/device.h"

/* IPv4 addresses are host-order uint32_t (10.0.0.1 == 0x0a000001). */
typedef uint32_t mcc_ipv4_addr;

typedef struct mcc_udpv4 mcc_udpv4;
struct mcc_udpv4 {
	mcc_device dev;
	/* Send one datagram from local port src_port to dst:dst_port. */
	int (*sendto)(mcc_udpv4 *self, uint16_t src_port, mcc_ipv4_addr dst,
		      uint16_t dst_port, const void *buf, size_t len);
	/* Bind port and block until a datagram for it arrives (the first call
	 * binds; later datagrams to the port are queued, a bounded number).
	 * Returns its length (payload truncated to len) and the sender. */
	long (*recvfrom)(mcc_udpv4 *self, uint16_t port, void *buf, size_t len,
			 mcc_ipv4_addr *src, uint16_t *src_port);
};

#endif
