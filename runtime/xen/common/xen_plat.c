/* xen_plat.c - the platform seam (mcc/platform.h) on Xen. */
#include "mcc/platform.h"
#include "mcc/fmt.h"
#include "xen/common/xen_arch.h"
#include "xen/common/xen_boot.h"
#include "xen/common/xen_cons.h"
#include "xen/common/xen_evtchn.h"
#include "xen/common/xen_hcall.h"
#include "xen/common/xen_heap.h"
#include "xen/common/xen_plat.h"

bool mcc_xen_boot_stats;
static unsigned jobs_started;

uint64_t mcc_plat_now_ns(void)
{
	return mcc_arch_now_ns();
}

void mcc_plat_wait(uint64_t deadline_ns)
{
	if (mcc_xen_evtchn_dispatch())
		return;
	uint32_t ports[MCC_XEN_EVTCHN_MAX];
	unsigned n = mcc_xen_evtchn_ports(ports, MCC_XEN_EVTCHN_MAX);
	if (n == 0 && deadline_ns == UINT64_MAX)
		mcc_xen_panic("deadlock: every job waits and no event or timer can wake one");
	if (deadline_ns > mcc_arch_now_ns())
		mcc_arch_block(deadline_ns, ports, n);
	mcc_xen_evtchn_dispatch();
}

void mcc_plat_errlog(const char *s, size_t n)
{
	mcc_xen_cons_write(s, n);
}

static void shutdown(unsigned reason)
{
	mcc_xen_cons_flush();
	if (mcc_xen_bootinfo.on_xen) {
		struct sched_shutdown sd = { .reason = reason };
		xen_sched_op(SCHEDOP_shutdown, &sd);
	}
}

_Noreturn void mcc_plat_exit(int status)
{
	/* The last line, whatever the status, so that whoever watches the
	 * console (a test harness, a user) knows the unikernel is done.  A
	 * non-zero status also shuts down with reason crash, which makes the
	 * failure visible to xl (and to Xen for a dom0). */
	char line[48];
	int n = mcc_snprintf(line, sizeof line, "mcc: exit status %d\n", status);
	mcc_xen_cons_write(line, (size_t)n);
	shutdown(status ? SHUTDOWN_crash : SHUTDOWN_poweroff);
	mcc_arch_halt(status);
}

_Noreturn void mcc_xen_panic(const char *msg)
{
	mcc_xen_cons_puts("mcc: ");
	mcc_xen_cons_puts(msg);
	mcc_xen_cons_puts("\n");
	mcc_plat_exit(255);
}

void *mcc_plat_alloc(size_t size)
{
	return mcc_xen_heap_alloc(size);
}

void mcc_plat_free(void *p, size_t size)
{
	mcc_xen_heap_free(p, size);
}

_Noreturn void mcc_xen_ctx_start(void (*entry)(void *), void *arg)
{
	/* Kernel entry to the first job (the glue's connect job), by the
	 * architecture's counter (TSC / CNTVCT), phase by phase. */
	if (jobs_started++ == 0 && mcc_xen_boot_stats)
		mcc_xen_boot_marks_print();
	entry(arg);
	mcc_xen_panic("a job's entry returned");
}
