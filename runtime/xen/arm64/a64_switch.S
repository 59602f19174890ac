/* a64_switch.S - cooperative context switch: the AAPCS64 callee-saved
 * registers (x19-x30, d8-d15) go on the old stack, sp into ctx->sp. */
	.text
	.globl mcc_ctx_switch
	.type mcc_ctx_switch, %function
mcc_ctx_switch:                         /* x0 = from, x1 = to */
	sub	sp, sp, #160
	stp	x19, x20, [sp, #0]
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	x29, x30, [sp, #80]
	stp	d8, d9, [sp, #96]
	stp	d10, d11, [sp, #112]
	stp	d12, d13, [sp, #128]
	stp	d14, d15, [sp, #144]
	mov	x2, sp
	str	x2, [x0]
	ldr	x2, [x1]
	mov	sp, x2
	ldp	x19, x20, [sp, #0]
	ldp	x21, x22, [sp, #16]
	ldp	x23, x24, [sp, #32]
	ldp	x25, x26, [sp, #48]
	ldp	x27, x28, [sp, #64]
	ldp	x29, x30, [sp, #80]
	ldp	d8, d9, [sp, #96]
	ldp	d10, d11, [sp, #112]
	ldp	d12, d13, [sp, #128]
	ldp	d14, d15, [sp, #144]
	add	sp, sp, #160
	ret
	.size mcc_ctx_switch, . - mcc_ctx_switch

	/* A new context starts here: x19 = entry, x20 = arg. */
	.globl mcc_a64_ctx_trampoline
mcc_a64_ctx_trampoline:
	mov	x0, x19
	mov	x1, x20
	mov	x29, #0
	bl	mcc_xen_ctx_start
	brk	#1

	.section .note.GNU-stack, "", %progbits
