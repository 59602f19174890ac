/* xen_rng.h - the guest-wide CSPRNG, seeded once, on first use (the
 * random component's connect or the first fill): a unikernel that never
 * asks for randomness does not pay for the jitter sampling (about a
 * thousand hypercalls, 10-20 ms under QEMU TCG) at boot.
 *
 * Seed material: the CPU's random instruction when present (x86 RDSEED
 * or RDRAND, ARMv8.5 RNDR), hashed together with cycle-counter jitter
 * around hypercalls, the wall clock and the domain's handle.  Without a
 * hardware source (most ARMv7/ARMv8.0 parts, and QEMU TCG for ARM) the
 * seed is only timing jitter and boot-time values: weak against an
 * attacker who can observe or replay the boot.  mcc_xen_rng_source says
 * which case applies; the random component logs a warning for the weak
 * one. */
#ifndef MCC_XEN_RNG_H
#define MCC_XEN_RNG_H

#include <stddef.h>
#include <stdbool.h>

/* Seed now (done by the calls below when not yet seeded). */
void mcc_xen_rng_init(void);
void mcc_xen_rng_fill(void *buf, size_t n);
/* "hardware" or "timing jitter only (weak)". */
const char *mcc_xen_rng_source(void);
bool mcc_xen_rng_is_weak(void);

#endif
