/* stdlib.h - the Xen runtime's freestanding subset. */
#ifndef MCC_LIBC_STDLIB_H
#define MCC_LIBC_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

void *malloc(size_t n);
void *calloc(size_t count, size_t n);
void *realloc(void *p, size_t n);
void free(void *p);
_Noreturn void abort(void);
/* Stops the unikernel (domain shutdown) with status. */
_Noreturn void exit(int status);
int abs(int v);
long labs(long v);
int atoi(const char *s);
long atol(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *));

#endif
