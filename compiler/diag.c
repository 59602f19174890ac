/* diag.c - recording diagnostics; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

void diag_init(diag_list *dl, arena *a, src_set *src)
{
	dl->a = a;
	dl->src = src;
	dl->items = (ptrvec){ 0 };
	dl->errors = dl->warnings = 0;
	dl->max_errors = 100;
}

/* Past max_errors the diagnostic is still built (callers may add notes)
 * but not listed: one bad config must not flood an editor. */
static diag *add(diag_list *dl, diag_kind kind, diag_code code, loc at,
		 const char *fmt, va_list ap)
{
	diag *d = arena_alloc(dl->a, sizeof *d);
	d->kind = kind;
	d->code = code;
	d->at = at;
	d->msg = arena_vprintf(dl->a, fmt, ap);
	d->fix_at = loc_none;
	if (kind == DIAG_ERROR)
		dl->errors++;
	else
		dl->warnings++;
	if (!dl->max_errors || dl->items.len < dl->max_errors)
		ptrvec_push(dl->a, &dl->items, d);
	return d;
}

diag *diag_error(diag_list *dl, diag_code code, loc at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag *d = add(dl, DIAG_ERROR, code, at, fmt, ap);
	va_end(ap);
	return d;
}

diag *diag_warn(diag_list *dl, diag_code code, loc at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag *d = add(dl, DIAG_WARNING, code, at, fmt, ap);
	va_end(ap);
	return d;
}

void diag_note(diag_list *dl, diag *d, loc at, const char *fmt, ...)
{
	diag *n = arena_alloc(dl->a, sizeof *n);
	va_list ap;
	va_start(ap, fmt);
	n->kind = DIAG_NOTE;
	n->at = at;
	n->msg = arena_vprintf(dl->a, fmt, ap);
	n->fix_at = loc_none;
	va_end(ap);
	ptrvec_push(dl->a, &d->notes, n);
}

void diag_fixit(diag *d, loc at, const char *text)
{
	d->fix_at = at;
	d->fix_text = text;
}

const char *diag_code_name(diag_list *dl, diag_code c)
{
	return arena_printf(dl->a, "MCC%04d", (int)c);
}

const char *diag_code_desc(diag_code c)
{
	switch (c) {
#define X(name, num, desc) case D_##name: return desc;
	DIAG_CODES(X)
#undef X
	default: return "";
	}
}

void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}
