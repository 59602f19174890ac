/* Hand-written glue for
 *   key status : int = 3 "the status to fail with"
 *   let main = foreign "fail_start" (int @-> console @-> job)
 *   register "fail" [ main $ status $ default_console ] */
#include "mcc/glue.h"
#include "xen/console.h"

static mcc_key mcc_keys[] = {
	{ .name = "status", .type = MCC_KEY_INT, .doc = "the status to fail with",
	  .default_text = "3", .runtime = true },
};
enum { MCC_NKEYS = 1 };

static mcc_xen_console dev_console;

int fail_start(int, mcc_console *);

static int mcc_connect_all(void)
{
	int err = mcc_xen_console_connect(&dev_console);
	if (err)
		return mcc_glue_connect_failed("default_console", "config.mcfg:3:30", err);
	return 0;
}

static int mcc_job_main(void *arg)
{
	(void)arg;
	return fail_start((int)mcc_keys[0].i, (mcc_console *)&dev_console);
}

static const mcc_glue_job mcc_jobs[] = { { "fail_start", mcc_job_main } };

int mcc_unikernel_main(int argc, char **argv)
{
	int st = mcc_keys_parse(mcc_keys, MCC_NKEYS, argc, argv, "fail");
	if (st)
		return st == 1 ? 0 : st;
	return mcc_glue_run(mcc_connect_all, mcc_jobs, 1);
}
