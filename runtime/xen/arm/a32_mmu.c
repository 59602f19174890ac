/* a32_mmu.c - MMU and caches on with a flat map of 4 GiB in 1 MiB
 * sections (short descriptors): below 1 GiB device memory (GIC, vpl011)
 * except the Xen grant table and magic pages at 0x38000000-0x3a000000;
 * from 1 GiB (guest RAM bank 0) normal write-back memory.  Called with
 * the MMU off; the table, BSS and the boot stack are invalidated from the
 * data cache before the switch so that stale lines cannot shadow what was
 * written. */
#include <stdint.h>
#include "arch_sysreg.h"

#define SECT 0x2u
#define B (1u << 2)
#define C (1u << 3)
#define XN (1u << 4)
#define AP_RW (3u << 10)
#define TEX1 (1u << 12)
#define S (1u << 16)
#define NORMAL (SECT | B | C | TEX1 | AP_RW | S)     /* WB, write-allocate */
#define DEVICE (SECT | B | AP_RW | XN)               /* shareable device */

/* In .scratch, after the file: every entry is written below. */
static uint32_t ttb[4096] __attribute__((aligned(16384), section(".scratch.pt")));
extern char __bss_start[], __scratch_end[];

static void dcache_inval(uintptr_t s, uintptr_t e)
{
	uint32_t ctr;
	__asm__ volatile("mrc p15, 0, %0, c0, c0, 1" : "=r"(ctr));
	uintptr_t line = 4u << ((ctr >> 16) & 0xf);
	for (uintptr_t a = s & ~(line - 1); a < e; a += line)
		__asm__ volatile("mcr p15, 0, %0, c7, c6, 1" : : "r"(a) : "memory"); /* DCIMVAC */
	arch_dsb();
}

void mcc_a32_mmu_init(void)
{
	for (uint32_t i = 0; i < 4096; i++) {
		uint32_t pa = i << 20;
		int normal = pa >= 0x40000000u || (pa >= 0x38000000u && pa < 0x3a000000u);
		ttb[i] = pa | (normal ? NORMAL : DEVICE);
	}
	ttb[0] = 0;     /* nothing lives at 0-1 MiB: NULL dereferences fault */
	dcache_inval((uintptr_t)__bss_start, (uintptr_t)__scratch_end);
	uint32_t zero = 0;
	__asm__ volatile("mcr p15, 0, %0, c2, c0, 2" : : "r"(zero));   /* TTBCR */
	/* TTBR0: IRGN WB-WA (bit 6), RGN WB-WA (bits 4:3 = 01), shareable. */
	uint32_t ttbr = (uintptr_t)ttb | (1u << 6) | (1u << 3) | (1u << 1);
	__asm__ volatile("mcr p15, 0, %0, c2, c0, 0" : : "r"(ttbr));
	__asm__ volatile("mcr p15, 0, %0, c3, c0, 0" : : "r"(0x55555555u)); /* DACR: client */
	arch_isb();
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 0" : : "r"(zero));   /* TLBIALL */
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 0" : : "r"(zero));   /* ICIALLU */
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 6" : : "r"(zero));   /* BPIALL */
	arch_dsb();
	arch_isb();
	uint32_t sctlr;
	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
	sctlr |= (1u << 0) | (1u << 2) | (1u << 11) | (1u << 12);     /* M C Z I */
	sctlr &= ~((1u << 1) | (1u << 28) | (1u << 29));               /* A TRE AFE */
	__asm__ volatile("mcr p15, 0, %0, c1, c0, 0" : : "r"(sctlr));
	arch_isb();
}
