/* xen/common/random.c - the random component. */
#include "xen/random.h"
#include "xen/common/xen_rng.h"
#include "mcc/platform.h"

static int xr_fill(mcc_random *r, void *buf, size_t len)
{
	(void)r;
	if (!buf && len)
		return -MCC_EINVAL;
	mcc_xen_rng_fill(buf, len);
	return 0;
}

int mcc_xen_random_connect(mcc_xen_random *self)
{
	static const char warn[] =
		"mcc: warning: random: no hardware random instruction; "
		"seeded from timing jitter only (weak)\n";
	static bool warned;
	*self = (mcc_xen_random){0};
	self->r.dev.kind = "xen_random";
	self->r.fill = xr_fill;
	if (mcc_xen_rng_is_weak() && !warned) {
		warned = true;
		mcc_plat_errlog(warn, sizeof warn - 1);
	}
	return 0;
}
