/* x86_isr.S - exception entry stubs.  Each pushes a dummy error code
 * when the CPU does not, then its vector, saves the general registers
 * and calls mcc_x86_trap(frame), which prints them and stops the domain. */
	.text
	.macro ISR_NOERR n
	.globl mcc_x86_isr\n
mcc_x86_isr\n:
	pushq	$0
	pushq	$\n
	jmp	isr_common
	.endm
	.macro ISR_ERR n
	.globl mcc_x86_isr\n
mcc_x86_isr\n:
	pushq	$\n
	jmp	isr_common
	.endm

	ISR_NOERR 0
	ISR_NOERR 1
	ISR_NOERR 2
	ISR_NOERR 3
	ISR_NOERR 4
	ISR_NOERR 5
	ISR_NOERR 6
	ISR_NOERR 7
	ISR_ERR   8
	ISR_NOERR 9
	ISR_ERR   10
	ISR_ERR   11
	ISR_ERR   12
	ISR_ERR   13
	ISR_ERR   14
	ISR_NOERR 15
	ISR_NOERR 16
	ISR_ERR   17
	ISR_NOERR 18
	ISR_NOERR 19
	ISR_NOERR 20
	ISR_ERR   21

isr_common:
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rdi
	andq	$~15, %rsp
	call	mcc_x86_trap
1:	cli
	hlt
	jmp	1b

	.section .note.GNU-stack, "", @progbits
