/* mcc_src.h - source files and locations.  A location is a file index plus
 * 1-based line/column ranges; the text stays in memory so diagnostics can
 * print the offending line. */
#ifndef MCC_SRC_H
#define MCC_SRC_H

#include <stdbool.h>
#include "mcc_arena.h"

typedef struct src_file {
	const char *path;	/* as given, or relative to the config dir */
	const char *text;	/* NUL-terminated contents */
	size_t len;
	bool is_stdlib;		/* errors inside are blamed on the user's call site */
	int *line_start;	/* byte offset of each line (0-based index) */
	int nlines;
} src_file;

typedef struct loc {
	int file;		/* index into src_set, -1 for "no location" */
	int line, col;		/* start, 1-based */
	int end_line, end_col;	/* inclusive end */
} loc;

typedef struct src_set {
	ptrvec files;
} src_set;

/* Adds a file; text is copied into the arena. */
int src_add(arena *a, src_set *s, const char *path, const char *text,
	    size_t len, bool is_stdlib);
/* Reads path into the set; returns the index or -1 (errno set). */
int src_load(arena *a, src_set *s, const char *path, bool is_stdlib);
src_file *src_get(const src_set *s, int file);
/* The text of line (1-based) without its newline; *len receives length. */
const char *src_line(const src_file *f, int line, int *len);
loc loc_span(loc a, loc b);
extern const loc loc_none;

#endif
