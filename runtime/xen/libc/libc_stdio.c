/* libc_stdio.c - formatting through core's mcc_vsnprintf, output to the
 * guest console (the same one mcc_plat_errlog writes to). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mcc/fmt.h"
#include "xen/common/xen_cons.h"

struct mcc_libc_file { int fd; };
static struct mcc_libc_file files[3] = { {0}, {1}, {2} };
FILE *const stdin = &files[0];
FILE *const stdout = &files[1];
FILE *const stderr = &files[2];

int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	return mcc_vsnprintf(buf, n, fmt, ap);
}

int snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = mcc_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return mcc_vsnprintf(buf, (size_t)-1 / 2, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsprintf(buf, fmt, ap);
	va_end(ap);
	return r;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	if (f == stdin)
		return -1;
	char small[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = mcc_vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0) {
		va_end(ap2);
		return n;
	}
	if ((size_t)n < sizeof small) {
		mcc_xen_cons_write(small, (size_t)n);
	} else {
		/* Long output: format again into a buffer of the right size. */
		char *b = malloc((size_t)n + 1);
		if (b) {
			mcc_vsnprintf(b, (size_t)n + 1, fmt, ap2);
			mcc_xen_cons_write(b, (size_t)n);
			free(b);
		} else {
			mcc_xen_cons_write(small, sizeof small - 1);
		}
	}
	va_end(ap2);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	if (f == stdin || size == 0)
		return 0;
	mcc_xen_cons_write(p, size * n);
	return n;
}

int fputs(const char *s, FILE *f)
{
	return fwrite(s, 1, strlen(s), f) ? 0 : EOF;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF)
		return EOF;
	return fputc('\n', stdout);
}

int fputc(int c, FILE *f)
{
	char ch = (char)c;
	return fwrite(&ch, 1, 1, f) ? (unsigned char)c : EOF;
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fflush(FILE *f)
{
	(void)f;
	mcc_xen_cons_flush();
	return 0;
}
