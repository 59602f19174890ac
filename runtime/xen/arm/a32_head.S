/* a32_head.S - 32-bit ARM zImage entry for a Xen domU.  Xen enters in
 * SVC mode (ARM state), MMU off, r2 = the device tree.  The header's
 * start field asks Xen to load us exactly at our link address. */
	.syntax unified
	.arch armv7-a
	.arch_extension virt
	.arch_extension sec
	.fpu vfpv4
	.arm
	.section .text.head, "ax"
	.globl _head
_head:
	.rept 8
	mov	r0, r0
	.endr
	b	a32_start               /* 0x20 */
	.word	0x016f2818              /* 0x24 zImage magic */
	.word	_head                   /* 0x28 load address */
	.word	_end                    /* 0x2c end (Xen checks end - start <= size) */
	.word	0x04030201              /* 0x30 little endian */

a32_start:
	cpsid	aif
	mov	r10, r2
	ldr	r0, =mcc_a32_vectors
	mcr	p15, 0, r0, c12, c0, 0  /* VBAR */
	/* VFP/NEON: CPACR cp10/cp11 full access, then FPEXC.EN. */
	mrc	p15, 0, r0, c1, c0, 2
	orr	r0, r0, #(0xf << 20)
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mov	r0, #(1 << 30)
	vmsr	fpexc, r0
	/* Clear BSS (stacks and page tables live there). */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	/* A stack for each exception mode, so a fault on a broken SVC
	 * stack still reports. */
	ldr	r0, =a32_exc_stack_top
	cps	#0x17                   /* abort */
	mov	sp, r0
	cps	#0x1b                   /* undefined */
	mov	sp, r0
	cps	#0x12                   /* irq */
	mov	sp, r0
	cps	#0x11                   /* fiq */
	mov	sp, r0
	cps	#0x13                   /* back to SVC */
	ldr	sp, =a32_boot_stack_top
	mov	fp, #0
	bl	mcc_a32_mmu_init
	mov	r0, r10
	bl	mcc_arm_start
2:	wfi
	b	2b
	.ltorg

	.section .bss.stack, "aw", %nobits
	.balign 16
a32_exc_stack:	.skip 4096
a32_exc_stack_top:
a32_boot_stack:	.skip 65536
a32_boot_stack_top:

	.section .note.GNU-stack, "", %progbits
