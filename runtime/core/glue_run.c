/* core/glue_run.c - the life of a unikernel, shared by every generated
 * main.c: connect the devices (in a job, since connect may block), run
 * the application jobs, and stop the whole unikernel as soon as one of
 * them fails, with its status, as a process would. */
#include "mcc/glue.h"
#include "mcc/platform.h"

typedef struct glue_state {
	int (*connect_all)(void);
	const mcc_glue_job *jobs;
	int njobs;
} glue_state;

/* Exit statuses are small positive numbers; an MCC_E* error is 1. */
static int exit_status(int r)
{
	return r > 0 && r < 256 ? r : 1;
}

static int run_job(void *arg)
{
	const mcc_glue_job *j = arg;
	int r = j->fn(0);
	if (r) {
		mcc_glue_job_failed(j->name, r);
		mcc_plat_exit(exit_status(r));
	}
	return 0;
}

static int glue_main(void *arg)
{
	glue_state *st = arg;
	int err = st->connect_all();
	if (err)
		mcc_plat_exit(exit_status(err));
	for (int i = 0; i < st->njobs; i++) {
		mcc_job *j = mcc_job_spawn(st->jobs[i].name, run_job,
					   (void *)&st->jobs[i], 0);
		if (!j) {
			mcc_glue_job_failed(st->jobs[i].name, -MCC_ENOMEM);
			mcc_plat_exit(1);
		}
		mcc_job_detach(j);
	}
	return 0;
}

int mcc_glue_run(int (*connect_all)(void), const mcc_glue_job *jobs, int njobs)
{
	glue_state st = { connect_all, jobs, njobs };
	mcc_job *j = mcc_job_spawn("mcc-main", glue_main, &st, 0);
	if (!j)
		return 1;
	mcc_job_detach(j);
	return mcc_sched_run();
}
