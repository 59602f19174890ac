/* unix/direct_kv.h - direct_kv_ro: a kv_ro reading a host directory at
 * run time.  Keys go through mcc/kvpath.h and are opened beneath the
 * directory only: a symbolic link is followed when its target stays
 * inside, refused when it points out. */
#ifndef MCC_UNIX_DIRECT_KV_H
#define MCC_UNIX_DIRECT_KV_H

#include <sys/stat.h>
#include "mcc/kv_ro.h"
#include "mcc/kvpath.h"

struct mcc_direct_kv_digest;

typedef struct mcc_direct_kv {
	mcc_kv_ro kv;
	int dirfd;
	/* Digests already computed, most recent first, checked against the
	 * file's identity and mtime before use. */
	struct mcc_direct_kv_digest *digests;
	size_t ndigests;
	/* The last key opened, kept open for a moment (see direct_kv.c). */
	int hold_fd;
	uint64_t hold_until;
	struct stat hold_st;
	char hold_key[MCC_KVPATH_MAX];
} mcc_direct_kv;

int mcc_direct_kv_connect(mcc_direct_kv *self, const char *dir);

#endif
