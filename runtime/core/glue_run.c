/* core/glue_run.c - the life of a unikernel, shared by every generated
 * main.c: connect the devices (in a job, since connect may block), run
 * the application jobs, and report how it ended. */
#include "mcc/glue.h"

typedef struct glue_state {
	int (*connect_all)(void);
	const mcc_glue_job *jobs;
	int njobs;
	int status;
} glue_state;

static int glue_main(void *arg)
{
	glue_state *st = arg;
	int err = st->connect_all();
	if (err) {
		st->status = err;
		return err;
	}
	mcc_job *running[st->njobs > 0 ? st->njobs : 1];
	for (int i = 0; i < st->njobs; i++) {
		running[i] = mcc_job_spawn(st->jobs[i].name, st->jobs[i].fn, 0, 0);
		if (!running[i]) {
			mcc_glue_job_failed(st->jobs[i].name, -MCC_ENOMEM);
			st->status = 1;
		}
	}
	/* Join in order; the first failure decides the exit status. */
	for (int i = 0; i < st->njobs; i++) {
		if (!running[i])
			continue;
		int r = mcc_job_join(running[i]);
		if (r) {
			mcc_glue_job_failed(st->jobs[i].name, r);
			if (!st->status)
				st->status = r < 0 ? 1 : r;
		}
	}
	return 0;
}

int mcc_glue_run(int (*connect_all)(void), const mcc_glue_job *jobs, int njobs)
{
	glue_state st = { connect_all, jobs, njobs, 0 };
	mcc_job *j = mcc_job_spawn("mcc-main", glue_main, &st, 0);
	if (!j)
		return 1;
	mcc_job_detach(j);
	mcc_sched_run();
	return st.status;
}
