/* unix/ctx.c - job contexts (mcc_ctx_make / mcc_ctx_switch).
 *
 * x86_64 and aarch64 switch by hand: push the callee-saved registers on
 * the current stack, store the stack pointer in `from`, load `to`'s and
 * pop.  That is a few dozen instructions, where swapcontext also makes a
 * sigprocmask system call.  Other architectures (or -DMCC_CTX_UCONTEXT)
 * use ucontext.  A new context starts in a small trampoline that calls
 * entry(arg) with the registers that ctx_make preloaded. */
#include <stdint.h>
#include "mcc/platform.h"

#if !defined(MCC_CTX_UCONTEXT) && !defined(__x86_64__) && !defined(__aarch64__)
#define MCC_CTX_UCONTEXT 1
#endif

#if !defined(MCC_CTX_UCONTEXT) && defined(__x86_64__)

/* Frame, from the saved stack pointer up: MXCSR and x87 control word
 * (callee-saved by the ABI), r15, r14, r13, r12, rbx, rbp, return address. */
__asm__(
	".text\n"
	".globl mcc_ctx_switch\n"
	".type mcc_ctx_switch,@function\n"
	"mcc_ctx_switch:\n"
	"	pushq %rbp\n"
	"	pushq %rbx\n"
	"	pushq %r12\n"
	"	pushq %r13\n"
	"	pushq %r14\n"
	"	pushq %r15\n"
	"	subq $8, %rsp\n"
	"	stmxcsr (%rsp)\n"
	"	fnstcw 4(%rsp)\n"
	"	movq %rsp, (%rdi)\n"
	"	movq (%rsi), %rsp\n"
	"	ldmxcsr (%rsp)\n"
	"	fldcw 4(%rsp)\n"
	"	addq $8, %rsp\n"
	"	popq %r15\n"
	"	popq %r14\n"
	"	popq %r13\n"
	"	popq %r12\n"
	"	popq %rbx\n"
	"	popq %rbp\n"
	"	ret\n"
	".size mcc_ctx_switch, .-mcc_ctx_switch\n"
	".globl mcc_unix_ctx_trampoline\n"
	".hidden mcc_unix_ctx_trampoline\n"
	".type mcc_unix_ctx_trampoline,@function\n"
	"mcc_unix_ctx_trampoline:\n"
	"	movq %r13, %rdi\n"
	"	callq *%r12\n"
	"	ud2\n"
	".size mcc_unix_ctx_trampoline, .-mcc_unix_ctx_trampoline\n");

void mcc_unix_ctx_trampoline(void);

void mcc_ctx_make(mcc_ctx *c, void *stack, size_t size,
		  void (*entry)(void *), void *arg)
{
	/* The trampoline is entered by `ret` with rsp = top (16-aligned), so
	 * its `call` gives entry the ABI's rsp % 16 == 8. */
	uint64_t *sp = (uint64_t *)(((uintptr_t)stack + size) & ~(uintptr_t)15);
	*--sp = (uint64_t)(uintptr_t)mcc_unix_ctx_trampoline;
	*--sp = 0;                           /* rbp */
	*--sp = 0;                           /* rbx */
	*--sp = (uint64_t)(uintptr_t)entry;  /* r12 */
	*--sp = (uint64_t)(uintptr_t)arg;    /* r13 */
	*--sp = 0;                           /* r14 */
	*--sp = 0;                           /* r15 */
	*--sp = 0x1f80ull | 0x037full << 32; /* default MXCSR, x87 CW */
	c->sp = sp;
}

#elif !defined(MCC_CTX_UCONTEXT) && defined(__aarch64__)

/* Frame of 160 bytes: x19..x28, x29 (fp), x30 (lr), d8..d15. */
__asm__(
	".text\n"
	".globl mcc_ctx_switch\n"
	".type mcc_ctx_switch,%function\n"
	"mcc_ctx_switch:\n"
	"	sub sp, sp, #160\n"
	"	stp x19, x20, [sp, #0]\n"
	"	stp x21, x22, [sp, #16]\n"
	"	stp x23, x24, [sp, #32]\n"
	"	stp x25, x26, [sp, #48]\n"
	"	stp x27, x28, [sp, #64]\n"
	"	stp x29, x30, [sp, #80]\n"
	"	stp d8, d9, [sp, #96]\n"
	"	stp d10, d11, [sp, #112]\n"
	"	stp d12, d13, [sp, #128]\n"
	"	stp d14, d15, [sp, #144]\n"
	"	mov x9, sp\n"
	"	str x9, [x0]\n"
	"	ldr x9, [x1]\n"
	"	mov sp, x9\n"
	"	ldp x19, x20, [sp, #0]\n"
	"	ldp x21, x22, [sp, #16]\n"
	"	ldp x23, x24, [sp, #32]\n"
	"	ldp x25, x26, [sp, #48]\n"
	"	ldp x27, x28, [sp, #64]\n"
	"	ldp x29, x30, [sp, #80]\n"
	"	ldp d8, d9, [sp, #96]\n"
	"	ldp d10, d11, [sp, #112]\n"
	"	ldp d12, d13, [sp, #128]\n"
	"	ldp d14, d15, [sp, #144]\n"
	"	add sp, sp, #160\n"
	"	ret\n"
	".size mcc_ctx_switch, .-mcc_ctx_switch\n"
	".globl mcc_unix_ctx_trampoline\n"
	".hidden mcc_unix_ctx_trampoline\n"
	".type mcc_unix_ctx_trampoline,%function\n"
	"mcc_unix_ctx_trampoline:\n"
	"	mov x0, x20\n"
	"	blr x19\n"
	"	brk #0\n"
	".size mcc_unix_ctx_trampoline, .-mcc_unix_ctx_trampoline\n");

void mcc_unix_ctx_trampoline(void);

void mcc_ctx_make(mcc_ctx *c, void *stack, size_t size,
		  void (*entry)(void *), void *arg)
{
	uint64_t *top = (uint64_t *)(((uintptr_t)stack + size) & ~(uintptr_t)15);
	uint64_t *sp = top - 20;
	for (int i = 0; i < 20; i++)
		sp[i] = 0;
	sp[0] = (uint64_t)(uintptr_t)entry;                   /* x19 */
	sp[1] = (uint64_t)(uintptr_t)arg;                     /* x20 */
	sp[11] = (uint64_t)(uintptr_t)mcc_unix_ctx_trampoline; /* x30 */
	c->sp = sp;
}

#else /* ucontext */

#include <ucontext.h>

/* The ucontext does not fit in mcc_ctx, so it lives at the top of the
 * job's own stack; c->sp points to it.  The scheduler's context is the
 * only one never made here: it uses ctx_main. */
typedef struct ctx_box {
	ucontext_t uc;
	void (*entry)(void *);
	void *arg;
} ctx_box;

static ctx_box ctx_main;
static ctx_box *ctx_starting;

static void ctx_uc_entry(void)
{
	ctx_box *b = ctx_starting;
	b->entry(b->arg);
}

void mcc_ctx_make(mcc_ctx *c, void *stack, size_t size,
		  void (*entry)(void *), void *arg)
{
	uintptr_t top = ((uintptr_t)stack + size - sizeof(ctx_box)) & ~(uintptr_t)63;
	ctx_box *b = (ctx_box *)top;
	getcontext(&b->uc);
	b->uc.uc_stack.ss_sp = stack;
	b->uc.uc_stack.ss_size = top - (uintptr_t)stack;
	b->uc.uc_link = NULL;
	b->entry = entry;
	b->arg = arg;
	makecontext(&b->uc, ctx_uc_entry, 0);
	c->sp = b;
}

void mcc_ctx_switch(mcc_ctx *from, mcc_ctx *to)
{
	if (!from->sp)
		from->sp = &ctx_main;
	ctx_starting = to->sp;
	swapcontext(&((ctx_box *)from->sp)->uc, &((ctx_box *)to->sp)->uc);
}

#endif
