/* fail: a job that reports an error status (key `status`, default 3). */
#include "mcc/console.h"

int fail_start(int status, mcc_console *c)
{
	mcc_console_printf(c, "fail: returning status %d\n", status);
	return status;
}
