/* mcc/kv_ro.h - KV_RO: a read-only store of named byte strings (files).
 *
 * Keys are '/'-separated paths relative to the store's root ("a/b.html";
 * a leading '/' is ignored).  A key containing a ".." segment, an empty
 * segment or a NUL never reaches outside the store: it is MCC_ENOENT. */
#ifndef MCC_KV_RO_H
#define MCC_KV_RO_H

#include "mcc/device.h"

enum { MCC_KV_FILE = 1, MCC_KV_DIR = 2 };

typedef struct mcc_kv_ro mcc_kv_ro;
struct mcc_kv_ro {
	mcc_device dev;
	/* MCC_KV_FILE or MCC_KV_DIR if key exists, else MCC_ENOENT (< 0). */
	int (*kind)(mcc_kv_ro *self, const char *key);
	/* Size in bytes of a file. */
	int (*size)(mcc_kv_ro *self, const char *key, uint64_t *size);
	/* Read up to len bytes at offset off.  Returns count (0 at end of
	 * file) or negative error. */
	long (*read)(mcc_kv_ro *self, const char *key, uint64_t off,
		     void *buf, size_t len);
	/* Content digest of a file as 64 lower-case hex digits of SHA-256
	 * plus NUL (used for HTTP ETags). */
	int (*digest)(mcc_kv_ro *self, const char *key, char out[65]);
	/* Call fn for each entry name directly under dir ("" for the root),
	 * in byte order.  Stops and returns fn's value when it is non-zero. */
	int (*list)(mcc_kv_ro *self, const char *dir,
		    int (*fn)(void *ctx, const char *name, int kind), void *ctx);
};

#endif
