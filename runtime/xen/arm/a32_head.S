/* a32_head.S - 32-bit ARM zImage entry for a Xen domU.  Xen enters in
 * SVC mode (ARM state), MMU off, r2 = the device tree.  The header's
 * start field asks Xen to load us exactly at our link address, 2 MiB +
 * 64 KiB into RAM so that the device tree fits below the image: at the
 * RAM base, Xen 4.17 would need more than 4 MiB of domain memory (it
 * reserves 2 MiB for the kernel and 2 MiB for the tree, strictly apart).
 * The file holds text, rodata and data; BSS (cleared here) and .scratch
 * (stacks, page table) follow it in memory only (arm.ld). */
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
	.word	_end                    /* 0x2c end of the file (Xen checks end - start <= size) */
	.word	0x04030201              /* 0x30 little endian */

a32_start:
	mrrc	p15, 1, r8, r9, c14     /* CNTVCT at entry, for --mcc-boot-stats */
	cpsid	aif
	mov	r10, r2
	/* The device tree must not sit where BSS and the stacks go. */
	ldr	r0, =_end
	ldr	r1, =__scratch_end
	cmp	r10, r0
	blo	3f
	cmp	r10, r1
	blo	a32_dtb_clash
3:
	ldr	r0, =mcc_a32_vectors
	mcr	p15, 0, r0, c12, c0, 0  /* VBAR */
	/* VFP/NEON: CPACR cp10/cp11 full access, then FPEXC.EN. */
	mrc	p15, 0, r0, c1, c0, 2
	orr	r0, r0, #(0xf << 20)
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mov	r0, #(1 << 30)
	vmsr	fpexc, r0
	/* Clear BSS (4-byte aligned, see arm.ld). */
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
	mov	r2, r8                  /* uint64_t entry: r2 (low), r3 */
	mov	r3, r9
	bl	mcc_arm_start
2:	wfi
	b	2b

/* No stack, no MMU: say why on Xen's console and crash the domain. */
a32_dtb_clash:
	mov	r0, #0                  /* CONSOLEIO_write */
	ldr	r2, =a32_clash_msg      /* we run at the link address */
	ldr	r1, =a32_clash_msg_end
	sub	r1, r1, r2
	mov	r12, #18                /* __HYPERVISOR_console_io */
	hvc	#0xEA1
	mov	r0, #2                  /* SCHEDOP_shutdown */
	ldr	r1, =a32_clash_reason
	mov	r12, #29                /* __HYPERVISOR_sched_op */
	hvc	#0xEA1
4:	wfi
	b	4b
	.ltorg
	.balign 4
a32_clash_reason:
	.word	3                       /* SHUTDOWN_crash */
a32_clash_msg:
	.ascii	"mcc: the device tree overlaps the image's memory; exit status 255\n"
a32_clash_msg_end:
	.balign 4

	.section .scratch.stack, "aw", %nobits
	.balign 16
a32_exc_stack:	.skip 4096
a32_exc_stack_top:
a32_boot_stack:	.skip 65536
a32_boot_stack_top:

	.section .note.GNU-stack, "", %progbits
