/* diag_json.c - GCC's -fdiagnostics-format=json schema, plus "code".
 * An array of diagnostics, each with kind, message, locations (caret,
 * start, finish), children (notes) and fixits (start, next, string). */
#include "diag.h"

static const char *kind_name(diag_kind k)
{
	return k == DIAG_ERROR ? "error" : k == DIAG_WARNING ? "warning" : "note";
}

static void pos(const diag_list *dl, FILE *out, int file, int line, int col)
{
	src_file *f = src_get(dl->src, file);
	fputs("{\"file\": ", out);
	json_string(out, f ? f->path : "");
	fprintf(out, ", \"line\": %d, \"column\": %d}", line, col);
}

static void one(const diag_list *dl, const diag *d, FILE *out)
{
	fputs("{\"kind\": ", out);
	json_string(out, kind_name(d->kind));
	fputs(", \"message\": ", out);
	json_string(out, d->msg);
	if (d->code)
		fprintf(out, ", \"code\": \"MCC%04d\"", (int)d->code);
	fputs(", \"locations\": [", out);
	if (d->at.file >= 0) {
		fputs("{\"caret\": ", out);
		pos(dl, out, d->at.file, d->at.line, d->at.col);
		fputs(", \"start\": ", out);
		pos(dl, out, d->at.file, d->at.line, d->at.col);
		fputs(", \"finish\": ", out);
		pos(dl, out, d->at.file, d->at.end_line, d->at.end_col);
		fputc('}', out);
	}
	fputs("], \"children\": [", out);
	for (int i = 0; i < d->notes.len; i++) {
		if (i)
			fputs(", ", out);
		one(dl, d->notes.v[i], out);
	}
	fputs("], \"fixits\": [", out);
	if (d->fix_text) {
		/* GCC's "next" is the position just past the replaced range. */
		fputs("{\"start\": ", out);
		pos(dl, out, d->fix_at.file, d->fix_at.line, d->fix_at.col);
		fputs(", \"next\": ", out);
		pos(dl, out, d->fix_at.file, d->fix_at.end_line, d->fix_at.end_col + 1);
		fputs(", \"string\": ", out);
		json_string(out, d->fix_text);
		fputc('}', out);
	}
	fputs("], \"column-origin\": 1, \"escape-source\": false}", out);
}

void diag_render_json(const diag_list *dl, FILE *out)
{
	fputc('[', out);
	for (int i = 0; i < dl->items.len; i++) {
		fputs(i ? ",\n " : "", out);
		one(dl, dl->items.v[i], out);
	}
	fputs("]\n", out);
}
