/* a64_hcall.S - hypercalls (hvc #0xEA1, number in x16) and PSCI. */
	.text
	.globl mcc_xen_hcall
	.type mcc_xen_hcall, %function
mcc_xen_hcall:                          /* x0 = nr, x1..x5 = args */
	mov	x16, x0
	mov	x0, x1
	mov	x1, x2
	mov	x2, x3
	mov	x3, x4
	mov	x4, x5
	hvc	#0xEA1
	ret
	.size mcc_xen_hcall, . - mcc_xen_hcall

	.globl mcc_arm_psci
	.type mcc_arm_psci, %function
mcc_arm_psci:                           /* x0 = PSCI function id */
	hvc	#0
	ret
	.size mcc_arm_psci, . - mcc_arm_psci

	.section .note.GNU-stack, "", %progbits
