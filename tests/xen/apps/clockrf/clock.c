/* clock: print POSIX and monotonic time, check that monotonic time
 * advances across a sleep, and print a few random bytes. */
#include "mcc/clock.h"
#include "mcc/console.h"
#include "mcc/random.h"
#include "mcc/time.h"

int clock_start(mcc_console *c, mcc_clock *clk, mcc_random *rnd, mcc_time *t)
{
	int64_t posix = clk->posix_ns(clk);
	uint64_t m0 = clk->monotonic_ns(clk);
	mcc_console_printf(c, "clock: posix %lld.%09lld s\n",
			   (long long)(posix / 1000000000), (long long)(posix % 1000000000));
	mcc_console_printf(c, "clock: monotonic %llu ns\n", (unsigned long long)m0);
	int r = t->sleep_ns(t, MCC_MS(200));
	if (r)
		return r;
	uint64_t m1 = clk->monotonic_ns(clk);
	uint64_t d = m1 - m0;
	mcc_console_printf(c, "clock: slept %llu ms\n", (unsigned long long)(d / 1000000));
	if (m1 < m0 || d < MCC_MS(200))
		return 8;
	unsigned char b[8], b2[8];
	if (rnd->fill(rnd, b, sizeof b) || rnd->fill(rnd, b2, sizeof b2))
		return 7;
	mcc_console_printf(c, "clock: random %02x%02x%02x%02x%02x%02x%02x%02x\n",
			   b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
	int same = 1;
	for (int i = 0; i < 8; i++)
		same &= b[i] == b2[i];
	if (same)
		return 6;
	double x = 1.5;
	x = x * (double)d / 1e6;   /* floating point works (SSE / VFP on) */
	mcc_console_printf(c, "clock: float %.3f\n", x / 1.5);
	mcc_console_printf(c, "clock: done\n");
	return 0;
}
