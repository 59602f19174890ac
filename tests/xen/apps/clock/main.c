/* Hand-written glue for
 *   let main = foreign "clock_start"
 *                (console @-> clock @-> random @-> time @-> job)
 *   register "clock" [ main $ default_console $ default_clock
 *                           $ default_random $ default_time ] */
#include "mcc/glue.h"
#include "xen/clock.h"
#include "xen/console.h"
#include "xen/random.h"
#include "xen/time.h"

static mcc_key mcc_keys[] = { { .name = 0 } };
enum { MCC_NKEYS = 0 };

static mcc_xen_console dev_console;
static mcc_xen_clock dev_clock;
static mcc_xen_random dev_random;
static mcc_xen_time dev_time;

int clock_start(mcc_console *, mcc_clock *, mcc_random *, mcc_time *);

static int mcc_connect_all(void)
{
	int err = mcc_xen_console_connect(&dev_console);
	if (err)
		return mcc_glue_connect_failed("default_console", "config.mcfg:3:20", err);
	err = mcc_xen_clock_connect(&dev_clock);
	if (err)
		return mcc_glue_connect_failed("default_clock", "config.mcfg:3:38", err);
	err = mcc_xen_random_connect(&dev_random);
	if (err)
		return mcc_glue_connect_failed("default_random", "config.mcfg:4:30", err);
	err = mcc_xen_time_connect(&dev_time);
	if (err)
		return mcc_glue_connect_failed("default_time", "config.mcfg:4:47", err);
	return 0;
}

static int mcc_job_main(void *arg)
{
	(void)arg;
	return clock_start((mcc_console *)&dev_console, (mcc_clock *)&dev_clock,
			   (mcc_random *)&dev_random, (mcc_time *)&dev_time);
}

static const mcc_glue_job mcc_jobs[] = { { "clock_start", mcc_job_main } };

int mcc_unikernel_main(int argc, char **argv)
{
	int st = mcc_keys_parse(mcc_keys, MCC_NKEYS, argc, argv, "clock");
	if (st)
		return st == 1 ? 0 : st;
	return mcc_glue_run(mcc_connect_all, mcc_jobs, 1);
}
