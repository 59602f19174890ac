/* a64_trap.c - an exception prints the registers and stops the domain. */
#include <stdint.h>
#include "arch_sysreg.h"
#include "xen/common/xen_cons.h"
#include "xen/common/xen_plat.h"

static const char *const kinds[16] = {
	"sync (EL1t)", "irq (EL1t)", "fiq (EL1t)", "serror (EL1t)",
	"sync (EL1h)", "irq (EL1h)", "fiq (EL1h)", "serror (EL1h)",
	"sync (EL0)", "irq (EL0)", "fiq (EL0)", "serror (EL0)",
	"sync (EL0 32)", "irq (EL0 32)", "fiq (EL0 32)", "serror (EL0 32)",
};

static int depth;

_Noreturn void mcc_a64_trap(uint64_t *frame, uint64_t kind)
{
	if (depth++)
		mcc_xen_panic("exception in the exception handler");
	mcc_xen_cons_puts("\nmcc: CPU exception ");
	mcc_xen_cons_puts(kinds[kind & 15]);
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("esr", SYSREG_R("esr_el1"));
	mcc_xen_cons_hex("far", SYSREG_R("far_el1"));
	mcc_xen_cons_hex("elr", SYSREG_R("elr_el1"));
	mcc_xen_cons_hex("spsr", SYSREG_R("spsr_el1"));
	mcc_xen_cons_hex("sp", frame[31]);
	mcc_xen_cons_puts("\n");
	static const char *const names[31] = {
		"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9",
		"x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18",
		"x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27",
		"x28", "x29", "x30",
	};
	for (int i = 0; i < 31; i++) {
		mcc_xen_cons_hex(names[i], frame[i]);
		if (i % 4 == 3 || i == 30)
			mcc_xen_cons_puts("\n");
	}
	mcc_xen_panic("fatal CPU exception; domain stopped");
}
