/* http/http_str.h - the few string helpers HTTP needs, inline and
 * libc-free (http/ also runs freestanding). */
#ifndef MCC_HTTP_STR_H
#define MCC_HTTP_STR_H

#include <stddef.h>
#include <stdbool.h>

static inline char hs_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static inline size_t hs_len(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

static inline bool hs_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Case-insensitive equality (ASCII). */
static inline bool hs_ieq(const char *a, const char *b)
{
	while (*a && hs_lower(*a) == hs_lower(*b))
		a++, b++;
	return hs_lower(*a) == hs_lower(*b);
}

/* Does the comma-separated list s contain token t (case-insensitive)? */
static inline bool hs_list_has(const char *s, const char *t)
{
	size_t tl = hs_len(t);
	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == ',')
			s++;
		const char *e = s;
		while (*e && *e != ',')
			e++;
		const char *end = e;
		while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if ((size_t)(end - s) == tl) {
			size_t i = 0;
			while (i < tl && hs_lower(s[i]) == hs_lower(t[i]))
				i++;
			if (i == tl)
				return true;
		}
		s = e;
	}
	return false;
}

static inline bool hs_ends_with(const char *s, const char *suffix)
{
	size_t a = hs_len(s), b = hs_len(suffix);
	return a >= b && hs_eq(s + a - b, suffix);
}

#endif
