/* a64_vectors.S - the exception vector table.  Every entry saves the
 * general registers on the exception stack (SP_EL1) and calls
 * mcc_a64_trap(frame, kind), which prints them and stops the domain. */
	.macro VEC kind
	.balign 0x80
	sub	sp, sp, #256
	stp	x0, x1, [sp, #0]
	mov	x0, #\kind
	b	a64_trap_common
	.endm

	.text
	.balign 0x800
	.globl mcc_a64_vectors
mcc_a64_vectors:
	VEC 0   /* current EL, SP0: sync */
	VEC 1   /* irq */
	VEC 2   /* fiq */
	VEC 3   /* serror */
	VEC 4   /* current EL, SPx: sync */
	VEC 5
	VEC 6
	VEC 7
	VEC 8   /* lower EL, AArch64 */
	VEC 9
	VEC 10
	VEC 11
	VEC 12  /* lower EL, AArch32 */
	VEC 13
	VEC 14
	VEC 15

a64_trap_common:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mrs	x1, sp_el0
	str	x1, [sp, #248]
	mov	x1, x0
	mov	x0, sp
	bl	mcc_a64_trap
1:	wfi
	b	1b

	.section .note.GNU-stack, "", %progbits
