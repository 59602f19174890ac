/* mcc/time.h - TIME: sleeping, i.e. timers that block the calling job. */
#ifndef MCC_TIME_H
#define MCC_TIME_H

#include "mcc/device.h"

typedef struct mcc_time mcc_time;
struct mcc_time {
	mcc_device dev;
	/* Block the calling job for ns nanoseconds (monotonic).  Returns 0, or
	 * MCC_ECANCELED if the job was cancelled while sleeping. */
	int (*sleep_ns)(mcc_time *self, uint64_t ns);
};

#define MCC_MS(x) ((uint64_t)(x) * 1000000ull)
#define MCC_S(x)  ((uint64_t)(x) * 1000000000ull)

#endif
