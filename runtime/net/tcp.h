/* net/tcp.h - mcc_tcp: TCPV4 over an IPV4 (stdlib `direct_tcp`): the
 * pure core (tcp_core.h) with blocking flows, a timer job and wait
 * queues on top. */
#ifndef MCC_NET_TCP_H
#define MCC_NET_TCP_H

#include "mcc/tcpv4.h"
#include "mcc/ipv4.h"
#include "mcc/sched.h"
#include "net/tcp_core.h"

typedef struct mcc_tcp {
	mcc_tcpv4 tcp;
	mcc_ipv4 *ip;
	mcc_tcpc core;
	mcc_waitq timerq;
	uint64_t timer_at;          /* what the timer job sleeps until */
	mcc_job *timer;
} mcc_tcp;

int mcc_tcp_connect(mcc_tcp *self, mcc_ipv4 *ip);

#endif
