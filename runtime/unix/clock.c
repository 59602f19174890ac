/* unix/clock.c - CLOCK_REALTIME and CLOCK_MONOTONIC in nanoseconds. */
#define _GNU_SOURCE
#include <time.h>
#include "unix/clock.h"

static int64_t unix_clock_posix(mcc_clock *self)
{
	(void)self;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static uint64_t unix_clock_mono(mcc_clock *self)
{
	(void)self;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int mcc_unix_clock_connect(mcc_unix_clock *self)
{
	if (!self)
		return -MCC_EINVAL;
	self->c.dev.kind = "unix_clock";
	self->c.dev.disconnect = NULL;
	self->c.posix_ns = unix_clock_posix;
	self->c.monotonic_ns = unix_clock_mono;
	return 0;
}
