/* xen_cons.h - the guest's console at the lowest level, usable from the
 * first line of C to the register dump of a fault: the PV console ring
 * when the toolstack gave one, else the architecture's UART (ARM vpl011,
 * x86 COM1 without Xen), else the console_io hypercall. */
#ifndef MCC_XEN_CONS_H
#define MCC_XEN_CONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

enum mcc_xen_cons_kind {
	MCC_XEN_CONS_NONE, MCC_XEN_CONS_RING, MCC_XEN_CONS_UART,
	MCC_XEN_CONS_HYPERCALL
};

/* Pick the console (HVM params, then UART, then console_io). */
void mcc_xen_cons_init(void);
enum mcc_xen_cons_kind mcc_xen_cons_kind(void);
const char *mcc_xen_cons_name(void);
/* Write everything (waiting, boundedly, for a full ring to drain). */
void mcc_xen_cons_write(const char *s, size_t n);
void mcc_xen_cons_puts(const char *s);
/* "name=0x%016llx" with no formatting library: fault handlers use it. */
void mcc_xen_cons_hex(const char *name, uint64_t v);
/* Read what the ring holds (non-blocking); 0 when empty or no ring. */
size_t mcc_xen_cons_read(char *buf, size_t len);
/* The ring's event channel (0: none). */
uint32_t mcc_xen_cons_port(void);
/* Wait (boundedly) until the backend consumed all output. */
void mcc_xen_cons_flush(void);

#endif
