/* a64_head.S - arm64 Linux "Image" entry for a Xen domU.  Xen enters at
 * EL1 with the MMU off and x0 = the device tree.  Exceptions use SP_EL1
 * (a stack of their own), everything else SP_EL0, so a stack overflow
 * still gets its register dump. */
	.section .text.head, "ax"
	.globl _head
_head:
	b	a64_start               /* code0 */
	.long	0                       /* code1 */
	.quad	0                       /* text_offset: load at the RAM base */
	.quad	_end - _head            /* image_size */
	.quad	0xa                     /* LE, 4 KiB pages, anywhere */
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.long	0

a64_start:
	msr	daifset, #0xf
	mov	x19, x0
	adrp	x1, mcc_a64_vectors
	add	x1, x1, :lo12:mcc_a64_vectors
	msr	vbar_el1, x1
	mov	x1, #(3 << 20)          /* CPACR_EL1.FPEN: FP/SIMD usable */
	msr	cpacr_el1, x1
	isb
	/* Clear BSS (stacks and page tables live there too). */
	adrp	x1, __bss_start
	add	x1, x1, :lo12:__bss_start
	adrp	x2, __bss_end
	add	x2, x2, :lo12:__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	adrp	x1, a64_exc_stack_top
	add	x1, x1, :lo12:a64_exc_stack_top
	mov	sp, x1                  /* SP_EL1: exceptions */
	msr	spsel, #0
	adrp	x1, a64_boot_stack_top
	add	x1, x1, :lo12:a64_boot_stack_top
	mov	sp, x1                  /* SP_EL0: everything else */
	mov	x29, #0
	bl	mcc_a64_mmu_init
	mov	x0, x19
	bl	mcc_arm_start
3:	wfi
	b	3b

	.section .bss.stack, "aw", @nobits
	.balign 16
a64_exc_stack:	.skip 8192
a64_exc_stack_top:
a64_boot_stack:	.skip 65536
a64_boot_stack_top:

	.section .note.GNU-stack, "", %progbits
