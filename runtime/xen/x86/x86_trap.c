/* x86_trap.c - the IDT and what a CPU exception does: print the
 * registers on the console and stop the domain as crashed, so that a bug
 * shows up in the log instead of as a silent hang. */
#include <stdint.h>
#include "xen/common/xen_cons.h"
#include "xen/common/xen_plat.h"

typedef struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
} trap_frame;

typedef struct idt_gate {
	uint16_t off0, sel;
	uint8_t ist, type;
	uint16_t off1;
	uint32_t off2, zero;
} idt_gate;

#define NVEC 22
static idt_gate idt[NVEC] __attribute__((aligned(16)));

#define X(n) void mcc_x86_isr##n(void);
X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)
X(13) X(14) X(15) X(16) X(17) X(18) X(19) X(20) X(21)
#undef X

static void (*const stubs[NVEC])(void) = {
	mcc_x86_isr0, mcc_x86_isr1, mcc_x86_isr2, mcc_x86_isr3, mcc_x86_isr4,
	mcc_x86_isr5, mcc_x86_isr6, mcc_x86_isr7, mcc_x86_isr8, mcc_x86_isr9,
	mcc_x86_isr10, mcc_x86_isr11, mcc_x86_isr12, mcc_x86_isr13,
	mcc_x86_isr14, mcc_x86_isr15, mcc_x86_isr16, mcc_x86_isr17,
	mcc_x86_isr18, mcc_x86_isr19, mcc_x86_isr20, mcc_x86_isr21,
};

static const char *const names[NVEC] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range", "invalid opcode", "device not available",
	"double fault", "coprocessor overrun", "invalid TSS",
	"segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 FP error", "alignment check",
	"machine check", "SIMD FP error", "virtualization", "control protection",
};

void mcc_x86_idt_init(void)
{
	for (int i = 0; i < NVEC; i++) {
		uintptr_t a = (uintptr_t)stubs[i];
		idt[i] = (idt_gate){
			.off0 = (uint16_t)a, .sel = 0x08, .ist = 0,
			.type = 0x8e,   /* present, DPL 0, 64-bit interrupt gate */
			.off1 = (uint16_t)(a >> 16), .off2 = (uint32_t)(a >> 32),
		};
	}
	struct __attribute__((packed)) { uint16_t limit; uint64_t base; } p = {
		sizeof idt - 1, (uint64_t)(uintptr_t)idt,
	};
	__asm__ volatile("lidt %0" : : "m"(p));
}

static int depth;

_Noreturn void mcc_x86_trap(trap_frame *f)
{
	if (depth++) {
		/* A fault while reporting a fault: stop without more output. */
		mcc_xen_panic("fault in the fault handler");
	}
	uint64_t cr2;
	__asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
	mcc_xen_cons_puts("\nmcc: CPU exception ");
	mcc_xen_cons_puts(f->vector < NVEC ? names[f->vector] : "?");
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("vector", f->vector);
	mcc_xen_cons_hex("error", f->error);
	mcc_xen_cons_hex("cr2", cr2);
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("rip", f->rip);
	mcc_xen_cons_hex("rsp", f->rsp);
	mcc_xen_cons_hex("rflags", f->rflags);
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("rax", f->rax); mcc_xen_cons_hex("rbx", f->rbx);
	mcc_xen_cons_hex("rcx", f->rcx); mcc_xen_cons_hex("rdx", f->rdx);
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("rsi", f->rsi); mcc_xen_cons_hex("rdi", f->rdi);
	mcc_xen_cons_hex("rbp", f->rbp); mcc_xen_cons_hex("r8", f->r8);
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("r9", f->r9); mcc_xen_cons_hex("r10", f->r10);
	mcc_xen_cons_hex("r11", f->r11); mcc_xen_cons_hex("r12", f->r12);
	mcc_xen_cons_puts("\n");
	mcc_xen_cons_hex("r13", f->r13); mcc_xen_cons_hex("r14", f->r14);
	mcc_xen_cons_hex("r15", f->r15); mcc_xen_cons_hex("cs", f->cs);
	mcc_xen_cons_puts("\n");
	mcc_xen_panic("fatal CPU exception; domain stopped");
}
