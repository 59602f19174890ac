/* unix/block.h - BLOCK on Unix: a file (or a host block device) seen as
 * 512-byte sectors. */
#ifndef MCC_UNIX_BLOCK_H
#define MCC_UNIX_BLOCK_H

#include "mcc/block.h"

typedef struct mcc_unix_block {
	mcc_block b;
	int fd;
	uint64_t sectors;
	bool writable;
} mcc_unix_block;

/* Opens path read-write, or read-only when it is not writable.  Bytes
 * past the last whole sector are not addressable. */
int mcc_unix_block_connect(mcc_unix_block *self, const char *path);

#endif
