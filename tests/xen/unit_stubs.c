/* unit_stubs.c - fakes for the Xen platform unit tests (see the header). */
#include "unit_stubs.h"
#include "mcc/sched.h"
#include "mcc/platform.h"
#include "xen/common/xen_arch.h"
#include "xen/common/xen_boot.h"
#include <stdlib.h>
#include <string.h>

long (*stub_hcall)(unsigned long, unsigned long, unsigned long, unsigned long);
uint64_t stub_now_ns;
void (*stub_on_wait)(void);
unsigned stub_wakes;
char stub_cons_out[65536];
unsigned stub_cons_len;
mcc_xen_boot mcc_xen_bootinfo;

long mcc_xen_hcall(unsigned long nr, unsigned long a1, unsigned long a2,
		   unsigned long a3, unsigned long a4, unsigned long a5)
{
	(void)a4;
	(void)a5;
	return stub_hcall ? stub_hcall(nr, a1, a2, a3) : 0;
}

uint64_t mcc_arch_now_ns(void) { return stub_now_ns; }
uint64_t mcc_arch_cycles(void) { return stub_now_ns; }
uint64_t mcc_arch_cycles_to_ns(uint64_t c) { return c; }

void mcc_arch_block(uint64_t deadline_ns, const uint32_t *ports, unsigned n)
{
	(void)ports;
	(void)n;
	stub_now_ns = deadline_ns == UINT64_MAX ? stub_now_ns + 1000000 : deadline_ns;
}

bool mcc_arch_hwrand(uint64_t *out) { (void)out; return false; }

bool mcc_arch_uart_write(const char *s, size_t n)
{
	if (stub_cons_len + n > sizeof stub_cons_out)
		return false;
	memcpy(stub_cons_out + stub_cons_len, s, n);
	stub_cons_len += (unsigned)n;
	return true;
}

_Noreturn void mcc_arch_halt(int status) { exit(status); }

int mcc_wait(mcc_waitq *q, uint64_t deadline_ns)
{
	(void)q;
	(void)deadline_ns;
	if (stub_on_wait)
		stub_on_wait();
	return 0;
}

void mcc_wake_one(mcc_waitq *q) { (void)q; stub_wakes++; }
void mcc_wake_all(mcc_waitq *q) { (void)q; stub_wakes++; }
