/* xen_boot.h - what the architecture's boot code found, handed to the
 * common start-up (mcc_xen_main). */
#ifndef MCC_XEN_BOOT_H
#define MCC_XEN_BOOT_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

#define MCC_XEN_MAX_RAM 8
#define MCC_XEN_CMDLINE_MAX 1024
#define MCC_XEN_MARKS 10

/* A boot phase that ended at counter value `cycles` (--mcc-boot-stats). */
typedef struct mcc_xen_mark { const char *what; uint64_t cycles; } mcc_xen_mark;

typedef struct mcc_xen_range { uint64_t start, end; } mcc_xen_range;

typedef struct mcc_xen_boot {
	bool on_xen;            /* a hypervisor answered (else: bare QEMU) */
	bool is_dom0;           /* x86: start_info says hardware domain */
	char cmdline[MCC_XEN_CMDLINE_MAX];
	/* Usable RAM, already clipped to what the page tables map. */
	mcc_xen_range ram[MCC_XEN_MAX_RAM];
	unsigned nram;
	/* Ranges the heap must not hand out (the image, the DTB, ...). */
	mcc_xen_range reserved[MCC_XEN_MAX_RAM];
	unsigned nreserved;
	/* ARM: event channel PPI from the /hypervisor node (0 = none). */
	unsigned evtchn_irq;
	/* mcc_arch_cycles() at the image's first instruction, then at the
	 * end of each start-up phase. */
	uint64_t entry_cycles;
	mcc_xen_mark marks[MCC_XEN_MARKS];
	unsigned nmarks;
} mcc_xen_boot;

extern mcc_xen_boot mcc_xen_bootinfo;

/* Reserve [start, end) in the boot info (the heap leaves it alone). */
void mcc_xen_boot_reserve(uint64_t start, uint64_t end);
/* Add usable RAM [start, end). */
void mcc_xen_boot_add_ram(uint64_t start, uint64_t end);
/* Record that phase `what` (a string literal) ends now. */
void mcc_xen_boot_mark(const char *what);
/* Print the phases and the total from entry to now on the console. */
void mcc_xen_boot_marks_print(void);
/* Copy the command line (truncated to MCC_XEN_CMDLINE_MAX - 1). */
void mcc_xen_boot_set_cmdline(const char *s);

/* Common start-up, called by the architecture once the MMU, the stack,
 * BSS and hypercalls work: heap, shared info, events, console, entropy,
 * then mcc_unikernel_main and shutdown.  Never returns. */
_Noreturn void mcc_xen_main(void);

#endif
