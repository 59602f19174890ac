/* diag_sarif.c - SARIF 2.1.0: one run, the codes used as rules, each
 * diagnostic a result with its notes as relatedLocations and its fix-it
 * as a fix.  SARIF regions use an exclusive endColumn. */
#include "diag.h"

static const char *level(diag_kind k)
{
	return k == DIAG_ERROR ? "error" : k == DIAG_WARNING ? "warning" : "note";
}

static void region_loc(const diag_list *dl, FILE *out, loc at)
{
	src_file *f = src_get(dl->src, at.file);
	fputs("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
	json_string(out, f ? f->path : "");
	fprintf(out, "}, \"region\": {\"startLine\": %d, \"startColumn\": %d, "
		"\"endLine\": %d, \"endColumn\": %d}}", at.line, at.col,
		at.end_line, at.end_col + 1);
}

static void result(const diag_list *dl, const diag *d, FILE *out)
{
	fprintf(out, "{\"ruleId\": \"MCC%04d\", \"level\": \"%s\", \"message\": {\"text\": ",
		(int)d->code, level(d->kind));
	json_string(out, d->msg);
	fputs("}, \"locations\": [", out);
	if (d->at.file >= 0) {
		region_loc(dl, out, d->at);
		fputc('}', out);
	}
	fputs("]", out);
	if (d->notes.len) {
		fputs(", \"relatedLocations\": [", out);
		int n = 0;
		for (int i = 0; i < d->notes.len; i++) {
			diag *note = d->notes.v[i];
			if (n++)
				fputs(", ", out);
			if (note->at.file >= 0) {
				region_loc(dl, out, note->at);
				fputs(", \"message\": {\"text\": ", out);
			} else {
				fputs("{\"message\": {\"text\": ", out);
			}
			json_string(out, note->msg);
			fputs("}}", out);
		}
		fputc(']', out);
	}
	if (d->fix_text) {
		src_file *f = src_get(dl->src, d->fix_at.file);
		fputs(", \"fixes\": [{\"artifactChanges\": [{\"artifactLocation\": {\"uri\": ", out);
		json_string(out, f ? f->path : "");
		fprintf(out, "}, \"replacements\": [{\"deletedRegion\": {\"startLine\": %d, "
			"\"startColumn\": %d, \"endLine\": %d, \"endColumn\": %d}, "
			"\"insertedContent\": {\"text\": ", d->fix_at.line, d->fix_at.col,
			d->fix_at.end_line, d->fix_at.end_col + 1);
		json_string(out, d->fix_text);
		fputs("}}]}]}]", out);
	}
	fputc('}', out);
}

void diag_render_sarif(const diag_list *dl, FILE *out, const char *version)
{
	fputs("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", "
	      "\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {"
	      "\"name\": \"mcc\", \"version\": ", out);
	json_string(out, version);
	fputs(", \"rules\": [", out);
	int n = 0;
#define X(name, num, desc) \
	fprintf(out, "%s{\"id\": \"MCC%04d\", \"name\": \"%s\", " \
		"\"shortDescription\": {\"text\": \"%s\"}}", n++ ? ", " : "", \
		num, #name, desc);
	DIAG_CODES(X)
#undef X
	fputs("]}}, \"columnKind\": \"unicodeCodePoints\", \"results\": [", out);
	for (int i = 0; i < dl->items.len; i++) {
		fputs(i ? ",\n " : "", out);
		result(dl, dl->items.v[i], out);
	}
	fputs("]}]}\n", out);
}
