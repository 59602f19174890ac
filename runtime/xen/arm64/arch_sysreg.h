/* arch_sysreg.h (arm64) - the system registers armv/ code touches: the
 * generic timer, the GICv3 CPU interface, barriers. */
#ifndef MCC_ARCH_SYSREG_H
#define MCC_ARCH_SYSREG_H

#include <stdint.h>

#define SYSREG_R(name) ({ uint64_t v_; __asm__ volatile("mrs %0, " name : "=r"(v_)); v_; })
#define SYSREG_W(name, v) __asm__ volatile("msr " name ", %0" : : "r"((uint64_t)(v)))

static inline void arch_isb(void) { __asm__ volatile("isb" ::: "memory"); }
static inline void arch_dsb(void) { __asm__ volatile("dsb sy" ::: "memory"); }
static inline void arch_wfi(void) { __asm__ volatile("dsb sy; wfi" ::: "memory"); }

static inline uint64_t arch_cntvct(void)
{
	arch_isb();
	return SYSREG_R("cntvct_el0");
}
static inline uint32_t arch_cntfrq(void) { return (uint32_t)SYSREG_R("cntfrq_el0"); }
static inline void arch_cntv_cval(uint64_t v) { SYSREG_W("cntv_cval_el0", v); }
static inline void arch_cntv_ctl(uint32_t v) { SYSREG_W("cntv_ctl_el0", v); arch_isb(); }

static inline void arch_icc_init(void)
{
	SYSREG_W("s3_0_c12_c12_5", SYSREG_R("s3_0_c12_c12_5") | 1); /* ICC_SRE_EL1.SRE */
	arch_isb();
	SYSREG_W("s3_0_c4_c6_0", 0xff);          /* ICC_PMR_EL1: let all in */
	SYSREG_W("s3_0_c12_c12_7", 1);           /* ICC_IGRPEN1_EL1 */
	arch_isb();
}
static inline uint32_t arch_icc_iar1(void) { return (uint32_t)SYSREG_R("s3_0_c12_c12_0"); }
static inline void arch_icc_eoir1(uint32_t v) { SYSREG_W("s3_0_c12_c12_1", v); arch_isb(); }

/* ARMv8.5 RNDR, when ID_AA64ISAR0_EL1.RNDR says it exists. */
static inline int arch_rndr(uint64_t *out)
{
	if (((SYSREG_R("id_aa64isar0_el1") >> 60) & 0xf) == 0)
		return 0;
	uint64_t v, nzcv;
	__asm__ volatile("mrs %0, s3_3_c2_c4_0; mrs %1, nzcv" : "=r"(v), "=r"(nzcv));
	*out = v;
	return (nzcv & (1ull << 30)) == 0;       /* Z set = failure */
}

#endif
