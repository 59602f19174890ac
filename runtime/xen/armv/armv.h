/* armv.h - what the ARM start-up (armv_boot.c) and the ARM hooks
 * (armv_arch.c) share. */
#ifndef MCC_ARMV_H
#define MCC_ARMV_H

#include <stdint.h>

void mcc_armv_timer_init(unsigned ppi);
unsigned mcc_armv_timer_ppi(void);
void mcc_armv_uart_set(uint64_t base);
/* The C entry from the per-architecture head, with the MMU on; entry is
 * the counter (CNTVCT) at the head's first instruction. */
_Noreturn void mcc_arm_start(uintptr_t dtb, uint64_t entry);

#endif
