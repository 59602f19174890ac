/* mcc/console.h - CONSOLE: a FLOW for human-readable output and input.
 *
 * On Unix: stdout (line-buffered) and stdin.  On Xen: the PV console ring.
 * Writes of whole lines are atomic with respect to other jobs. */
#ifndef MCC_CONSOLE_H
#define MCC_CONSOLE_H

#include "mcc/flow.h"

typedef struct mcc_console mcc_console;
struct mcc_console {
	mcc_flow flow;
	/* Write one log line at level (MCC_LOG_*), with a level prefix when
	 * the level is not MCC_LOG_APP.  msg has no trailing newline. */
	int (*log)(mcc_console *self, int level, const char *msg);
};

enum { MCC_LOG_APP = 0, MCC_LOG_ERROR, MCC_LOG_WARN, MCC_LOG_INFO, MCC_LOG_DEBUG };

/* Formatted line to the console, like printf (a '\n' is not added). */
long mcc_console_printf(mcc_console *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
