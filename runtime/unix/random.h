/* unix/random.h - RANDOM on Unix: the kernel's CSPRNG (getrandom). */
#ifndef MCC_UNIX_RANDOM_H
#define MCC_UNIX_RANDOM_H

#include "mcc/random.h"

typedef struct mcc_unix_random {
	mcc_random r;
} mcc_unix_random;

int mcc_unix_random_connect(mcc_unix_random *self);

#endif
