/* stdio.h - the Xen runtime's subset: formatting (core's mcc_vsnprintf)
 * and output to the console.  There are no files: stdout and stderr both
 * write to the guest console, stdin reads nothing. */
#ifndef MCC_LIBC_STDIO_H
#define MCC_LIBC_STDIO_H

#include <stddef.h>
#include <stdarg.h>

typedef struct mcc_libc_file FILE;
extern FILE *const stdin, *const stdout, *const stderr;
#define EOF (-1)

int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int snprintf(char *buf, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsprintf(char *buf, const char *fmt, va_list ap);
int sprintf(char *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int vfprintf(FILE *f, const char *fmt, va_list ap);
int fprintf(FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int vprintf(const char *fmt, va_list ap);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fputs(const char *s, FILE *f);
int puts(const char *s);
int fputc(int c, FILE *f);
int putchar(int c);
#define putc fputc
int fflush(FILE *f);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);

#endif
