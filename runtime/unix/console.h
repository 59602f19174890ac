/* unix/console.h - the console on Unix: stdout (line-buffered) and stdin. */
#ifndef MCC_UNIX_CONSOLE_H
#define MCC_UNIX_CONSOLE_H

#include "mcc/console.h"

typedef struct mcc_unix_console {
	mcc_console c;
	int level;      /* log lines above this MCC_LOG_* level are dropped */
	bool closed;
} mcc_unix_console;

/* Logs up to MCC_LOG_INFO by default; set self->level to change it. */
int mcc_unix_console_connect(mcc_unix_console *self);

#endif
