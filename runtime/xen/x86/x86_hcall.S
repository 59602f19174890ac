/* x86_hcall.S - long mcc_xen_hcall(nr, a1..a5) through the hypercall
 * page: entry nr is at page + nr * 32; arguments in rdi rsi rdx r10 r8. */
	.text
	.globl mcc_xen_hcall
	.type mcc_xen_hcall, @function
mcc_xen_hcall:
	movq	%rdi, %rax
	shlq	$5, %rax
	leaq	mcc_x86_hypercall_page(%rip), %r11
	addq	%r11, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	call	*%rax
	ret
	.size mcc_xen_hcall, . - mcc_xen_hcall

	.section .note.GNU-stack, "", @progbits
