/* xen/common/time.c - the time component. */
#include "xen/time.h"
#include "mcc/sched.h"

static int xt_sleep_ns(mcc_time *t, uint64_t ns)
{
	(void)t;
	return mcc_sleep_ns(ns);
}

int mcc_xen_time_connect(mcc_xen_time *self)
{
	*self = (mcc_xen_time){0};
	self->t.dev.kind = "xen_time";
	self->t.sleep_ns = xt_sleep_ns;
	return 0;
}
