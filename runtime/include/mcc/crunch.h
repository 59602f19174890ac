/* mcc/crunch.h - files baked into the image at configure time.
 *
 * The backend turns a directory into a const array of these, sorted by
 * path bytewise (as strcmp on unsigned bytes), files only: directories are
 * implied by the paths' prefixes.  Paths are canonical (mcc/kvpath.h):
 * "css/site.css", no leading '/'.  sha256 is the content's digest as 64
 * lower-case hex digits, or NULL to have it computed on demand. */
#ifndef MCC_CRUNCH_H
#define MCC_CRUNCH_H

#include <stddef.h>
#include <stdint.h>

typedef struct mcc_crunch_file {
	const char *path;
	const unsigned char *data;
	uint64_t size;
	const char *sha256;
} mcc_crunch_file;

#endif
