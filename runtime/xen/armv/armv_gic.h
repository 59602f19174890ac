/* armv_gic.h - just enough of the GIC (v2 or v3, as Xen's virtual GIC
 * presents it) to enable the virtual timer and event channel PPIs and to
 * acknowledge them.  Interrupts stay masked in PSTATE/CPSR: the platform
 * waits with WFI and then drains the GIC, so no IRQ handler is needed. */
#ifndef MCC_ARMV_GIC_H
#define MCC_ARMV_GIC_H

#include <stdint.h>
#include <stdbool.h>

#define MCC_GIC_SPURIOUS 1023u

typedef struct mcc_gic_info {
	int version;            /* 2 or 3; 0 = not found */
	uint64_t dist;          /* GICD base */
	uint64_t cpu;           /* v2: GICC base; v3: first GICR base */
} mcc_gic_info;

/* Enable the distributor and CPU interface and the given PPIs. */
bool mcc_gic_init(const mcc_gic_info *g, const unsigned *ppis, unsigned n);
/* Acknowledge the highest pending interrupt (MCC_GIC_SPURIOUS: none). */
uint32_t mcc_gic_ack(void);
void mcc_gic_eoi(uint32_t iar);

#endif
