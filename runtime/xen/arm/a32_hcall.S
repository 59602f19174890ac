/* a32_hcall.S - hypercalls (hvc #0xEA1, number in r12, args r0-r4) and
 * PSCI. */
	.syntax unified
	.arch armv7-a
	.arch_extension virt
	.arm
	.text
	.globl mcc_xen_hcall
	.type mcc_xen_hcall, %function
mcc_xen_hcall:                          /* r0 = nr, r1-r3, [sp], [sp+4] */
	push	{r4, lr}
	mov	r12, r0
	mov	r0, r1
	mov	r1, r2
	mov	r2, r3
	ldr	r3, [sp, #8]
	ldr	r4, [sp, #12]
	hvc	#0xEA1
	pop	{r4, pc}
	.size mcc_xen_hcall, . - mcc_xen_hcall

	.globl mcc_arm_psci
	.type mcc_arm_psci, %function
mcc_arm_psci:
	hvc	#0
	bx	lr
	.size mcc_arm_psci, . - mcc_arm_psci

	.section .note.GNU-stack, "", %progbits
