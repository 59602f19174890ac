/* mcc_src.c - see mcc_src.h. */
#include "mcc_src.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const loc loc_none = { -1, 0, 0, 0, 0 };

int src_add(arena *a, src_set *s, const char *path, const char *text,
	    size_t len, bool is_stdlib)
{
	src_file *f = arena_alloc(a, sizeof *f);
	f->path = arena_strdup(a, path);
	f->text = arena_strndup(a, text, len);
	f->len = len;
	f->is_stdlib = is_stdlib;
	int n = 1;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	f->line_start = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
	f->line_start[0] = 0;
	int k = 1;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			f->line_start[k++] = (int)i + 1;
	f->nlines = n;
	ptrvec_push(a, &s->files, f);
	return s->files.len - 1;
}

int src_load(arena *a, src_set *s, const char *path, bool is_stdlib)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (len == cap) {
			cap *= 2;
			char *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(fp);
				errno = ENOMEM;
				return -1;
			}
			buf = nb;
		}
		size_t n = fread(buf + len, 1, cap - len, fp);
		if (n == 0)
			break;
		len += n;
	}
	int err = ferror(fp);
	fclose(fp);
	if (err) {
		free(buf);
		errno = EIO;
		return -1;
	}
	int id = src_add(a, s, path, buf, len, is_stdlib);
	free(buf);
	return id;
}

src_file *src_get(const src_set *s, int file)
{
	if (file < 0 || file >= s->files.len)
		return NULL;
	return s->files.v[file];
}

const char *src_line(const src_file *f, int line, int *len)
{
	if (line < 1 || line > f->nlines) {
		*len = 0;
		return "";
	}
	int start = f->line_start[line - 1];
	int end = line < f->nlines ? f->line_start[line] - 1 : (int)f->len;
	if (end > start && f->text[end - 1] == '\r')
		end--;
	*len = end - start;
	return f->text + start;
}

loc loc_span(loc a, loc b)
{
	if (a.file < 0)
		return b;
	if (b.file < 0 || b.file != a.file)
		return a;
	loc r = a;
	r.end_line = b.end_line;
	r.end_col = b.end_col;
	return r;
}
