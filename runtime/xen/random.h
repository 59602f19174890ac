/* xen/random.h - mcc_xen_random: RANDOM on Xen, the guest-wide ChaCha20
 * CSPRNG (common/xen_rng.h says how it is seeded, and when the seed is
 * weak: the connect prints a warning then). */
#ifndef MCC_XEN_RANDOM_H
#define MCC_XEN_RANDOM_H

#include "mcc/random.h"

typedef struct mcc_xen_random {
	mcc_random r;
} mcc_xen_random;

int mcc_xen_random_connect(mcc_xen_random *self);

#endif
