/* a32_vectors.S - the exception vectors.  Each handler saves r0-r12 and
 * the return address on its mode's stack and calls
 * mcc_a32_trap(frame, kind, spsr), which prints them and stops the
 * domain. */
	.syntax unified
	.arch armv7-a
	.arch_extension virt
	.arm
	.text
	.balign 32
	.globl mcc_a32_vectors
mcc_a32_vectors:
	b	.               /* reset: not used */
	b	a32_undef
	b	a32_svc
	b	a32_pabt
	b	a32_dabt
	b	.               /* unused (hyp trap) */
	b	a32_irq
	b	a32_fiq

	.macro TRAP name, kind, adjust
\name:
	sub	lr, lr, #\adjust
	push	{r0-r12, lr}
	mov	r0, sp
	mov	r1, #\kind
	mrs	r2, spsr
	bic	sp, sp, #7
	bl	mcc_a32_trap
1:	wfi
	b	1b
	.endm

	TRAP a32_undef, 1, 4
	TRAP a32_svc, 2, 4
	TRAP a32_pabt, 3, 4
	TRAP a32_dabt, 4, 8
	TRAP a32_irq, 6, 4
	TRAP a32_fiq, 7, 4

	.section .note.GNU-stack, "", %progbits
