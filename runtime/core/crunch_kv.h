/* core/crunch_kv.h - crunch: a kv_ro over a table of files compiled into
 * the image (mcc/crunch.h).  Lookups are binary searches in the sorted
 * table; nothing is copied. */
#ifndef MCC_CORE_CRUNCH_KV_H
#define MCC_CORE_CRUNCH_KV_H

#include "mcc/kv_ro.h"
#include "mcc/crunch.h"

typedef struct mcc_crunch_kv {
	mcc_kv_ro kv;
	const mcc_crunch_file *files;
	size_t n;
} mcc_crunch_kv;

/* files[0..n) must be sorted, canonical and unique, and no path may be
 * both a file and a directory; otherwise -MCC_EINVAL. */
int mcc_crunch_kv_connect(mcc_crunch_kv *self, const mcc_crunch_file *files,
			  size_t n);

#endif
