/* xen/time.h - mcc_xen_time: TIME on Xen.  Sleeping is the scheduler's
 * timer; the platform blocks the vCPU (SCHEDOP_poll with a timeout on
 * x86, the virtual timer and WFI on ARM) when every job sleeps. */
#ifndef MCC_XEN_TIME_H
#define MCC_XEN_TIME_H

#include "mcc/time.h"

typedef struct mcc_xen_time {
	mcc_time t;
} mcc_xen_time;

int mcc_xen_time_connect(mcc_xen_time *self);

#endif
