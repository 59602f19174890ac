/* Hand-written glue for
 *   let main = foreign "fault_start" (console @-> job)
 *   register "fault" [ main $ default_console ] */
#include "mcc/glue.h"
#include "xen/console.h"

static mcc_key mcc_keys[] = { { .name = 0 } };
enum { MCC_NKEYS = 0 };

static mcc_xen_console dev_console;

int fault_start(mcc_console *);

static int mcc_connect_all(void)
{
	int err = mcc_xen_console_connect(&dev_console);
	if (err)
		return mcc_glue_connect_failed("default_console", "config.mcfg:2:28", err);
	return 0;
}

static int mcc_job_main(void *arg)
{
	(void)arg;
	return fault_start((mcc_console *)&dev_console);
}

static const mcc_glue_job mcc_jobs[] = { { "fault_start", mcc_job_main } };

int mcc_unikernel_main(int argc, char **argv)
{
	int st = mcc_keys_parse(mcc_keys, MCC_NKEYS, argc, argv, "fault");
	if (st)
		return st == 1 ? 0 : st;
	return mcc_glue_run(mcc_connect_all, mcc_jobs, 1);
}
