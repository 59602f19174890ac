/* net/dhcp.h - mcc_dhcp_ipv4: an IPV4 whose address, netmask and
 * gateway come from DHCP.  connect blocks until the first lease (up to
 * MCC_DHCP_CONNECT_TIMEOUT); a job renews it and drops the address if
 * the lease is lost. */
#ifndef MCC_NET_DHCP_H
#define MCC_NET_DHCP_H

#include "net/ipv4.h"
#include "net/dhcp_wire.h"
#include "mcc/sched.h"

#define MCC_DHCP_CONNECT_TIMEOUT (60ull * 1000000000ull)

typedef struct mcc_dhcp_ipv4 {
	mcc_static_ipv4 base;      /* first: upcasts to mcc_ipv4 */
	mcc_dhcpc client;
	mcc_waitq timerq, boundq;
	mcc_job *job;
	int (*base_disconnect)(mcc_device *);
} mcc_dhcp_ipv4;

int mcc_dhcp_ipv4_connect(mcc_dhcp_ipv4 *self, mcc_ethernet *eth,
			  mcc_arp *arp);

#endif
