/* mcc/device.h - DEVICE, the interface every other interface includes.
 *
 * Inclusion is by prefix: an interface that includes another starts with a
 * member of the included type, so an upcast is a pointer cast
 * ((mcc_device *)console is valid).  A component's state struct in turn
 * starts with the interface it implements. */
#ifndef MCC_DEVICE_H
#define MCC_DEVICE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "mcc/error.h"

typedef struct mcc_device mcc_device;
struct mcc_device {
	/* Component kind, e.g. "unix_console"; set by the connect function. */
	const char *kind;
	/* Release what connect acquired.  May be NULL when there is nothing
	 * to release.  Returns 0 or a negative MCC_E* value. */
	int (*disconnect)(mcc_device *self);
};

#endif
