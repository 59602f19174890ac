/* http/http_path.c - percent-decoding and dot-segment removal for
 * request paths, rejecting anything that could escape the root. */
#include "http/http_parse.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int mcc_http_normalize_path(const char *t, size_t tlen, char *out, size_t cap)
{
	size_t o = 0;

	if (tlen == 0 || t[0] != '/' || cap < 2)
		return -400;
	/* Decode first, so that %2e%2e and %2f take part in the
	 * normalisation below like their plain forms. */
	for (size_t i = 0; i < tlen; i++) {
		char c = t[i];
		if (c == '%') {
			int hi, lo;
			if (i + 2 >= tlen || (hi = hexval(t[i + 1])) < 0 ||
			    (lo = hexval(t[i + 2])) < 0)
				return -400;
			c = (char)(hi * 16 + lo);
			if (c == 0)
				return -400;
			i += 2;
		}
		if (o + 1 >= cap)
			return -414;
		out[o++] = c;
	}
	out[o] = 0;

	/* Remove "." and empty segments, resolve "..": in place, since the
	 * output never outgrows the input. */
	size_t r = 0, w = 0;
	bool trailing = o > 1 && out[o - 1] == '/';
	while (r < o) {
		while (r < o && out[r] == '/')
			r++;
		size_t s = r;
		while (r < o && out[r] != '/')
			r++;
		size_t n = r - s;
		if (n == 0 || (n == 1 && out[s] == '.'))
			continue;
		if (n == 2 && out[s] == '.' && out[s + 1] == '.') {
			if (w == 0)
				return -400;    /* above the root */
			while (w > 0 && out[w - 1] != '/')
				w--;
			if (w > 0)
				w--;            /* drop the '/' too */
			continue;
		}
		out[w++] = '/';
		for (size_t k = 0; k < n; k++)
			out[w++] = out[s + k];
	}
	if (w == 0 || trailing)
		out[w++] = '/';
	out[w] = 0;
	return 0;
}
