/* a32_switch.S - cooperative context switch: the AAPCS callee-saved
 * registers (r4-r11, lr, d8-d15; r12 keeps the frame 8-byte aligned) go
 * on the old stack, sp into ctx->sp. */
	.syntax unified
	.arch armv7-a
	.fpu vfpv4
	.arm
	.text
	.globl mcc_ctx_switch
	.type mcc_ctx_switch, %function
mcc_ctx_switch:                         /* r0 = from, r1 = to */
	push	{r4-r12, lr}
	vpush	{d8-d15}
	str	sp, [r0]
	ldr	sp, [r1]
	vpop	{d8-d15}
	pop	{r4-r12, pc}
	.size mcc_ctx_switch, . - mcc_ctx_switch

	/* A new context starts here: r4 = entry, r5 = arg. */
	.globl mcc_a32_ctx_trampoline
mcc_a32_ctx_trampoline:
	mov	r0, r4
	mov	r1, r5
	mov	fp, #0
	bl	mcc_xen_ctx_start
	udf	#1

	.section .note.GNU-stack, "", %progbits
