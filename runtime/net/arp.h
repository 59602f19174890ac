/* net/arp.h - mcc_arpv4: the ARP device over an ETHERNET (stdlib `arp`).
 *
 * (Named arpv4 because mcc_arp is the interface type.) */
#ifndef MCC_NET_ARP_H
#define MCC_NET_ARP_H

#include "mcc/arp.h"
#include "mcc/sched.h"
#include "net/arp_table.h"

typedef struct mcc_arpv4 {
	mcc_arp arp;
	mcc_ethernet *eth;
	mcc_arpt table;
	mcc_waitq changed;      /* query() waiters */
	mcc_waitq timerq;       /* the timer job */
	uint64_t timer_at;
	mcc_job *timer;
} mcc_arpv4;

int mcc_arpv4_connect(mcc_arpv4 *self, mcc_ethernet *eth);

#endif
