/* armv_arch.c - the architecture hooks (common/xen_arch.h) shared by
 * arm and arm64: the generic timer for time and wake-ups, the GIC for
 * the event channel interrupt, the vpl011 UART, PSCI. */
#include "xen/common/xen_arch.h"
#include "xen/common/xen_boot.h"
#include "xen/armv/armv_gic.h"
#include "xen/armv/armv.h"
#include "arch_sysreg.h"

static uint32_t cnt_hz;
static uint64_t cnt_at_boot;
static unsigned timer_ppi = 27;
static volatile uint32_t *uart;

#define CNTV_ENABLE 1u
#define CNTV_IMASK 2u

void mcc_armv_timer_init(unsigned ppi)
{
	cnt_hz = arch_cntfrq();
	if (cnt_hz == 0)
		cnt_hz = 62500000;      /* QEMU virt's value; never seen as 0 */
	cnt_at_boot = arch_cntvct();
	if (ppi)
		timer_ppi = ppi;
	arch_cntv_ctl(0);
}

void mcc_armv_uart_set(uint64_t base)
{
	uart = (volatile uint32_t *)(uintptr_t)base;
}

unsigned mcc_armv_timer_ppi(void) { return timer_ppi; }

uint64_t mcc_arch_cycles(void)
{
	return arch_cntvct();
}

uint64_t mcc_arch_cycles_to_ns(uint64_t c)
{
	/* Split to stay in 64 bits (no __int128 on arm). */
	uint64_t s = c / cnt_hz, r = c % cnt_hz;
	return s * 1000000000ull + r * 1000000000ull / cnt_hz;
}

static uint64_t ns_to_cycles(uint64_t ns)
{
	uint64_t s = ns / 1000000000ull, r = ns % 1000000000ull;
	return s * cnt_hz + (r * cnt_hz + 999999999ull) / 1000000000ull;
}

uint64_t mcc_arch_now_ns(void)
{
	return mcc_arch_cycles_to_ns(arch_cntvct() - cnt_at_boot);
}

void mcc_arch_block(uint64_t deadline_ns, const uint32_t *ports, unsigned n)
{
	(void)ports;
	(void)n;
	if (deadline_ns != UINT64_MAX) {
		arch_cntv_cval(cnt_at_boot + ns_to_cycles(deadline_ns));
		arch_cntv_ctl(CNTV_ENABLE);
	}
	/* WFI traps to Xen, which blocks the vCPU unless an enabled
	 * interrupt (timer, event channel) is already pending for us. */
	arch_wfi();
	for (int i = 0; i < 64; i++) {
		uint32_t iar = mcc_gic_ack();
		uint32_t irq = iar & 0x3ff;
		if (irq >= 1020)
			break;
		if (irq == timer_ppi)
			arch_cntv_ctl(CNTV_IMASK); /* level: quiet it before EOI */
		mcc_gic_eoi(iar);
	}
	arch_cntv_ctl(0);
}

bool mcc_arch_hwrand(uint64_t *out)
{
	return arch_rndr(out);
}

bool mcc_arch_uart_write(const char *s, size_t n)
{
	if (!uart)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			mcc_arch_uart_write("\r", 1);
		/* FR.TXFF; bounded so a broken UART cannot hang us. */
		for (int spin = 0; spin < 1000000 && (uart[0x18 / 4] & (1u << 5)); spin++)
			;
		uart[0] = (uint8_t)s[i];
	}
	return true;
}

long mcc_arm_psci(unsigned long fn);

_Noreturn void mcc_arch_halt(int status)
{
	(void)status;
	mcc_arm_psci(0x84000008);               /* PSCI SYSTEM_OFF */
	for (;;)
		arch_wfi();
}
