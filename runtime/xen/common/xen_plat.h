/* xen_plat.h - Xen platform internals shared by the platform files. */
#ifndef MCC_XEN_PLAT_H
#define MCC_XEN_PLAT_H

#include <stdint.h>
#include <stdbool.h>

/* Set by --mcc-boot-stats on the command line. */
extern bool mcc_xen_boot_stats;
/* Called by every architecture's context trampoline before a job's
 * entry: records boot statistics, then runs entry(arg); never returns. */
_Noreturn void mcc_xen_ctx_start(void (*entry)(void *), void *arg);
/* Print "mcc: MSG" and stop the domain as crashed (fault handlers). */
_Noreturn void mcc_xen_panic(const char *msg);

#endif
