/* x86_switch.S - cooperative context switch.  Only callee-saved registers
 * survive a call in the SysV ABI, so a switch saves those on the old
 * stack and keeps the stack pointer in ctx->sp. */
	.text
	.globl mcc_ctx_switch
	.type mcc_ctx_switch, @function
mcc_ctx_switch:                         /* rdi = from, rsi = to */
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size mcc_ctx_switch, . - mcc_ctx_switch

	/* First switch into a new context lands here (see x86_ctx.c):
	 * r12 = entry, r13 = arg, rsp 16-byte aligned. */
	.globl mcc_x86_ctx_trampoline
mcc_x86_ctx_trampoline:
	movq	%r12, %rdi
	movq	%r13, %rsi
	call	mcc_xen_ctx_start
	ud2

	.section .note.GNU-stack, "", @progbits
