/* unix/main.c - the process entry point.  Kept apart from the rest of
 * the runtime because `mcc run` calls mcc_unikernel_main itself. */
#include "mcc/glue.h"

int main(int argc, char **argv)
{
	return mcc_unikernel_main(argc, argv);
}
