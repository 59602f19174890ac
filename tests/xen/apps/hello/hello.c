/* hello: the classic first unikernel - print "hello" count times, one
 * second apart (the key `count` sets how many). */
#include "mcc/console.h"
#include "mcc/time.h"

int hello_start(int count, mcc_console *c, mcc_time *t)
{
	for (int i = 1; i <= count; i++) {
		mcc_console_printf(c, "hello %d/%d\n", i, count);
		if (i < count) {
			int r = t->sleep_ns(t, MCC_S(1));
			if (r)
				return r;
		}
	}
	mcc_console_printf(c, "hello: done\n");
	return 0;
}
