/* x86_boot.S - PVH entry.  Xen (or QEMU's PVH loader) enters _start32 in
 * 32-bit protected mode with paging off and %ebx = the physical address
 * of struct hvm_start_info.  We clear BSS, build an identity map of the
 * low 4 GiB (2 MiB pages: the PV console page lives at pfn 0xfefff;
 * 4 KiB pages for the first 2 MiB, without page 0),
 * enable SSE, switch to long mode and call mcc_x86_start(start_info,
 * the TSC at entry). */
#define XEN_ELFNOTE_PHYS32_ENTRY 18

	.section .note.Xen, "a", @note
	.balign 4
	.long 4                         /* namesz "Xen\0" */
	.long 4                         /* descsz */
	.long XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
	.balign 4
	.long _start32
	.balign 4

	.section .text.boot, "ax"
	.code32
	.globl _start32
_start32:
	cli
	cld
	movl	%ebx, %esi              /* keep start_info across the BSS clear */
	rdtsc                           /* entry time, for --mcc-boot-stats: */
	movl	%eax, %ebp              /* %ebx:%ebp until mcc_x86_start */
	movl	%edx, %ebx
	movl	$__bss_start, %edi
	movl	$__bss_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb
	movl	$boot_stack_top, %esp

	/* pml4[0] -> pdpt; pdpt[0..3] -> pd + i*4K; pd: 2048 x 2 MiB. */
	movl	$boot_pdpt, %eax
	orl	$0x3, %eax
	movl	%eax, boot_pml4
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$12, %eax
	addl	$boot_pd, %eax
	orl	$0x3, %eax
	movl	%eax, boot_pdpt(,%ecx,8)
	incl	%ecx
	cmpl	$4, %ecx
	jne	1b
	xorl	%ecx, %ecx
2:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$0x83, %eax             /* present, writable, 2 MiB */
	movl	%eax, boot_pd(,%ecx,8)
	incl	%ecx
	cmpl	$2048, %ecx
	jne	2b
	/* The first 2 MiB in 4 KiB pages, page 0 left out: a NULL
	 * dereference faults (and gets its register dump). */
	movl	$1, %ecx
4:	movl	%ecx, %eax
	shll	$12, %eax
	orl	$0x3, %eax
	movl	%eax, boot_pt0(,%ecx,8)
	incl	%ecx
	cmpl	$512, %ecx
	jne	4b
	movl	$boot_pt0, %eax
	orl	$0x3, %eax
	movl	%eax, boot_pd

	movl	%cr4, %eax
	orl	$(1 << 5) | (1 << 9) | (1 << 10), %eax  /* PAE, OSFXSR, OSXMMEXCPT */
	movl	%eax, %cr4
	movl	$boot_pml4, %eax
	movl	%eax, %cr3
	movl	$0xC0000080, %ecx       /* EFER.LME */
	rdmsr
	orl	$0x100, %eax
	wrmsr
	movl	%cr0, %eax
	andl	$~(1 << 2), %eax        /* EM off: FPU/SSE instructions run */
	orl	$0x80000003, %eax       /* PG, MP, PE */
	movl	%eax, %cr0
	lgdt	boot_gdt_ptr
	ljmp	$0x08, $long_entry

	.code64
long_entry:
	movw	$0x10, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	%ax, %fs
	movw	%ax, %gs
	movq	$boot_stack_top, %rsp
	fninit
	movl	%esi, %edi              /* start_info physical address */
	shlq	$32, %rbx
	movl	%ebp, %eax              /* zero-extends */
	orq	%rbx, %rax
	movq	%rax, %rsi              /* the TSC at entry */
	xorl	%ebp, %ebp
	call	mcc_x86_start
3:	cli
	hlt
	jmp	3b

	.section .rodata.boot, "a"
	.balign 16
	.globl mcc_x86_gdt
mcc_x86_gdt:
	.quad 0
	.quad 0x00af9a000000ffff        /* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff        /* 0x10: data */
gdt_end:
boot_gdt_ptr:
	.word gdt_end - mcc_x86_gdt - 1
	.long mcc_x86_gdt

	.section .bss.boot, "aw", @nobits
	.balign 4096
boot_pml4:	.skip 4096
boot_pdpt:	.skip 4096
boot_pd:	.skip 4096 * 4
boot_pt0:	.skip 4096
	.globl mcc_x86_hypercall_page
mcc_x86_hypercall_page:	.skip 4096
	.balign 16
boot_stack:	.skip 65536
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
