/* Hand-written glue for
 *   let main = foreign "kv_start" (console @-> kv_ro @-> job)
 *   register "kv" [ main $ default_console $ crunch "fs" ] */
#include "mcc/glue.h"
#include "xen/console.h"
#include "core/crunch_kv.h"

static mcc_key mcc_keys[] = { { .name = 0 } };
enum { MCC_NKEYS = 0 };

extern const mcc_crunch_file mcc_crunch_fs[];
extern const size_t mcc_crunch_fs_count;

static mcc_xen_console dev_default_console;
static mcc_crunch_kv dev_fs;

int kv_start(mcc_console *, mcc_kv_ro *);

static int mcc_connect_all(void)
{
	int err = mcc_xen_console_connect(&dev_default_console);
	if (err)
		return mcc_glue_connect_failed("default_console", "config.mcfg:2:25", err);
	err = mcc_crunch_kv_connect(&dev_fs, mcc_crunch_fs, mcc_crunch_fs_count);
	if (err)
		return mcc_glue_connect_failed("fs", "config.mcfg:2:43", err);
	return 0;
}

static int mcc_job_main(void *arg)
{
	(void)arg;
	return kv_start((mcc_console *)&dev_default_console, (mcc_kv_ro *)&dev_fs);
}

static const mcc_glue_job mcc_jobs[] = { { "kv_start", mcc_job_main } };

int mcc_unikernel_main(int argc, char **argv)
{
	int st = mcc_keys_parse(mcc_keys, MCC_NKEYS, argc, argv, "kv");
	if (st)
		return st == 1 ? 0 : st;
	return mcc_glue_run(mcc_connect_all, mcc_jobs, 1);
}
