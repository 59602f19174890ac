/* mcc/sched.h - cooperative jobs (threads with their own stacks).
 *
 * One core, no preemption, no locks: a job runs until it blocks (sleep,
 * a read with no data, join, yield).  The same API on every target; the
 * platform supplies only the seam in mcc/platform.h. */
#ifndef MCC_SCHED_H
#define MCC_SCHED_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct mcc_job mcc_job;

/* Start fn(arg) as a new job; it runs when the current job blocks or
 * yields.  stack_size 0 picks the default (64 KiB).  NULL on ENOMEM. */
mcc_job *mcc_job_spawn(const char *name, int (*fn)(void *arg), void *arg,
		       size_t stack_size);
/* Block until j ends; return its status and free it.  A job is joined
 * at most once. */
int mcc_job_join(mcc_job *j);
/* Ask j to stop: its current or next blocking call returns MCC_ECANCELED
 * (negative).  Returns at once. */
void mcc_job_cancel(mcc_job *j);
/* Free j when it ends without anyone joining it. */
void mcc_job_detach(mcc_job *j);
/* The running job (NULL outside any job). */
mcc_job *mcc_job_self(void);
/* True once the running job has been cancelled. */
bool mcc_job_cancelled(void);
/* Let the other ready jobs run. */
void mcc_yield(void);

/* Block the calling job until the monotonic deadline (ns).  0, or
 * -MCC_ECANCELED. */
int mcc_sleep_until(uint64_t deadline_ns);
int mcc_sleep_ns(uint64_t ns);
/* Monotonic time in ns, as the scheduler sees it. */
uint64_t mcc_now_ns(void);

/* A wait queue: jobs block on it until woken (I/O readiness, a buffer
 * freed, a connection arriving).  Zero-initialised is empty. */
typedef struct mcc_waitq {
	mcc_job *head, *tail;
} mcc_waitq;
/* Block until woken, or until deadline_ns (0 = no deadline).  Returns 0
 * when woken, -MCC_ETIMEDOUT, or -MCC_ECANCELED. */
int mcc_wait(mcc_waitq *q, uint64_t deadline_ns);
/* Wake the first waiter / every waiter (safe from event handlers). */
void mcc_wake_one(mcc_waitq *q);
void mcc_wake_all(mcc_waitq *q);

/* Run the scheduler until every job has ended; returns the status of the
 * first job that failed (non-zero), else 0.  Used by the glue's main. */
int mcc_sched_run(void);

#endif
