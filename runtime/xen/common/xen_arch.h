/* xen_arch.h - what each architecture (x86/, arm/, arm64/) provides to the
 * common Xen platform code.  Everything else in common/ is portable. */
#ifndef MCC_XEN_ARCH_H
#define MCC_XEN_ARCH_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

/* Monotonic nanoseconds (x86: Xen system time from the PV clock; ARM:
 * the virtual counter). */
uint64_t mcc_arch_now_ns(void);
/* A free-running cycle counter (TSC, CNTVCT): boot statistics, entropy. */
uint64_t mcc_arch_cycles(void);
/* Convert a difference of mcc_arch_cycles() values to nanoseconds. */
uint64_t mcc_arch_cycles_to_ns(uint64_t cycles);
/* Block the vCPU until an event channel may be pending or until the
 * monotonic deadline (UINT64_MAX: none).  Interrupts stay masked. */
void mcc_arch_block(uint64_t deadline_ns, const uint32_t *ports, unsigned n);
/* One hardware random 64-bit word (RDSEED/RDRAND, RNDR); false if the
 * CPU has no such instruction or it failed. */
bool mcc_arch_hwrand(uint64_t *out);
/* Write to the console of last resort (x86: COM1 when not on Xen; ARM:
 * the PL011/vpl011 when the device tree has one).  false: none. */
bool mcc_arch_uart_write(const char *s, size_t n);
/* Stop for good after the shutdown hypercall returned (or without Xen). */
_Noreturn void mcc_arch_halt(int status);

#endif
