/* xen_xs.h - a xenstore client over the shared ring (xs_wire.h).
 *
 * Calls block the calling job (never the guest) while xenstored answers.
 * Requests are serialised: one is on the wire at a time.  Values and
 * directory listings are copied into the caller's buffer.  Paths are
 * absolute ("/local/domain/3/name") or relative to the domain's home.
 * Errors: -MCC_ENOENT, -MCC_EPERM, -MCC_EAGAIN (a transaction conflict:
 * retry it), -MCC_EINVAL, -MCC_EMSGSIZE (buffer or request too large),
 * -MCC_EIO (a protocol error), -MCC_ECANCELED. */
#ifndef MCC_XEN_XS_H
#define MCC_XEN_XS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "mcc/sched.h"

#define MCC_XS_MAX_PAYLOAD 4096

/* Find the ring (HVM params XENSTORE_PFN/EVTCHN): -MCC_ENOENT when the
 * domain has none (dom0less, or a dom0). */
int mcc_xs_init(void);
/* For unit tests: use this ring and port instead of the HVM params. */
int mcc_xs_init_ring(void *ring, uint32_t port);

/* Read path's value into buf (NUL-terminated); returns its length. */
long mcc_xs_read(uint32_t tx, const char *path, char *buf, size_t cap);
int mcc_xs_write(uint32_t tx, const char *path, const char *value);
int mcc_xs_rm(uint32_t tx, const char *path);
/* Children of path as NUL-separated names in buf; returns their count. */
long mcc_xs_directory(uint32_t tx, const char *path, char *buf, size_t cap);
int mcc_xs_transaction_start(uint32_t *tx);
int mcc_xs_transaction_end(uint32_t tx, bool commit);

/* A watch: xenstored reports path (or anything below it) changing.  It
 * fires once when set, as xenstored does. */
typedef struct mcc_xs_watch {
	char token[24];
	mcc_waitq q;
	unsigned pending;       /* events not yet waited for */
	char last_path[256];    /* the path of the latest event */
	struct mcc_xs_watch *next;
} mcc_xs_watch;

int mcc_xs_watch_add(mcc_xs_watch *w, const char *path);
/* Block until the watch fired (or deadline_ns, 0 = none); copies the
 * changed path into path (may be NULL). */
int mcc_xs_watch_wait(mcc_xs_watch *w, char *path, size_t cap, uint64_t deadline_ns);
int mcc_xs_watch_remove(mcc_xs_watch *w, const char *path);

#endif
