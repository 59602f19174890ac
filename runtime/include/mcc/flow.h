/* mcc/flow.h - FLOW: a bidirectional byte stream (DEVICE + read/write/close).
 *
 * Operations take the flow they act on as first argument.  A console is a
 * flow; a TCP connection returned by accept/connect is a flow.  A device
 * whose interface includes FLOW (tcpv4) carries the operations on its
 * flows, so tcp->flow.read(conn, ...) and conn->read(conn, ...) are the
 * same call.
 *
 * Calls block the calling job only (see mcc/sched.h). */
#ifndef MCC_FLOW_H
#define MCC_FLOW_H

#include "mcc/device.h"

typedef struct mcc_flow mcc_flow;
struct mcc_flow {
	mcc_device dev;
	/* Read at most len bytes into buf.  Blocks until at least one byte is
	 * available.  Returns the count (> 0), 0 at end of stream, or a
	 * negative MCC_E* value. */
	long (*read)(mcc_flow *self, void *buf, size_t len);
	/* Write all len bytes (blocking while the peer is slow).  Returns len
	 * or a negative MCC_E* value. */
	long (*write)(mcc_flow *self, const void *buf, size_t len);
	/* Close the stream; later reads return 0, writes MCC_ECLOSED.  For a
	 * connection this also frees it: do not use self afterwards. */
	int (*close)(mcc_flow *self);
};

/* Write a NUL-terminated string; returns bytes written or negative error. */
long mcc_flow_puts(mcc_flow *f, const char *s);
/* printf-style formatted write (same conversions as mcc_snprintf). */
long mcc_flow_printf(mcc_flow *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
