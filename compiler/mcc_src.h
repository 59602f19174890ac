/* mcc_src.h - source files and locations.  A diagnostic's location (loc)
 * is a file index plus 1-based line/column ranges; the syntax tree and the
 * graph keep a compact one (sloc), two byte offsets, and compute lines and
 * columns only when something is reported.  The text stays in memory so
 * diagnostics can print the offending line. */
#ifndef MCC_SRC_H
#define MCC_SRC_H

#include <stdbool.h>
#include <stdint.h>
#include "mcc_arena.h"

typedef struct src_file {
	const char *path;	/* as given, or relative to the config dir */
	const char *text;	/* NUL-terminated contents */
	size_t len;
	bool is_stdlib;		/* errors inside are blamed on the user's call site */
	int *line_start;	/* byte offset of each line (0-based index) */
	int nlines;
	uint32_t base;		/* offset of its first byte in the sloc space */
} src_file;

typedef struct loc {
	int file;		/* index into src_set, -1 for "no location" */
	int line, col;		/* start, 1-based */
	int end_line, end_col;	/* inclusive end */
} loc;

/* Every file of a set occupies the offsets [base, base + len] of one
 * space (len too, for "at the end of the file"); 0 is no location.  begin
 * is the first byte; end is the byte whose column is the range's last
 * (the lead byte of its last character), so a one-character range has
 * begin == end.  8 bytes where a loc takes 20. */
typedef struct sloc {
	uint32_t begin, end;
} sloc;

typedef struct src_set {
	ptrvec files;
	uint32_t next_base;	/* where the next file starts (0: at 1) */
} src_set;

/* Adds a file; text is copied into the arena.  -1 (errno EFBIG) when the
 * set would outgrow the 4 GiB of sloc offsets. */
int src_add(arena *a, src_set *s, const char *path, const char *text,
	    size_t len, bool is_stdlib);
/* Reads path into the set; returns the index or -1 (errno set). */
int src_load(arena *a, src_set *s, const char *path, bool is_stdlib);
src_file *src_get(const src_set *s, int file);
/* The text of line (1-based) without its newline; *len receives length. */
const char *src_line(const src_file *f, int line, int *len);
loc loc_span(loc a, loc b);
extern const loc loc_none;

extern const sloc sloc_none;
/* The file an sloc is in, -1 for none. */
int src_file_of(const src_set *s, sloc at);
/* Lines and columns (in code points) of an sloc. */
loc src_loc(const src_set *s, sloc at);
/* From the start of a to the end of b. */
sloc sloc_span(sloc a, sloc b);

#endif
