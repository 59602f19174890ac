/* unix/clock.h - CLOCK on Unix: clock_gettime. */
#ifndef MCC_UNIX_CLOCK_H
#define MCC_UNIX_CLOCK_H

#include "mcc/clock.h"

typedef struct mcc_unix_clock {
	mcc_clock c;
} mcc_unix_clock;

int mcc_unix_clock_connect(mcc_unix_clock *self);

#endif
