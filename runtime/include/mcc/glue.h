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

#endif
