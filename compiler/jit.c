/* jit.c - `mcc run': configure, compile main.c, the crunch data and the
 * application with libtcc in memory, link them against the runtime
 * library built once by make (libmccrt.a), and call mcc_unikernel_main.
 * Compile errors become diagnostics at the application line, or through
 * the glue's #line directives at the config line. */
#include "config.h"

#include <libtcc.h>
#include <stdlib.h>
#include <string.h>
#include "emit.h"

typedef struct jit_ctx {
	mcc_session *s;
	graph *g;
	int errors;
} jit_ctx;

/* "undefined symbol 'hello_start'" for an application symbol is the
 * config's business: point at the foreign that declared it. */
static bool undefined_foreign(jit_ctx *j, const char *msg)
{
	const char *q = strstr(msg, "undefined symbol '");
	if (!q)
		return false;
	q += strlen("undefined symbol '");
	const char *end = strchr(q, '\'');
	if (!end)
		return false;
	for (int i = 0; i < j->g->nodes.len; i++) {
		gnode *n = j->g->nodes.v[i];
		if (!n->foreign || strncmp(n->foreign->s, q, (size_t)(end - q)) ||
		    n->foreign->s[end - q])
			continue;
		diag *d = diag_error(&j->s->dl, D_C_COMPILE,
				     src_loc(&j->s->src, n->foreign->s_at),
				     "the application does not define `%s'", n->foreign->s);
		diag_note(&j->s->dl, d, loc_none, "define `int %s(...)' in a .c file "
			  "beside the config, or list its file with `sources [...]'",
			  n->foreign->s);
		j->errors++;
		return true;
	}
	return false;
}

/* The file of a message: the config, else the file loaded on demand so
 * the text renderer can show the line. */
static int file_id(mcc_session *s, const char *path)
{
	for (int i = 0; i < s->src.files.len; i++) {
		src_file *f = s->src.files.v[i];
		if (!strcmp(f->path, path))
			return i;
	}
	return src_load(&s->a, &s->src, path, false);
}

/* tcc says "FILE:LINE: error: MSG", "tcc: error: MSG" or
 * "In file included from ...". */
static void on_tcc_message(void *opaque, const char *msg)
{
	jit_ctx *j = opaque;
	mcc_session *s = j->s;
	if (undefined_foreign(j, msg))
		return;
	const char *kind = strstr(msg, ": error: ");
	bool warning = false;
	if (!kind) {
		kind = strstr(msg, ": warning: ");
		warning = kind != NULL;
	}
	if (!kind) {
		if (!strncmp(msg, "In file included from", 21))
			return;
		diag_error(&s->dl, D_C_COMPILE, loc_none, "%s", msg);
		j->errors++;
		return;
	}
	const char *text = kind + (warning ? 11 : 9);
	loc at = loc_none;
	const char *colon = kind - 1;
	while (colon > msg && *colon >= '0' && *colon <= '9')
		colon--;
	if (colon > msg && *colon == ':' && colon < kind - 1) {
		char *path = arena_strndup(&s->a, msg, (size_t)(colon - msg));
		int line = atoi(colon + 1);
		int id = strcmp(path, "tcc") ? file_id(s, path) : -1;
		src_file *f = src_get(&s->src, id);
		if (f) {
			int len;
			const char *l = src_line(f, line, &len);
			int col = 1;
			while (col <= len && (l[col - 1] == ' ' || l[col - 1] == '\t'))
				col++;
			at = (loc){ id, line, col, line, len > col ? len : col };
		}
	}
	if (warning) {
		diag_warn(&s->dl, D_C_COMPILE, at, "%s", text);
	} else {
		diag_error(&s->dl, D_C_COMPILE, at, "%s", text);
		j->errors++;
	}
}

int jit_run(mcc_session *s, graph *g)
{
	int st = backend_unix_configure(s, g);
	if (st)
		return st;
	TCCState *t = tcc_new();
	if (!t) {
		diag_error(&s->dl, D_C_COMPILE, loc_none, "libtcc failed to start");
		return EXIT_CBUILD;
	}
	jit_ctx j = { s, g, 0 };
	tcc_set_error_func(t, &j, on_tcc_message);
	tcc_set_lib_path(t, MCC_TCC_LIBDIR);
	tcc_set_output_type(t, TCC_OUTPUT_MEMORY);
	tcc_add_include_path(t, arena_printf(&s->a, "%s/include", s->o.runtime_dir));
	tcc_add_include_path(t, s->o.runtime_dir);
	tcc_add_include_path(t, s->o.outdir);
	ptrvec files = { 0 }, glue = { 0 };
	mcc_app_sources(s, g, &files);
	mcc_glue_sources(s, g, &glue);
	for (int i = 0; i < glue.len; i++)
		ptrvec_push(&s->a, &files, (void *)arena_printf(&s->a, "%s/%s", s->o.outdir,
							       (char *)glue.v[i]));
	for (int i = 0; i < files.len && !j.errors; i++)
		if (tcc_add_file(t, files.v[i]) < 0 && !j.errors)
			j.errors++;
	if (!j.errors) {
		tcc_add_library_path(t, s->o.libdir);
		if (tcc_add_library(t, "mccrt") < 0) {
			diag_error(&s->dl, D_C_COMPILE, loc_none,
				   "runtime library libmccrt.a not found in `%s'", s->o.libdir);
			j.errors++;
		}
	}
	if (!j.errors && tcc_relocate(t, TCC_RELOCATE_AUTO) < 0)
		j.errors++;
	int (*entry)(int, char **) = NULL;
	if (!j.errors) {
		entry = (int (*)(int, char **))tcc_get_symbol(t, "mcc_unikernel_main");
		if (!entry) {
			diag_error(&s->dl, D_C_COMPILE, loc_none, "no mcc_unikernel_main in the glue");
			j.errors++;
		}
	}
	if (j.errors) {
		tcc_delete(t);
		return EXIT_CBUILD;
	}
	/* Diagnostics so far (warnings) go out before the unikernel talks. */
	char **argv = arena_alloc(&s->a, sizeof(char *) * (size_t)(s->o.run_argc + 2));
	argv[0] = (char *)g->name;
	for (int i = 0; i < s->o.run_argc; i++)
		argv[i + 1] = s->o.run_argv[i];
	fflush(stdout);
	fflush(stderr);
	st = entry(s->o.run_argc + 1, argv);
	fflush(stdout);
	tcc_delete(t);
	return st;
}
