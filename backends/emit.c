/* emit.c - the generated glue (main.c) and the file plumbing shared by
 * the backends. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emit.h"

void emit(emitter *e, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof buf) {
		char *big = malloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		fputs(big, e->f);
		for (char *p = big; *p; p++)
			e->line += *p == '\n';
		free(big);
		return;
	}
	fputs(buf, e->f);
	for (char *p = buf; *p; p++)
		e->line += *p == '\n';
}

void emit_cstring(emitter *e, const char *s)
{
	fputc('"', e->f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(e->f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", e->f);
		else if (*p < 0x20 || *p == 0x7f || *p == '?')
			fprintf(e->f, "\\%03o", *p);
		else
			fputc(*p, e->f);
	}
	fputc('"', e->f);
}

const char *emit_abspath(mcc_session *s, const char *p)
{
	if (p[0] == '/')
		return p;
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return p;
	/* Drop a leading "./" so paths read naturally. */
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	if (!strcmp(p, "."))
		return arena_strdup(&s->a, cwd);
	return arena_printf(&s->a, "%s/%s", cwd, p);
}

void emit_line_to(emitter *e, mcc_session *s, loc at)
{
	src_file *f = src_get(&s->src, at.file);
	if (!f)
		return;
	fprintf(e->f, "#line %d ", at.line);
	emit_cstring(e, f->path);
	fputc('\n', e->f);
	e->line++;
}

void emit_line_back(emitter *e)
{
	/* The directive is on line e->line and numbers the line after it. */
	fprintf(e->f, "#line %d \"%s\"\n", e->line + 1, e->name);
	e->line++;
}

bool emit_mkdirs(mcc_session *s, const char *dir)
{
	char *p = arena_strdup(&s->a, dir);
	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = 0;
		if (mkdir(p, 0777) && errno != EEXIST)
			goto fail;
		*q = '/';
	}
	if (mkdir(p, 0777) && errno != EEXIST)
		goto fail;
	return true;
fail:
	diag_error(&s->dl, D_IO, loc_none, "cannot create directory `%s': %s", p,
		   strerror(errno));
	return false;
}

FILE *emit_open(mcc_session *s, const char *name)
{
	const char *path = arena_printf(&s->a, "%s/%s.tmp", s->o.outdir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		diag_error(&s->dl, D_IO, loc_none, "cannot write `%s': %s", path,
			   strerror(errno));
	return f;
}

static bool same_contents(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	bool same = fa && fb;
	while (same) {
		char ba[8192], bb[8192];
		size_t na = fread(ba, 1, sizeof ba, fa), nb = fread(bb, 1, sizeof bb, fb);
		if (na != nb || memcmp(ba, bb, na))
			same = false;
		if (na == 0)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

int emit_close(mcc_session *s, FILE *f, const char *name)
{
	const char *tmp = arena_printf(&s->a, "%s/%s.tmp", s->o.outdir, name);
	const char *path = arena_printf(&s->a, "%s/%s", s->o.outdir, name);
	if (fclose(f) != 0) {
		diag_error(&s->dl, D_IO, loc_none, "cannot write `%s': %s", tmp,
			   strerror(errno));
		return EXIT_USAGE;
	}
	if (same_contents(tmp, path)) {
		unlink(tmp);
		return EXIT_OK;
	}
	if (rename(tmp, path)) {
		diag_error(&s->dl, D_IO, loc_none, "cannot write `%s': %s", path,
			   strerror(errno));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* ---- source lists ----------------------------------------------------- */

static void push_unique(arena *a, ptrvec *v, const char *s)
{
	for (int i = 0; i < v->len; i++)
		if (!strcmp(v->v[i], s))
			return;
	ptrvec_push(a, v, (void *)s);
}

void mcc_runtime_sources(mcc_session *s, graph *g, ptrvec *out)
{
	ptrvec plats = { 0 };
	prog_platform_impls(&s->prog, g->tgt, &plats);
	for (int i = 0; i < plats.len; i++) {
		impl_decl *im = plats.v[i];
		for (int j = 0; j < im->sources.len; j++)
			push_unique(&s->a, out, im->sources.v[j]);
	}
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (!n->impl)
			continue;
		for (int j = 0; j < n->impl->sources.len; j++)
			push_unique(&s->a, out, n->impl->sources.v[j]);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void mcc_app_sources(mcc_session *s, graph *g, ptrvec *out)
{
	bool listed = false;
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (!n->foreign || !n->foreign->sources.len)
			continue;
		listed = true;
		for (int j = 0; j < n->foreign->sources.len; j++) {
			const char *src = n->foreign->sources.v[j];
			push_unique(&s->a, out, src[0] == '/' ? src :
				    emit_abspath(s, arena_printf(&s->a, "%s/%s",
								 s->o.config_dir, src)));
		}
	}
	if (listed)
		return;
	/* Default: every .c file beside the config, in name order. */
	DIR *d = opendir(s->o.config_dir);
	if (!d)
		return;
	ptrvec names = { 0 };
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n > 2 && !strcmp(de->d_name + n - 2, ".c") && de->d_name[0] != '.')
			ptrvec_push(&s->a, &names, arena_strdup(&s->a, de->d_name));
	}
	closedir(d);
	if (names.len)
		qsort(names.v, (size_t)names.len, sizeof(void *), cmp_str);
	for (int i = 0; i < names.len; i++)
		push_unique(&s->a, out, emit_abspath(s, arena_printf(&s->a, "%s/%s",
					s->o.config_dir, (char *)names.v[i])));
}

void mcc_glue_sources(mcc_session *s, graph *g, ptrvec *out)
{
	ptrvec_push(&s->a, out, "main.c");
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (n->impl && n->impl->crunch)
			ptrvec_push(&s->a, out, arena_printf(&s->a, "crunch_%s.c", n->label));
	}
}
