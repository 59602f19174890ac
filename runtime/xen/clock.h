/* xen/clock.h - mcc_xen_clock: CLOCK on Xen.
 *
 * Monotonic: x86 reads Xen's PV clock (vcpu_time_info: system time plus
 * the scaled TSC delta); ARM reads the virtual counter CNTVCT at CNTFRQ.
 * POSIX: the shared info wall clock (the time at Xen system time 0) plus
 * system time.  On ARM the guest cannot read Xen's system time, so the
 * counter (which starts with the domain) stands in for it: the result is
 * early by the time between Xen's boot and the domain's creation.  When
 * nobody set Xen's clock (dom0less, no dom0 to set it) the wall clock is
 * 0 and POSIX time starts at the epoch. */
#ifndef MCC_XEN_CLOCK_H
#define MCC_XEN_CLOCK_H

#include "mcc/clock.h"

typedef struct mcc_xen_clock {
	mcc_clock clk;
} mcc_xen_clock;

int mcc_xen_clock_connect(mcc_xen_clock *self);

#endif
