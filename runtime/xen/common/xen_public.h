/* xen_public.h - the Xen public interface headers, included one way.
 *
 * The headers come from Debian's libxen-dev (build.mk points a private
 * include directory at them).  __XEN_INTERFACE_VERSION__ must be set by
 * the build: left at 0, <xen/xen.h> selects the obsolete sched_op number,
 * which PVH guests get -ENOSYS for. */
#ifndef MCC_XEN_PUBLIC_H
#define MCC_XEN_PUBLIC_H

#include <stdint.h>

#if !defined(__XEN_INTERFACE_VERSION__) || __XEN_INTERFACE_VERSION__ < 0x00040600
#error "build with -D__XEN_INTERFACE_VERSION__=0x00040e00 (see runtime/xen/build.mk)"
#endif

#include <xen/xen.h>
#include <xen/sched.h>
#include <xen/event_channel.h>
#include <xen/grant_table.h>
#include <xen/memory.h>
#include <xen/vcpu.h>
#include <xen/version.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>
#include <xen/io/console.h>
#include <xen/io/xs_wire.h>

#endif
