/* Hand-written glue for
 *   let main = foreign "xs_start" (console @-> time @-> job)
 *   register "xs" [ main $ default_console $ default_time ] */
#include "mcc/glue.h"
#include "xen/console.h"
#include "xen/time.h"

static mcc_key mcc_keys[] = { { .name = 0 } };
enum { MCC_NKEYS = 0 };

static mcc_xen_console dev_default_console;
static mcc_xen_time dev_default_time;

int xs_start(mcc_console *, mcc_time *);

static int mcc_connect_all(void)
{
	int err;
	err = mcc_xen_console_connect(&dev_default_console);
	if (err)
		return mcc_glue_connect_failed("default_console", "config.mcfg:3:32", err);
	err = mcc_xen_time_connect(&dev_default_time);
	if (err)
		return mcc_glue_connect_failed("default_time", "config.mcfg:3:50", err);
	return 0;
}

static int mcc_job_main(void *arg)
{
	(void)arg;
	return xs_start((mcc_console *)&dev_default_console,
			   (mcc_time *)&dev_default_time);
}

static const mcc_glue_job mcc_jobs[] = { { "xs_start", mcc_job_main } };

int mcc_unikernel_main(int argc, char **argv)
{
	int st = mcc_keys_parse(mcc_keys, MCC_NKEYS, argc, argv, "xs");
	if (st)
		return st == 1 ? 0 : st;
	return mcc_glue_run(mcc_connect_all, mcc_jobs, 1);
}
