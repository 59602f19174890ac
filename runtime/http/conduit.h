/* http/conduit.h - mcc_conduit_direct: CONDUIT over a STACKV4's TCP
 * (stdlib `conduit_direct`). */
#ifndef MCC_HTTP_CONDUIT_H
#define MCC_HTTP_CONDUIT_H

#include "mcc/conduit.h"
#include "mcc/stackv4.h"

typedef struct mcc_conduit_direct {
	mcc_conduit conduit;
	mcc_stackv4 *stack;
} mcc_conduit_direct;

int mcc_conduit_direct_connect(mcc_conduit_direct *self, mcc_stackv4 *stack);

#endif
