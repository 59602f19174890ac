/* a64_mmu.c - turn the MMU and caches on with an identity map of the low
 * 4 GiB (4 KiB granule, T0SZ = 32, starting at level 1):
 *   0-1 GiB  2 MiB blocks, Device-nGnRnE (GIC, vpl011, ...; the first
 *            block unmapped so that NULL faults) except the
 *            Xen grant table and magic pages (console, xenstore) at
 *            0x38000000-0x3a000000, which are normal RAM shared with dom0;
 *   1-4 GiB  1 GiB blocks of normal write-back memory (guest RAM bank 0).
 * Runs with the MMU off: everything it writes goes straight to memory,
 * so the tables, BSS and the boot stack are invalidated from the caches
 * before the switch (stale lines would otherwise shadow them). */
#include <stdint.h>
#include "arch_sysreg.h"

#define ATTR_DEVICE 0
#define ATTR_NORMAL 1
#define BLOCK 1ull
#define TABLE 3ull
#define AF (1ull << 10)
#define SH_INNER (3ull << 8)
#define XN ((1ull << 53) | (1ull << 54))
#define NORMAL_BLOCK (BLOCK | (ATTR_NORMAL << 2) | SH_INNER | AF)
#define DEVICE_BLOCK (BLOCK | (ATTR_DEVICE << 2) | AF | XN)

/* In .scratch, after the file: every entry is written below. */
static uint64_t l1[512] __attribute__((aligned(4096), section(".scratch.pt")));
static uint64_t l2[512] __attribute__((aligned(4096), section(".scratch.pt")));
extern char __bss_start[], __scratch_end[];

static void dcache_inval(uintptr_t s, uintptr_t e)
{
	uint64_t ctr = SYSREG_R("ctr_el0");
	uintptr_t line = 4u << ((ctr >> 16) & 0xf);
	for (uintptr_t a = s & ~(line - 1); a < e; a += line)
		__asm__ volatile("dc ivac, %0" : : "r"(a) : "memory");
	arch_dsb();
}

void mcc_a64_mmu_init(void)
{
	for (unsigned i = 0; i < 512; i++) {
		uint64_t pa = (uint64_t)i << 21;
		int shared = pa >= 0x38000000 && pa < 0x3a000000;
		l2[i] = pa | (shared ? NORMAL_BLOCK : DEVICE_BLOCK);
	}
	l2[0] = 0;      /* nothing lives at 0-2 MiB: NULL dereferences fault */
	l1[0] = (uintptr_t)l2 | TABLE;
	for (unsigned i = 1; i < 512; i++)
		l1[i] = i < 4 ? ((uint64_t)i << 30) | NORMAL_BLOCK : 0;
	dcache_inval((uintptr_t)__bss_start, (uintptr_t)__scratch_end);

	SYSREG_W("mair_el1", 0xff00ull);         /* attr0 device, attr1 WB */
	uint64_t tcr = 32                         /* T0SZ: 4 GiB */
		| (1ull << 8) | (1ull << 10)      /* IRGN0/ORGN0 WB WA */
		| (3ull << 12)                    /* SH0 inner shareable */
		| (0ull << 14)                    /* TG0 4 KiB */
		| (1ull << 23);                   /* EPD1: no TTBR1 walks */
	SYSREG_W("tcr_el1", tcr);
	SYSREG_W("ttbr0_el1", (uintptr_t)l1);
	arch_isb();
	__asm__ volatile("tlbi vmalle1; dsb ish; isb" ::: "memory");
	uint64_t sctlr = SYSREG_R("sctlr_el1");
	sctlr |= (1u << 0) | (1u << 2) | (1u << 12);   /* M, C, I */
	sctlr &= ~(uint64_t)(1u << 1);                 /* no alignment faults */
	SYSREG_W("sctlr_el1", sctlr);
	arch_isb();
	__asm__ volatile("ic iallu; dsb ish; isb" ::: "memory");
}
