/* armv_gic.c - GICv2 (memory-mapped CPU interface) and GICv3 (system
 * register CPU interface, redistributor for PPIs). */
#include "xen/armv/armv_gic.h"
#include "arch_sysreg.h"

static int version;
static volatile uint32_t *gicc;    /* v2 CPU interface */

static void w32(uint64_t base, uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)(base + off) = v;
}

static uint32_t r32(uint64_t base, uint32_t off)
{
	return *(volatile uint32_t *)(uintptr_t)(base + off);
}

static void w8(uint64_t base, uint32_t off, uint8_t v)
{
	*(volatile uint8_t *)(uintptr_t)(base + off) = v;
}

bool mcc_gic_init(const mcc_gic_info *g, const unsigned *ppis, unsigned n)
{
	if (g->version == 2) {
		w32(g->dist, 0x000, 1);                 /* GICD_CTLR: enable */
		for (unsigned i = 0; i < n; i++) {
			w8(g->dist, 0x400 + ppis[i], 0xa0); /* GICD_IPRIORITYR */
			w32(g->dist, 0x100, 1u << ppis[i]); /* GICD_ISENABLER0 */
		}
		gicc = (volatile uint32_t *)(uintptr_t)g->cpu;
		gicc[0x004 / 4] = 0xff;                  /* GICC_PMR */
		gicc[0x000 / 4] = 1;                     /* GICC_CTLR: enable */
	} else if (g->version == 3) {
		/* GICD_CTLR: ARE_NS | EnableGrp1A. */
		w32(g->dist, 0x000, (1u << 4) | (1u << 1));
		uint64_t rd = g->cpu;
		/* GICR_WAKER: wake our redistributor (Xen's vGIC ignores it). */
		w32(rd, 0x14, r32(rd, 0x14) & ~2u);
		uint64_t sgi = rd + 0x10000;
		w32(sgi, 0x080, 0xffffffffu);            /* GICR_IGROUPR0: group 1 */
		for (unsigned i = 0; i < n; i++) {
			w8(sgi, 0x400 + ppis[i], 0xa0);      /* GICR_IPRIORITYR */
			w32(sgi, 0x100, 1u << ppis[i]);      /* GICR_ISENABLER0 */
		}
		arch_dsb();
		arch_icc_init();
	} else {
		return false;
	}
	arch_dsb();
	version = g->version;
	return true;
}

uint32_t mcc_gic_ack(void)
{
	if (version == 2)
		return gicc[0x00c / 4];                  /* GICC_IAR */
	if (version == 3)
		return arch_icc_iar1();
	return MCC_GIC_SPURIOUS;
}

void mcc_gic_eoi(uint32_t iar)
{
	if (version == 2)
		gicc[0x010 / 4] = iar;                   /* GICC_EOIR */
	else if (version == 3)
		arch_icc_eoir1(iar);
}
