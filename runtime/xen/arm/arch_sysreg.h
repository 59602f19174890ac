/* arch_sysreg.h (arm, ARMv7-A with the virtualization extensions) - the
 * coprocessor registers armv/ code touches: the generic timer, the GICv3
 * CPU interface (AArch32 view, for a GICv3 host), barriers. */
#ifndef MCC_ARCH_SYSREG_H
#define MCC_ARCH_SYSREG_H

#include <stdint.h>

static inline void arch_isb(void) { __asm__ volatile("isb" ::: "memory"); }
static inline void arch_dsb(void) { __asm__ volatile("dsb sy" ::: "memory"); }
static inline void arch_wfi(void) { __asm__ volatile("dsb sy; wfi" ::: "memory"); }

static inline uint64_t arch_cntvct(void)
{
	uint32_t lo, hi;
	arch_isb();
	__asm__ volatile("mrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return (uint64_t)hi << 32 | lo;
}
static inline uint32_t arch_cntfrq(void)
{
	uint32_t v;
	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(v));
	return v;
}
static inline void arch_cntv_cval(uint64_t v)
{
	__asm__ volatile("mcrr p15, 3, %0, %1, c14" : : "r"((uint32_t)v), "r"((uint32_t)(v >> 32)));
}
static inline void arch_cntv_ctl(uint32_t v)
{
	__asm__ volatile("mcr p15, 0, %0, c14, c3, 1" : : "r"(v));
	arch_isb();
}

static inline void arch_icc_init(void)
{
	uint32_t sre;
	__asm__ volatile("mrc p15, 0, %0, c12, c12, 5" : "=r"(sre));   /* ICC_SRE */
	__asm__ volatile("mcr p15, 0, %0, c12, c12, 5" : : "r"(sre | 1));
	arch_isb();
	__asm__ volatile("mcr p15, 0, %0, c4, c6, 0" : : "r"(0xffu));  /* ICC_PMR */
	__asm__ volatile("mcr p15, 0, %0, c12, c12, 7" : : "r"(1u));   /* ICC_IGRPEN1 */
	arch_isb();
}
static inline uint32_t arch_icc_iar1(void)
{
	uint32_t v;
	__asm__ volatile("mrc p15, 0, %0, c12, c12, 0" : "=r"(v));
	return v;
}
static inline void arch_icc_eoir1(uint32_t v)
{
	__asm__ volatile("mcr p15, 0, %0, c12, c12, 1" : : "r"(v));
	arch_isb();
}

/* ARMv7 has no random-number instruction. */
static inline int arch_rndr(uint64_t *out)
{
	(void)out;
	return 0;
}

#endif
