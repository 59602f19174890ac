/* The application of c_compile.mcfg: it uses a name it never declares. */
#include "mcc/console.h"

int cc_start(mcc_console *c)
{
	(void)c;
	return undeclared_status;
}
