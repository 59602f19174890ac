/* mcc/block.h - BLOCK: a sector-addressed storage device. */
#ifndef MCC_BLOCK_H
#define MCC_BLOCK_H

#include "mcc/device.h"

typedef struct mcc_block_info {
	uint32_t sector_size;   /* bytes per sector, usually 512 */
	uint64_t sectors;       /* number of sectors */
	bool writable;
} mcc_block_info;

typedef struct mcc_block mcc_block;
struct mcc_block {
	mcc_device dev;
	int (*info)(mcc_block *self, mcc_block_info *out);
	/* Read n sectors starting at sector into buf (n * sector_size bytes).
	 * MCC_ERANGE if the range is beyond the device. */
	int (*read)(mcc_block *self, uint64_t sector, void *buf, uint32_t n);
	/* Write n sectors; MCC_EROFS on a read-only device. */
	int (*write)(mcc_block *self, uint64_t sector, const void *buf, uint32_t n);
	/* Make earlier writes durable. */
	int (*flush)(mcc_block *self);
};

#endif
