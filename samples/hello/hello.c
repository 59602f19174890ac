/* samples/hello: say hello `count' times, a second apart. */
#include "mcc/console.h"
#include "mcc/time.h"

int hello_start(int count, mcc_console *c, mcc_time *t)
{
	for (int i = 0; i < count; i++) {
		if (i > 0)
			t->sleep_ns(t, MCC_S(1));
		mcc_console_printf(c, "hello\n");
	}
	return 0;
}
