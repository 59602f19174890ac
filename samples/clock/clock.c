/* samples/clock: wall-clock and monotonic time, and a check that the
 * monotonic clock advances across a sleep. */
#include "mcc/clock.h"
#include "mcc/console.h"
#include "mcc/time.h"

int clock_start(mcc_console *c, mcc_clock *clk, mcc_time *t)
{
	int64_t posix = clk->posix_ns(clk);
	uint64_t m0 = clk->monotonic_ns(clk);
	mcc_console_printf(c, "posix time: %lld.%09lld s since 1970\n",
			   (long long)(posix / 1000000000), (long long)(posix % 1000000000));
	mcc_console_printf(c, "monotonic: %llu ns\n", (unsigned long long)m0);
	t->sleep_ns(t, MCC_MS(100));
	uint64_t m1 = clk->monotonic_ns(clk);
	mcc_console_printf(c, "slept 100 ms: monotonic advanced %llu ms\n",
			   (unsigned long long)((m1 - m0) / 1000000));
	return m1 - m0 >= MCC_MS(100) ? 0 : 1;
}
