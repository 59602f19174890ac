/* mcc/platform.h - the seam between the portable runtime (core/, net/,
 * http/) and a platform (unix/, xen/).  Each platform implements every
 * function here; nothing else in core/ knows which platform it runs on. */
#ifndef MCC_PLATFORM_H
#define MCC_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/* Monotonic nanoseconds. */
uint64_t mcc_plat_now_ns(void);

/* Block the whole unikernel until an external event may have happened or
 * until deadline_ns (monotonic; UINT64_MAX = no deadline), then run the
 * platform's event handlers, which wake jobs with mcc_wake_*.  Called by
 * the scheduler only when no job is ready.  May return early. */
void mcc_plat_wait(uint64_t deadline_ns);

/* Diagnostics from the runtime itself (connect failures, panics): stderr
 * on Unix, the console on Xen. */
void mcc_plat_errlog(const char *s, size_t n);

/* Stop the unikernel with status (exit code / domain shutdown). */
_Noreturn void mcc_plat_exit(int status);

/* Execution contexts for jobs.  A context is an opaque, suitably aligned
 * buffer in the job; mcc_ctx_make prepares it to call entry(arg) on the
 * given stack, mcc_ctx_switch saves the current one into from and resumes
 * to.  entry must never return (the scheduler switches away instead). */
typedef struct mcc_ctx { void *sp; uintptr_t regs[15]; } mcc_ctx;
void mcc_ctx_make(mcc_ctx *c, void *stack, size_t size,
		  void (*entry)(void *), void *arg);
void mcc_ctx_switch(mcc_ctx *from, mcc_ctx *to);

/* Memory for job stacks and runtime buffers.  NULL on failure. */
void *mcc_plat_alloc(size_t size);
void mcc_plat_free(void *p, size_t size);

#endif
