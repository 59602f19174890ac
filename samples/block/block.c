/* samples/block: write a pattern to the first sectors, flush, read it
 * back and compare. */
#include <string.h>
#include "mcc/block.h"
#include "mcc/console.h"

enum { NSECT = 8 };

int block_start(mcc_console *c, mcc_block *b)
{
	mcc_block_info info;
	int err = b->info(b, &info);
	if (err < 0)
		return 1;
	mcc_console_printf(c, "block: %llu sectors of %u bytes, %s\n",
			   (unsigned long long)info.sectors, (unsigned)info.sector_size,
			   info.writable ? "read-write" : "read-only");
	if (!info.writable || info.sectors < NSECT || info.sector_size > 4096) {
		mcc_console_printf(c, "block: need %d writable sectors\n", NSECT);
		return 1;
	}
	static unsigned char out[NSECT * 4096], in[NSECT * 4096];
	size_t len = (size_t)NSECT * info.sector_size;
	for (size_t i = 0; i < len; i++)
		out[i] = (unsigned char)(i * 7 + i / info.sector_size);
	if ((err = b->write(b, 0, out, NSECT)) < 0 || (err = b->flush(b)) < 0 ||
	    (err = b->read(b, 0, in, NSECT)) < 0) {
		mcc_console_printf(c, "block: %s\n", mcc_strerror(err));
		return 1;
	}
	if (memcmp(in, out, len)) {
		mcc_console_printf(c, "block: data read back differs\n");
		return 1;
	}
	err = b->read(b, info.sectors, in, 1);
	mcc_console_printf(c, "block: read past the end: %s\n", mcc_strerror(err));
	mcc_console_printf(c, "block: %d sectors verified\n", NSECT);
	return err == -MCC_ERANGE ? 0 : 1;
}
