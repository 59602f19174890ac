/* xen/common/clock.c - the clock component. */
#include "xen/clock.h"
#include "xen/common/xen_arch.h"
#include "xen/common/xen_shinfo.h"

static uint64_t xk_monotonic_ns(mcc_clock *c)
{
	(void)c;
	return mcc_arch_now_ns();
}

static int64_t xk_posix_ns(mcc_clock *c)
{
	(void)c;
	volatile struct shared_info *s = mcc_xen_shinfo;
	uint32_t v, lo, hi, ns;
	uint64_t now;
	if (!s)
		return (int64_t)mcc_arch_now_ns();
	do {
		v = s->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		lo = s->wc_sec;
		hi = s->xen_wc_sec_hi;
		ns = s->wc_nsec;
		now = mcc_arch_now_ns();
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((v & 1) || v != s->wc_version);
	uint64_t sec = (uint64_t)hi << 32 | lo;
	return (int64_t)(sec * 1000000000ull + ns + now);
}

int mcc_xen_clock_connect(mcc_xen_clock *self)
{
	*self = (mcc_xen_clock){0};
	self->clk.dev.kind = "xen_clock";
	self->clk.posix_ns = xk_posix_ns;
	self->clk.monotonic_ns = xk_monotonic_ns;
	return 0;
}
