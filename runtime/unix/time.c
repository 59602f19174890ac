/* unix/time.c - sleep_ns is mcc_sleep_ns: the job sleeps, not the process. */
#include "unix/time.h"
#include "mcc/sched.h"

static int unix_time_sleep(mcc_time *self, uint64_t ns)
{
	(void)self;
	return mcc_sleep_ns(ns);
}

int mcc_unix_time_connect(mcc_unix_time *self)
{
	if (!self)
		return -MCC_EINVAL;
	self->t.dev.kind = "unix_time";
	self->t.dev.disconnect = NULL;
	self->t.sleep_ns = unix_time_sleep;
	return 0;
}
