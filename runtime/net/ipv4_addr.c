/* net/ipv4_addr.c - dotted-quad and CIDR text for IPv4 addresses. */
#include "mcc/ipv4.h"

/* Parse a decimal 0..255 at *s, advancing it. */
static int octet(const char **s, unsigned *out)
{
	const char *p = *s;
	unsigned v = 0;
	int digits = 0;

	while (*p >= '0' && *p <= '9' && digits < 4) {
		v = v * 10 + (unsigned)(*p - '0');
		p++;
		digits++;
	}
	if (digits == 0 || digits > 3 || v > 255 ||
	    (digits > 1 && **s == '0'))   /* no octal-looking 010 */
		return -MCC_EINVAL;
	*s = p;
	*out = v;
	return 0;
}

static int parse_quad(const char **s, mcc_ipv4_addr *out)
{
	mcc_ipv4_addr a = 0;

	for (int i = 0; i < 4; i++) {
		unsigned v;
		if (i > 0 && *(*s)++ != '.')
			return -MCC_EINVAL;
		if (octet(s, &v) < 0)
			return -MCC_EINVAL;
		a = a << 8 | v;
	}
	*out = a;
	return 0;
}

int mcc_ipv4_parse_addr(const char *s, mcc_ipv4_addr *out)
{
	if (!s || parse_quad(&s, out) < 0 || *s)
		return -MCC_EINVAL;
	return 0;
}

int mcc_ipv4_parse_cidr(const char *s, mcc_ipv4_addr *addr, int *prefix)
{
	unsigned len;

	if (!s || parse_quad(&s, addr) < 0)
		return -MCC_EINVAL;
	if (*s == 0) {
		*prefix = 32;
		return 0;
	}
	if (*s++ != '/' || *s == 0)
		return -MCC_EINVAL;
	len = 0;
	for (int d = 0; *s; d++, s++) {
		if (*s < '0' || *s > '9' || d >= 2)
			return -MCC_EINVAL;
		len = len * 10 + (unsigned)(*s - '0');
	}
	if (len > 32)
		return -MCC_EINVAL;
	*prefix = (int)len;
	return 0;
}

char *mcc_ipv4_format(mcc_ipv4_addr a, char buf[16])
{
	char *p = buf;

	for (int i = 3; i >= 0; i--) {
		unsigned v = (a >> (i * 8)) & 0xff;
		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
		if (i)
			*p++ = '.';
	}
	*p = 0;
	return buf;
}
