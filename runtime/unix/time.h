/* unix/time.h - TIME on Unix: sleeping through the scheduler's timers. */
#ifndef MCC_UNIX_TIME_H
#define MCC_UNIX_TIME_H

#include "mcc/time.h"

typedef struct mcc_unix_time {
	mcc_time t;
} mcc_unix_time;

int mcc_unix_time_connect(mcc_unix_time *self);

#endif
