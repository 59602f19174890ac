/* diag_text.c - GCC-style text rendering:
 *
 *   config.mcfg:4:21: error: unbound name `defualt_console' [MCC0005]
 *       4 | register "hello" [ main $ defualt_console ]
 *         |                           ^~~~~~~~~~~~~~~
 *         |                           default_console
 */
#include "diag.h"

#include <string.h>

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[32m"
#define C_RESET "\033[0m"

static const char *kind_name(diag_kind k)
{
	return k == DIAG_ERROR ? "error" : k == DIAG_WARNING ? "warning" : "note";
}

static const char *kind_color(diag_kind k)
{
	return k == DIAG_ERROR ? C_RED : k == DIAG_WARNING ? C_MAGENTA : C_CYAN;
}

/* Pad to column col of line, copying tabs so the caret lines up. */
static void pad(FILE *out, const char *line, int len, int col)
{
	for (int i = 0; i < col - 1; i++)
		fputc(i < len && line[i] == '\t' ? '\t' : ' ', out);
}

static void show_source(const diag_list *dl, const diag *d, FILE *out, int color)
{
	src_file *f = src_get(dl->src, d->at.file);
	if (!f || d->at.line < 1 || d->at.line > f->nlines)
		return;
	int len;
	const char *line = src_line(f, d->at.line, &len);
	fprintf(out, "%5d | %.*s\n", d->at.line, len, line);
	fputs("      | ", out);
	pad(out, line, len, d->at.col);
	int last = d->at.end_line == d->at.line ? d->at.end_col : len;
	if (last < d->at.col)
		last = d->at.col;
	if (color)
		fputs(C_GREEN, out);
	fputc('^', out);
	for (int c = d->at.col + 1; c <= last; c++)
		fputc('~', out);
	if (color)
		fputs(C_RESET, out);
	fputc('\n', out);
	if (d->fix_text && d->fix_at.file == d->at.file && d->fix_at.line == d->at.line) {
		fputs("      | ", out);
		pad(out, line, len, d->fix_at.col);
		fprintf(out, "%s%s%s\n", color ? C_GREEN : "", d->fix_text,
			color ? C_RESET : "");
	}
}

static void render_one(const diag_list *dl, const diag *d, FILE *out, int color)
{
	src_file *f = src_get(dl->src, d->at.file);
	if (color)
		fputs(C_BOLD, out);
	if (f)
		fprintf(out, "%s:%d:%d: ", f->path, d->at.line, d->at.col);
	else
		fputs("mcc: ", out);
	if (color)
		fprintf(out, C_RESET "%s%s:" C_RESET " ", kind_color(d->kind),
			kind_name(d->kind));
	else
		fprintf(out, "%s: ", kind_name(d->kind));
	fputs(d->msg, out);
	if (d->code)
		fprintf(out, " [MCC%04d]", (int)d->code);
	fputc('\n', out);
	show_source(dl, d, out, color);
	for (int i = 0; i < d->notes.len; i++)
		render_one(dl, d->notes.v[i], out, color);
}

void diag_render_text(const diag_list *dl, FILE *out, int color)
{
	for (int i = 0; i < dl->items.len; i++)
		render_one(dl, dl->items.v[i], out, color);
	int dropped = dl->errors + dl->warnings - dl->items.len;
	if (dropped > 0)
		fprintf(out, "mcc: %d more diagnostics not shown\n", dropped);
}
