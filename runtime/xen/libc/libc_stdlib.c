/* libc_stdlib.c - number parsing, qsort, abort/exit, errno, assert. */
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include "mcc/platform.h"
#include "xen/common/xen_plat.h"
#include "xen/common/xen_cons.h"

int errno;

_Noreturn void abort(void)
{
	mcc_xen_panic("abort() called");
}

_Noreturn void exit(int status)
{
	mcc_plat_exit(status);
}

_Noreturn void mcc_libc_assert_fail(const char *expr, const char *file, int line)
{
	char num[12];
	int i = (int)sizeof num - 1;
	num[i] = 0;
	unsigned v = line > 0 ? (unsigned)line : 0;
	do {
		num[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v && i > 0);
	mcc_xen_cons_puts("mcc: assertion failed: ");
	mcc_xen_cons_puts(expr);
	mcc_xen_cons_puts(" at ");
	mcc_xen_cons_puts(file);
	mcc_xen_cons_puts(":");
	mcc_xen_cons_puts(num + i);
	mcc_xen_cons_puts("\n");
	abort();
}

int abs(int v) { return v < 0 ? -v : v; }
long labs(long v) { return v < 0 ? -v : v; }

/* Parse an unsigned magnitude; *neg tells the sign; *overflow is set
 * when it does not fit in unsigned long long. */
static unsigned long long parse(const char *s, char **end, int base,
				int *neg, int *overflow)
{
	const char *p = s;
	*neg = 0;
	*overflow = 0;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    isxdigit((unsigned char)p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	if (base < 2 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	unsigned long long v = 0;
	const char *digits = p;
	for (;; p++) {
		int c = (unsigned char)*p, d;
		if (isdigit(c))
			d = c - '0';
		else if (isalpha(c))
			d = tolower(c) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		if (v > (ULLONG_MAX - (unsigned)d) / (unsigned)base)
			*overflow = 1;
		v = v * (unsigned)base + (unsigned)d;
	}
	if (end)
		*end = (char *)(p == digits ? s : p);
	return v;
}

long long strtoll(const char *s, char **end, int base)
{
	int neg, of;
	unsigned long long v = parse(s, end, base, &neg, &of);
	if (of || v > (unsigned long long)LLONG_MAX + neg) {
		errno = ERANGE;
		return neg ? LLONG_MIN : LLONG_MAX;
	}
	return neg ? (long long)(0 - v) : (long long)v;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg, of;
	unsigned long long v = parse(s, end, base, &neg, &of);
	if (of) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? 0 - v : v;
}

long strtol(const char *s, char **end, int base)
{
	long long v = strtoll(s, end, base);
	if (v > LONG_MAX) {
		errno = ERANGE;
		return LONG_MAX;
	}
	if (v < LONG_MIN) {
		errno = ERANGE;
		return LONG_MIN;
	}
	return (long)v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	unsigned long long v = strtoull(s, end, base);
	if (v > ULONG_MAX) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return (unsigned long)v;
}

int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
long atol(const char *s) { return strtol(s, NULL, 10); }

/* Shell sort: no recursion, no allocation, n log^2 n is plenty here. */
void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *))
{
	unsigned char *b = base;
	for (size_t gap = n / 2; gap > 0; gap /= 2)
		for (size_t i = gap; i < n; i++)
			for (size_t j = i; j >= gap &&
			     cmp(b + (j - gap) * size, b + j * size) > 0; j -= gap)
				for (size_t k = 0; k < size; k++) {
					unsigned char t = b[(j - gap) * size + k];
					b[(j - gap) * size + k] = b[j * size + k];
					b[j * size + k] = t;
				}
}

const char *strerror(int err)
{
	switch (err) {
	case 0: return "Success";
	case EINVAL: return "Invalid argument";
	case ENOMEM: return "Out of memory";
	case ERANGE: return "Result out of range";
	default: return "Unknown error";
	}
}
