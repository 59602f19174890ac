/* a64_head.S - arm64 Linux "Image" entry for a Xen domU.  Xen enters at
 * EL1 with the MMU off and x0 = the device tree.  Exceptions use SP_EL1
 * (a stack of their own), everything else SP_EL0, so a stack overflow
 * still gets its register dump.
 *
 * The file holds only text, rodata and data: Xen copies the file, and
 * what follows it in memory (BSS, then the stacks and page tables in
 * .scratch) is set up here.  text_offset places the image 2 MiB + 64 KiB
 * into RAM, so that Xen can put the device tree below it: with the image
 * at the RAM base, Xen 4.17 needs more than 4 MiB of domain memory (it
 * reserves 2 MiB for the kernel and 2 MiB for the tree, and wants them
 * strictly apart); see arm64.ld. */
	.section .text.head, "ax"
	.globl _head
_head:
	b	a64_start               /* code0 */
	.long	0                       /* code1 */
	.quad	_head - 0x40000000      /* text_offset from the RAM base */
	.quad	__scratch_end - _head   /* image_size, BSS and scratch included */
	.quad	0xa                     /* LE, 4 KiB pages, anywhere */
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.long	0

a64_start:
	mrs	x20, cntvct_el0         /* entry time, for --mcc-boot-stats */
	msr	daifset, #0xf
	mov	x19, x0
	/* The device tree must not sit where BSS and the stacks go. */
	adrp	x1, _end
	add	x1, x1, :lo12:_end
	adrp	x2, __scratch_end
	add	x2, x2, :lo12:__scratch_end
	cmp	x19, x1
	b.lo	1f
	cmp	x19, x2
	b.lo	a64_dtb_clash
1:	adrp	x1, mcc_a64_vectors
	add	x1, x1, :lo12:mcc_a64_vectors
	msr	vbar_el1, x1
	mov	x1, #(3 << 20)          /* CPACR_EL1.FPEN: FP/SIMD usable */
	msr	cpacr_el1, x1
	isb
	/* Clear BSS (16-byte aligned, see arm64.ld). */
	adrp	x1, __bss_start
	add	x1, x1, :lo12:__bss_start
	adrp	x2, __bss_end
	add	x2, x2, :lo12:__bss_end
2:	cmp	x1, x2
	b.hs	3f
	stp	xzr, xzr, [x1], #16
	b	2b
3:	adrp	x1, a64_exc_stack_top
	add	x1, x1, :lo12:a64_exc_stack_top
	mov	sp, x1                  /* SP_EL1: exceptions */
	msr	spsel, #0
	adrp	x1, a64_boot_stack_top
	add	x1, x1, :lo12:a64_boot_stack_top
	mov	sp, x1                  /* SP_EL0: everything else */
	mov	x29, #0
	bl	mcc_a64_mmu_init
	mov	x0, x19
	mov	x1, x20
	bl	mcc_arm_start
4:	wfi
	b	4b

/* No stack, no MMU: say why on Xen's console and crash the domain. */
a64_dtb_clash:
	mov	x0, #0                  /* CONSOLEIO_write */
	mov	x1, #(a64_clash_msg_end - a64_clash_msg)
	adr	x2, a64_clash_msg
	mov	x16, #18                /* __HYPERVISOR_console_io */
	hvc	#0xEA1
	mov	x0, #2                  /* SCHEDOP_shutdown */
	adr	x1, a64_clash_reason
	mov	x16, #29                /* __HYPERVISOR_sched_op */
	hvc	#0xEA1
5:	wfi
	b	5b
	.balign 4
a64_clash_reason:
	.long	3                       /* SHUTDOWN_crash */
a64_clash_msg:
	.ascii	"mcc: the device tree overlaps the image's memory; exit status 255\n"
a64_clash_msg_end:

	.section .scratch.stack, "aw", @nobits
	.balign 16
a64_exc_stack:	.skip 8192
a64_exc_stack_top:
a64_boot_stack:	.skip 65536
a64_boot_stack_top:

	.section .note.GNU-stack, "", %progbits
