/* core/noop.c - see noop.h. */
#include "core/noop.h"

int mcc_noop_connect(mcc_noop *self)
{
	self->dev.kind = "noop";
	self->dev.disconnect = 0;
	return 0;
}

int mcc_noop_run(mcc_noop *self)
{
	(void)self;
	return 0;
}
