/* mcc/clock.h - CLOCK: reading wall-clock (POSIX) and monotonic time. */
#ifndef MCC_CLOCK_H
#define MCC_CLOCK_H

#include "mcc/device.h"

typedef struct mcc_clock mcc_clock;
struct mcc_clock {
	mcc_device dev;
	/* Nanoseconds since the Unix epoch (UTC). */
	int64_t (*posix_ns)(mcc_clock *self);
	/* Nanoseconds since an arbitrary fixed point; never goes backwards. */
	uint64_t (*monotonic_ns)(mcc_clock *self);
};

#endif
