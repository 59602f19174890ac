/* crunch_gen.c - `crunch DIR': the files under DIR become C data in
 * outdir/crunch_LABEL.c, sorted by path, each with its SHA-256, so the
 * image needs no file system and ETags cost nothing at run time. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "emit.h"
#include "mcc/sha256.h"

typedef struct cfile {
	const char *rel;	/* "css/site.css" */
	const char *full;
	size_t len;		/* as read, so the table matches the data */
} cfile;

/* Collects regular files below dir.  Symbolic links to directories are
 * not followed (no cycles); links to files are read like files. */
static bool walk(mcc_session *s, loc at, const char *dir, const char *rel,
		 ptrvec *out, int depth)
{
	if (depth > 64)
		return true;
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		const char *full = arena_printf(&s->a, "%s/%s", dir, de->d_name);
		const char *r = *rel ? arena_printf(&s->a, "%s/%s", rel, de->d_name)
				     : arena_strdup(&s->a, de->d_name);
		struct stat lst, st;
		if (lstat(full, &lst) || stat(full, &st))
			continue;
		if (S_ISDIR(lst.st_mode)) {
			walk(s, at, full, r, out, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			if (strchr(de->d_name, '\\')) {
				/* Keys with a backslash are refused by every kv_ro
				 * (mcc/kvpath.h): the file could never be read. */
				diag_error(&s->dl, D_CRUNCH_DIR, at,
					   "cannot crunch `%s': a kv_ro key cannot contain "
					   "a backslash", r);
				continue;
			}
			cfile *c = arena_alloc(&s->a, sizeof *c);
			c->rel = r;
			c->full = full;
			ptrvec_push(&s->a, out, c);
		}
	}
	closedir(d);
	return true;
}

static int cmp_cfile(const void *a, const void *b)
{
	const cfile *x = *(cfile *const *)a, *y = *(cfile *const *)b;
	return strcmp(x->rel, y->rel);	/* bytewise, as the runtime searches */
}

/* Writes the bytes as a string literal, 3-digit octal escapes for the
 * unprintable so no escape can swallow the next character. */
static void emit_bytes(FILE *f, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i % 64 == 0)
			fputs(i ? "\"\n\t\"" : "\t\"", f);
		unsigned char c = p[i];
		if (c == '"' || c == '\\' || c == '?' || c < 0x20 || c >= 0x7f)
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputs(n ? "\"" : "\t\"\"", f);
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf = malloc(cap);
	size_t k;
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			unsigned char *nb = realloc(buf, cap *= 2);
			if (!nb) {
				free(buf);
				buf = NULL;
			}
			buf = nb;
		}
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

static int emit_crunch(mcc_session *s, gnode *n)
{
	const char *dir = n->args[0].s;
	const char *path = dir[0] == '/' ? dir :
			   arena_printf(&s->a, "%s/%s", s->o.config_dir, dir);
	struct stat st;
	ptrvec files = { 0 };
	const char *why = NULL;
	if (stat(path, &st))
		why = strerror(errno);
	else if (!S_ISDIR(st.st_mode))
		why = "not a directory";
	else if (!walk(s, src_loc(&s->src, n->at), path, "", &files, 0))
		why = strerror(errno);
	if (why) {
		diag_error(&s->dl, D_CRUNCH_DIR, src_loc(&s->src, n->at),
			   "cannot crunch `%s': %s", dir, why);
		return EXIT_CONFIG;
	}
	if (s->dl.errors)
		return EXIT_CONFIG;
	if (files.len)
		qsort(files.v, (size_t)files.len, sizeof(void *), cmp_cfile);
	const char *name = arena_printf(&s->a, "crunch_%s.c", n->label);
	FILE *f = emit_open(s, name);
	if (!f)
		return EXIT_USAGE;
	fprintf(f, "/* %s - the files of `%s', baked in by mcc. */\n", name, dir);
	fprintf(f, "#include <stddef.h>\n#include \"mcc/crunch.h\"\n\n");
	for (int i = 0; i < files.len; i++) {
		cfile *c = files.v[i];
		size_t len = 0;
		unsigned char *data = read_all(c->full, &len);
		if (!data) {
			diag_error(&s->dl, D_CRUNCH_DIR, src_loc(&s->src, n->at),
				   "cannot read `%s': %s", c->full, strerror(errno));
			fclose(f);
			return EXIT_USAGE;
		}
		uint8_t dg[32];
		char hex[65];
		c->len = len;
		mcc_sha256(data, len, dg);
		mcc_sha256_hex(dg, hex);
		fprintf(f, "/* %s, %zu bytes */\nstatic const unsigned char f%d[%zu] =\n",
			c->rel, len, i, len ? len : 1);
		emit_bytes(f, data, len);
		fprintf(f, ";\nstatic const char h%d[] = \"%s\";\n\n", i, hex);
		free(data);
	}
	fprintf(f, "const mcc_crunch_file mcc_crunch_%s[] = {\n", n->label);
	for (int i = 0; i < files.len; i++) {
		cfile *c = files.v[i];
		emitter e = { f, name, 0 };
		fputs("\t{ ", f);
		emit_cstring(&e, c->rel);
		fprintf(f, ", f%d, %zu, h%d },\n", i, c->len, i);
	}
	if (!files.len)
		fputs("\t{ 0, 0, 0, 0 },\t/* empty directory */\n", f);
	fprintf(f, "};\nconst size_t mcc_crunch_%s_count = %d;\n", n->label, files.len);
	return emit_close(s, f, name);
}

int emit_crunch_all(mcc_session *s, graph *g)
{
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (n->impl && n->impl->crunch) {
			int st = emit_crunch(s, n);
			if (st)
				return st;
		}
	}
	return EXIT_OK;
}
