/* xen_hcall.h - hypercalls.
 *
 * Each architecture implements mcc_xen_hcall in assembly (x86: through
 * the hypercall page Xen fills in; ARM: hvc #0xEA1 with the number in
 * r12 / x16).  The typed wrappers below are what the rest of the runtime
 * calls. */
#ifndef MCC_XEN_HCALL_H
#define MCC_XEN_HCALL_H

#include "xen/common/xen_public.h"

long mcc_xen_hcall(unsigned long nr, unsigned long a1, unsigned long a2,
		   unsigned long a3, unsigned long a4, unsigned long a5);

#define MCC_XEN_HC2(nr, a, b) \
	mcc_xen_hcall((nr), (unsigned long)(a), (unsigned long)(b), 0, 0, 0)
#define MCC_XEN_HC3(nr, a, b, c) \
	mcc_xen_hcall((nr), (unsigned long)(a), (unsigned long)(b), \
		      (unsigned long)(c), 0, 0)

static inline long xen_sched_op(int cmd, void *arg)
{ return MCC_XEN_HC2(__HYPERVISOR_sched_op, cmd, arg); }
static inline long xen_evtchn_op(int cmd, void *arg)
{ return MCC_XEN_HC2(__HYPERVISOR_event_channel_op, cmd, arg); }
static inline long xen_memory_op(int cmd, void *arg)
{ return MCC_XEN_HC2(__HYPERVISOR_memory_op, cmd, arg); }
static inline long xen_hvm_op(int cmd, void *arg)
{ return MCC_XEN_HC2(__HYPERVISOR_hvm_op, cmd, arg); }
static inline long xen_gnttab_op(int cmd, void *arg, unsigned count)
{ return MCC_XEN_HC3(__HYPERVISOR_grant_table_op, cmd, arg, count); }
static inline long xen_vcpu_op(int cmd, unsigned vcpu, void *arg)
{ return MCC_XEN_HC3(__HYPERVISOR_vcpu_op, cmd, vcpu, arg); }
static inline long xen_version_op(int cmd, void *arg)
{ return MCC_XEN_HC2(__HYPERVISOR_xen_version, cmd, arg); }
static inline long xen_console_io(int cmd, unsigned long n, const char *s)
{ return MCC_XEN_HC3(__HYPERVISOR_console_io, cmd, n, s); }

/* HVMOP_get_param for this domain; 0 or a negative Xen errno. */
static inline long xen_hvm_get_param(uint32_t idx, uint64_t *out)
{
	struct xen_hvm_param p = { .domid = DOMID_SELF, .index = idx };
	long r = xen_hvm_op(HVMOP_get_param, &p);
	*out = r ? 0 : p.value;
	return r;
}

#endif
