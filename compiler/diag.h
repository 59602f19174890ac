/* diag.h - the one diagnostic record, rendered as text, JSON or SARIF.
 *
 * Every pass reports through diag_error/diag_warn, which append to a list;
 * the driver renders the list at the end, so the order is the order of
 * discovery and output is deterministic. */
#ifndef DIAG_H
#define DIAG_H

#include <stdio.h>
#include "diag_codes.h"
#include "mcc_arena.h"
#include "mcc_src.h"

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_kind;

typedef struct diag {
	diag_kind kind;
	diag_code code;		/* D_NONE on notes */
	loc at;
	const char *msg;
	ptrvec notes;		/* diag * with kind DIAG_NOTE */
	/* Optional fix-it: replace the range `fix_at` with `fix_text`. */
	loc fix_at;
	const char *fix_text;
} diag;

typedef struct diag_list {
	arena *a;
	src_set *src;
	ptrvec items;
	int errors, warnings;
	int max_errors;		/* stop recording past this (0: no limit) */
} diag_list;

void diag_init(diag_list *dl, arena *a, src_set *src);
diag *diag_error(diag_list *dl, diag_code code, loc at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
diag *diag_warn(diag_list *dl, diag_code code, loc at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_note(diag_list *dl, diag *d, loc at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_fixit(diag *d, loc at, const char *text);

/* "MCC0005" */
const char *diag_code_name(diag_list *dl, diag_code c);
const char *diag_code_desc(diag_code c);

typedef enum { DFMT_TEXT, DFMT_JSON, DFMT_SARIF } diag_format;

void diag_render_text(const diag_list *dl, FILE *out, int color);
void diag_render_json(const diag_list *dl, FILE *out);
void diag_render_sarif(const diag_list *dl, FILE *out, const char *version);

/* JSON string literal writer shared by the JSON and SARIF renderers. */
void json_string(FILE *out, const char *s);

#endif
