/* a32_trap.c - an exception prints the registers and stops the domain. */
#include <stdint.h>
#include "xen/common/xen_cons.h"
#include "xen/common/xen_plat.h"

static const char *const kinds[8] = {
	"reset", "undefined instruction", "supervisor call", "prefetch abort",
	"data abort", "?", "irq", "fiq",
};

static int depth;

_Noreturn void mcc_a32_trap(uint32_t *frame, uint32_t kind, uint32_t spsr)
{
	if (depth++)
		mcc_xen_panic("exception in the exception handler");
	uint32_t dfsr, dfar, ifsr, ifar, sp_svc, lr_svc;
	__asm__ volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(dfsr));
	__asm__ volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(dfar));
	__asm__ volatile("mrc p15, 0, %0, c5, c0, 1" : "=r"(ifsr));
	__asm__ volatile("mrc p15, 0, %0, c6, c0, 2" : "=r"(ifar));
	__asm__ volatile(".arch_extension virt\n\tmrs %0, SP_svc" : "=r"(sp_svc));
	__asm__ volatile(".arch_extension virt\n\tmrs %0, LR_svc" : "=r"(lr_svc));
	mcc_xen_cons_puts("\nmcc: CPU exception ");
	mcc_xen_cons_puts(kinds[kind & 7]);
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("pc", frame[13]);
	mcc_xen_cons_hex("spsr", spsr);
	mcc_xen_cons_hex("sp_svc", sp_svc);
	mcc_xen_cons_hex("lr_svc", lr_svc);
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("dfsr", dfsr);
	mcc_xen_cons_hex("dfar", dfar);
	mcc_xen_cons_hex("ifsr", ifsr);
	mcc_xen_cons_hex("ifar", ifar);
	mcc_xen_cons_puts("\n");
	static const char *const names[13] = {
		"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9",
		"r10", "r11", "r12",
	};
	for (int i = 0; i < 13; i++) {
		mcc_xen_cons_hex(names[i], frame[i]);
		if (i % 4 == 3 || i == 12)
			mcc_xen_cons_puts("\n");
	}
	mcc_xen_panic("fatal CPU exception; domain stopped");
}
