/* core/noop.h - `noop': a job that does nothing and succeeds.  A job
 * component has, besides its connect, `int P_run(P *self)', which the glue
 * runs as a job. */
#ifndef MCC_CORE_NOOP_H
#define MCC_CORE_NOOP_H

#include "mcc/device.h"

typedef struct mcc_noop {
	mcc_device dev;
} mcc_noop;

int mcc_noop_connect(mcc_noop *self);
int mcc_noop_run(mcc_noop *self);

#endif
