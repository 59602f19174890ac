/* fault: dereference NULL to show the register dump (the runtime leaves
 * the page at 0 unmapped on every architecture). */
#include "mcc/console.h"

int fault_start(mcc_console *c)
{
	mcc_console_printf(c, "fault: about to dereference NULL\n");
	volatile int *p = (volatile int *)0;
	*p = 42;
	mcc_console_printf(c, "fault: still alive?!\n");
	return 1;
}
