/* xen/console.h - mcc_xen_console: CONSOLE on Xen.
 *
 * Output goes to the PV console ring when the toolstack set one up (xl),
 * else to the vpl011 UART (ARM dom0less) or the console_io hypercall
 * (dom0).  Input is read from the ring only; without a ring, read
 * reports end of stream. */
#ifndef MCC_XEN_CONSOLE_H
#define MCC_XEN_CONSOLE_H

#include "mcc/console.h"
#include "mcc/sched.h"

typedef struct mcc_xen_console {
	mcc_console c;
	bool closed;
} mcc_xen_console;

int mcc_xen_console_connect(mcc_xen_console *self);

#endif
