/* mcc_src.c - see mcc_src.h. */
#include "mcc_src.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const loc loc_none = { -1, 0, 0, 0, 0 };
const sloc sloc_none = { 0, 0 };

/* Adds a file whose text (NUL-terminated) is already in the arena. */
static int src_adopt(arena *a, src_set *s, const char *path, const char *text,
		     size_t len, bool is_stdlib)
{
	uint32_t base = s->next_base ? s->next_base : 1;
	if (len >= UINT32_MAX - base) {
		errno = EFBIG;
		return -1;
	}
	s->next_base = base + (uint32_t)len + 1;
	src_file *f = arena_alloc(a, sizeof *f);
	f->base = base;
	f->path = arena_strdup(a, path);
	f->text = text;
	f->len = len;
	f->is_stdlib = is_stdlib;
	int n = 1;
	for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
		n++;
	f->line_start = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
	f->line_start[0] = 0;
	int k = 1;
	for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
		f->line_start[k++] = (int)(p - text) + 1;
	f->nlines = n;
	ptrvec_push(a, &s->files, f);
	return s->files.len - 1;
}

int src_add(arena *a, src_set *s, const char *path, const char *text,
	    size_t len, bool is_stdlib)
{
	if (len >= UINT32_MAX) {
		errno = EFBIG;
		return -1;
	}
	return src_adopt(a, s, path, arena_strndup(a, text, len), len, is_stdlib);
}

/* A regular file is read straight into the arena, so its text is copied
 * once, not twice.  -2 when it cannot be (not a regular file, or it
 * changed size while being read): the caller reads it as a stream. */
static int src_load_regular(arena *a, src_set *s, const char *path, FILE *fp,
			    bool is_stdlib)
{
	struct stat st;
	if (fstat(fileno(fp), &st) || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size >= UINT32_MAX)
		return -2;
	size_t want = (size_t)st.st_size;
	char *text = arena_alloc_raw(a, want + 1);
	size_t n = fread(text, 1, want + 1, fp);
	if (ferror(fp) || n != want) {
		rewind(fp);
		return -2;
	}
	text[n] = 0;
	return src_adopt(a, s, path, text, n, is_stdlib);
}

int src_load(arena *a, src_set *s, const char *path, bool is_stdlib)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	int id = src_load_regular(a, s, path, fp, is_stdlib);
	if (id != -2) {
		fclose(fp);
		return id;
	}
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
	id = src_add(a, s, path, buf, len, is_stdlib);
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

int src_file_of(const src_set *s, sloc at)
{
	if (!at.begin)
		return -1;
	/* Files are added in offset order: the last one starting at or
	 * before the offset holds it. */
	int lo = 0, hi = s->files.len - 1, found = -1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		const src_file *f = s->files.v[mid];
		if (f->base <= at.begin) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

/* Line and column of byte off (relative to the file, at most len): the
 * column counts the characters before it on its line, as the scanner
 * does (UTF-8 continuation bytes do not start a column). */
static void line_col(const src_file *f, size_t off, int *line, int *col)
{
	int lo = 0, hi = f->nlines - 1;
	while (lo < hi) {
		int mid = lo + (hi - lo + 1) / 2;
		if ((size_t)f->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	int c = 1;
	for (size_t i = (size_t)f->line_start[lo]; i < off; i++)
		c += ((unsigned char)f->text[i] & 0xc0) != 0x80;
	*line = lo + 1;
	*col = c;
}

loc src_loc(const src_set *s, sloc at)
{
	int file = src_file_of(s, at);
	if (file < 0)
		return loc_none;
	const src_file *f = s->files.v[file];
	size_t b = at.begin - f->base, e = at.end >= f->base ? at.end - f->base : b;
	if (b > f->len)
		b = f->len;
	if (e > f->len)
		e = f->len;
	loc r = { file, 0, 0, 0, 0 };
	line_col(f, b, &r.line, &r.col);
	line_col(f, e, &r.end_line, &r.end_col);
	return r;
}

sloc sloc_span(sloc a, sloc b)
{
	if (!a.begin)
		return b;
	if (!b.begin)
		return a;
	return (sloc){ a.begin, b.end };
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
