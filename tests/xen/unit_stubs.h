/* unit_stubs.h - what the Xen platform's portable files need from the
 * hypervisor, the architecture and the scheduler, faked for host tests. */
#ifndef MCC_XEN_UNIT_STUBS_H
#define MCC_XEN_UNIT_STUBS_H

#include <stdint.h>

/* Every hypercall lands here when set; else it returns 0. */
extern long (*stub_hcall)(unsigned long nr, unsigned long a1, unsigned long a2,
			  unsigned long a3);
/* Fake monotonic clock; mcc_arch_block advances it to the deadline (or
 * by 1 ms with no deadline). */
extern uint64_t stub_now_ns;
/* Called by mcc_wait (which then returns 0 as a spurious wake-up). */
extern void (*stub_on_wait)(void);
extern unsigned stub_wakes;
extern char stub_cons_out[65536];
extern unsigned stub_cons_len;

#endif
