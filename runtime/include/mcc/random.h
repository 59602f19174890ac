/* mcc/random.h - RANDOM: cryptographically secure random bytes. */
#ifndef MCC_RANDOM_H
#define MCC_RANDOM_H

#include "mcc/device.h"

typedef struct mcc_random mcc_random;
struct mcc_random {
	mcc_device dev;
	/* Fill buf with len random bytes.  Returns 0 or negative error. */
	int (*fill)(mcc_random *self, void *buf, size_t len);
};

#endif
