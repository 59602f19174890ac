/* mcc/glue.h - what the generated main.c calls.  The glue owns the static
 * instances of the components and connects them in dependency order;
 * the platform's entry point (unix main, Xen boot) calls
 * mcc_unikernel_main. */
#ifndef MCC_GLUE_H
#define MCC_GLUE_H

#include "mcc/device.h"
#include "mcc/key.h"
#include "mcc/sched.h"

/* Defined by the generated main.c. */
int mcc_unikernel_main(int argc, char **argv);

/* Report that connecting device `name` (declared at config location loc,
 * "config.mcfg:7:23") failed with err; returns the exit status to use. */
int mcc_glue_connect_failed(const char *name, const char *loc, int err);
/* Report that job `name` returned a non-zero status. */
void mcc_glue_job_failed(const char *name, int status);

/* One application job of the unikernel. */
typedef struct mcc_glue_job {
	const char *name;	/* the foreign symbol or component */
	int (*fn)(void *arg);
} mcc_glue_job;

/* The body of every mcc_unikernel_main: runs connect_all in a job (connect
 * functions may block), then the jobs concurrently, and the scheduler
 * until all have ended.  A failed connect or a job returning non-zero
 * stops the unikernel at once (mcc_plat_exit) with status 1 for an MCC_E*
 * error or the job's own positive status; 0 when every job succeeded. */
int mcc_glue_run(int (*connect_all)(void), const mcc_glue_job *jobs, int njobs);

#endif
