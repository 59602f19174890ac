/* core/fmt.c - mcc_vsnprintf: printf for the freestanding runtime.
 *
 * One pass over the format; every conversion is rendered into a small
 * local buffer, then padded into the output.  Floating point works on a
 * decimal significand of 16 digits held in a uint64_t, which is exact
 * enough for logs and HTTP headers and needs no libm. */
#include <stdint.h>
#include <stdbool.h>
#include "mcc/fmt.h"
#include "core/mem.h"

typedef struct fmt_out {
	char *buf;
	size_t cap;
	size_t len;     /* bytes produced so far, even past cap */
} fmt_out;

typedef struct fmt_spec {
	bool minus, zero, plus, space, alt;
	int width;      /* 0 when absent */
	int prec;       /* -1 when absent */
} fmt_spec;

enum { FMT_PREC_MAX = 60 };   /* cap on float precision: bounds buffers */

static void fmt_put(fmt_out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++, o->len++)
		if (o->len + 1 < o->cap)
			o->buf[o->len] = s[i];
}

static void fmt_fill(fmt_out *o, char c, int n)
{
	while (n-- > 0)
		fmt_put(o, &c, 1);
}

/* Emit prefix (sign, 0x) then body, padded to the width: spaces on the
 * left or right, or zeros between prefix and body. */
static void fmt_pad(fmt_out *o, const fmt_spec *sp, const char *pre,
		    const char *body, size_t blen, bool zero_ok)
{
	size_t plen = mcc_strlen(pre);
	int pad = sp->width - (int)(plen + blen);
	if (!sp->minus && !(sp->zero && zero_ok))
		fmt_fill(o, ' ', pad);
	fmt_put(o, pre, plen);
	if (!sp->minus && sp->zero && zero_ok)
		fmt_fill(o, '0', pad);
	fmt_put(o, body, blen);
	if (sp->minus)
		fmt_fill(o, ' ', pad);
}

static void fmt_int(fmt_out *o, const fmt_spec *sp, uint64_t v, bool neg,
		    unsigned base, bool upper, bool is_signed, bool is_ptr)
{
	const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	bool nonzero = v != 0;
	char tmp[96];
	int n = 0;
	while (v) {
		tmp[n++] = dig[v % base];
		v /= base;
	}
	/* Precision is a minimum digit count; "%.0d" of 0 prints nothing. */
	int prec = sp->prec < 0 ? 1 : (sp->prec > 64 ? 64 : sp->prec);
	while (n < prec)
		tmp[n++] = '0';
	if (base == 8 && sp->alt && (n == 0 || tmp[n - 1] != '0'))
		tmp[n++] = '0';
	char body[96];
	for (int i = 0; i < n; i++)
		body[i] = tmp[n - 1 - i];
	const char *pre = "";
	if (is_signed)
		pre = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
	else if (is_ptr || (base == 16 && sp->alt && nonzero))
		pre = upper ? "0X" : "0x";
	fmt_pad(o, sp, pre, body, (size_t)n, sp->prec < 0);
}

/* --- floating point ---------------------------------------------------- */

/* A finite non-negative double as 16 decimal digits d[0..15], d[0] being
 * the digit of 10^exp (d[0] != '0' unless the value is 0). */
typedef struct fmt_dec {
	char d[17];
	int exp;        /* decimal exponent of d[0] */
} fmt_dec;

static const double fmt_pow10_big[] = { 1e256, 1e128, 1e64, 1e32, 1e16, 1e8, 1e4, 1e2, 1e1 };
static const int fmt_pow10_exp[] = { 256, 128, 64, 32, 16, 8, 4, 2, 1 };

static void fmt_decompose(double v, fmt_dec *out)
{
	int e = 0;
	if (v == 0) {
		mcc_memset(out->d, '0', 16);
		out->exp = 0;
		return;
	}
	/* Scale into [1, 10) with few multiplications, to limit rounding. */
	for (int i = 0; i < 9; i++)
		if (v >= fmt_pow10_big[i]) {
			v /= fmt_pow10_big[i];
			e += fmt_pow10_exp[i];
		}
	for (int i = 0; i < 9; i++)
		if (v * fmt_pow10_big[i] < 10) {
			v *= fmt_pow10_big[i];
			e -= fmt_pow10_exp[i];
		}
	while (v < 1) {          /* subnormals need one more step */
		v *= 10;
		e--;
	}
	uint64_t m = (uint64_t)(v * 1e15 + 0.5);
	if (m >= 10000000000000000ull) {
		m /= 10;
		e++;
	}
	for (int i = 15; i >= 0; i--) {
		out->d[i] = (char)('0' + m % 10);
		m /= 10;
	}
	out->exp = e;
}

/* Round to n significant digits (0 <= n <= 16), half up; a carry out of
 * the first digit bumps the exponent.  n == 0 keeps one digit that is 1
 * when the value rounds up to 10^(exp+1), else 0 (used by %f). */
static void fmt_round(fmt_dec *x, int n)
{
	if (n >= 16)
		return;
	bool up = x->d[n] >= '5';
	for (int i = n; i < 16; i++)
		x->d[i] = '0';
	if (!up)
		return;
	int i = n - 1;
	while (i >= 0 && x->d[i] == '9')
		x->d[i--] = '0';
	if (i >= 0) {
		x->d[i]++;
		return;
	}
	/* 9.99 -> 10.0: shift in a leading 1. */
	x->d[0] = '1';
	for (int k = 1; k < 16; k++)
		x->d[k] = '0';
	x->exp++;
}

static char fmt_digit_at(const fmt_dec *x, int pos)
{
	/* pos is a power of ten; d[0] sits at x->exp. */
	int idx = x->exp - pos;
	return idx >= 0 && idx < 16 ? x->d[idx] : '0';
}

static size_t fmt_fixed(char *b, const fmt_dec *x, int prec, bool alt)
{
	size_t n = 0;
	for (int pos = x->exp > 0 ? x->exp : 0; pos >= 0; pos--)
		b[n++] = fmt_digit_at(x, pos);
	if (prec > 0 || alt)
		b[n++] = '.';
	for (int k = 1; k <= prec; k++)
		b[n++] = fmt_digit_at(x, -k);
	return n;
}

static size_t fmt_sci(char *b, const fmt_dec *x, int prec, bool alt, bool upper)
{
	size_t n = 0;
	b[n++] = x->d[0];
	if (prec > 0 || alt)
		b[n++] = '.';
	for (int k = 1; k <= prec; k++)
		b[n++] = k < 16 ? x->d[k] : '0';
	b[n++] = upper ? 'E' : 'e';
	int e = x->exp;
	b[n++] = e < 0 ? '-' : '+';
	if (e < 0)
		e = -e;
	char t[8];
	int tn = 0;
	do {
		t[tn++] = (char)('0' + e % 10);
		e /= 10;
	} while (e);
	if (tn < 2)
		t[tn++] = '0';
	while (tn)
		b[n++] = t[--tn];
	return n;
}

/* Drop trailing fraction zeros (and a bare point) for %g. */
static size_t fmt_trim(char *b, size_t n)
{
	size_t dot = n, end = n;
	for (size_t i = 0; i < n; i++)
		if (b[i] == '.') {
			dot = i;
			break;
		}
	if (dot == n)
		return n;
	size_t epos = n;
	for (size_t i = dot; i < n; i++)
		if (b[i] == 'e' || b[i] == 'E') {
			epos = i;
			break;
		}
	end = epos;
	while (end > dot + 1 && b[end - 1] == '0')
		end--;
	if (end == dot + 1)
		end = dot;
	size_t tail = n - epos;
	for (size_t i = 0; i < tail; i++)
		b[end + i] = b[epos + i];
	return end + tail;
}

static void fmt_float(fmt_out *o, const fmt_spec *sp, double v, char conv)
{
	bool upper = conv == 'F' || conv == 'E' || conv == 'G';
	union { double d; uint64_t u; } bits = { v };
	bool neg = bits.u >> 63;
	const char *pre = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
	if (v != v) {
		fmt_pad(o, sp, pre, upper ? "NAN" : "nan", 3, false);
		return;
	}
	if (neg)
		v = -v;
	if (v > 1.7976931348623157e308) {
		fmt_pad(o, sp, pre, upper ? "INF" : "inf", 3, false);
		return;
	}
	int prec = sp->prec < 0 ? 6 : sp->prec > FMT_PREC_MAX ? FMT_PREC_MAX : sp->prec;
	char b[400];
	size_t n;
	fmt_dec x;
	fmt_decompose(v, &x);
	if (conv == 'f' || conv == 'F') {
		int sig = x.exp + 1 + prec;   /* significant digits kept */
		if (sig < 0) {
			mcc_memset(x.d, '0', 16);
		} else if (sig == 0) {
			/* Only the rounding digit is left: 0.0006 at %.3f -> 0.001. */
			bool up = x.d[0] >= '5';
			mcc_memset(x.d, '0', 16);
			if (up) {
				x.d[0] = '1';
				x.exp++;
			}
		} else {
			fmt_round(&x, sig);
		}
		n = fmt_fixed(b, &x, prec, sp->alt);
	} else if (conv == 'e' || conv == 'E') {
		fmt_round(&x, prec + 1);
		n = fmt_sci(b, &x, prec, sp->alt, upper);
	} else {
		int p = prec == 0 ? 1 : prec;
		fmt_round(&x, p);
		int e = v == 0 ? 0 : x.exp;
		if (e >= -4 && e < p)
			n = fmt_fixed(b, &x, p - 1 - e, sp->alt);
		else
			n = fmt_sci(b, &x, p - 1, sp->alt, upper);
		if (!sp->alt)
			n = fmt_trim(b, n);
	}
	fmt_pad(o, sp, pre, b, n, true);
}

/* --- the driver ----------------------------------------------------------- */

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T, LEN_BIGL };

static int fmt_number(const char **pp)
{
	int v = 0;
	while (**pp >= '0' && **pp <= '9') {
		if (v < 100000)
			v = v * 10 + (**pp - '0');
		(*pp)++;
	}
	return v;
}

static int64_t fmt_arg_signed(va_list *ap, int len)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(*ap, int);
	case LEN_H: return (short)va_arg(*ap, int);
	case LEN_L: return va_arg(*ap, long);
	case LEN_LL: return va_arg(*ap, long long);
	case LEN_Z: return va_arg(*ap, ptrdiff_t);  /* as wide as ssize_t */
	case LEN_J: return va_arg(*ap, long long);
	case LEN_T: return va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, int);
	}
}

static uint64_t fmt_arg_unsigned(va_list *ap, int len)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H: return (unsigned short)va_arg(*ap, unsigned);
	case LEN_L: return va_arg(*ap, unsigned long);
	case LEN_LL: return va_arg(*ap, unsigned long long);
	case LEN_Z: return va_arg(*ap, size_t);
	case LEN_J: return va_arg(*ap, unsigned long long);
	case LEN_T: return (uint64_t)va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, unsigned);
	}
}

static void fmt_conv(fmt_out *o, const fmt_spec *sp, int len, char c, va_list *ap)
{
	switch (c) {
	case 'd': case 'i': {
		int64_t v = fmt_arg_signed(ap, len);
		/* Negate as unsigned so INT64_MIN does not overflow. */
		uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
		fmt_int(o, sp, m, v < 0, 10, false, true, false);
		break;
	}
	case 'u': fmt_int(o, sp, fmt_arg_unsigned(ap, len), false, 10, false, false, false); break;
	case 'x': fmt_int(o, sp, fmt_arg_unsigned(ap, len), false, 16, false, false, false); break;
	case 'X': fmt_int(o, sp, fmt_arg_unsigned(ap, len), false, 16, true, false, false); break;
	case 'o': fmt_int(o, sp, fmt_arg_unsigned(ap, len), false, 8, false, false, false); break;
	case 'p': {
		fmt_spec p = *sp;
		p.prec = -1;
		fmt_int(o, &p, (uintptr_t)va_arg(*ap, void *), false, 16, false, false, true);
		break;
	}
	case 'c': {
		char ch = (char)va_arg(*ap, int);
		fmt_pad(o, sp, "", &ch, 1, false);
		break;
	}
	case 's': {
		const char *s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		size_t n = 0;
		while (s[n] && (sp->prec < 0 || n < (size_t)sp->prec))
			n++;
		fmt_pad(o, sp, "", s, n, false);
		break;
	}
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
		fmt_float(o, sp, va_arg(*ap, double), c);
		break;
	}
}

int mcc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap_in)
{
	fmt_out o = { buf, size, 0 };
	va_list ap;
	va_copy(ap, ap_in);
	for (const char *p = fmt; *p; ) {
		if (*p != '%') {
			fmt_put(&o, p++, 1);
			continue;
		}
		const char *start = p++;
		fmt_spec sp = { .prec = -1 };
		for (;; p++) {
			if (*p == '-') sp.minus = true;
			else if (*p == '0') sp.zero = true;
			else if (*p == '+') sp.plus = true;
			else if (*p == ' ') sp.space = true;
			else if (*p == '#') sp.alt = true;
			else break;
		}
		if (*p == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.minus = true;
				sp.width = sp.width < -100000 ? 100000 : -sp.width;
			}
			p++;
		} else {
			sp.width = fmt_number(&p);
		}
		if (sp.width > 100000)
			sp.width = 100000;
		if (*p == '.') {
			p++;
			if (*p == '*') {
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)
					sp.prec = -1;
				p++;
			} else {
				sp.prec = fmt_number(&p);
			}
		}
		int len = LEN_NONE;
		if (*p == 'h') {
			len = p[1] == 'h' ? LEN_HH : LEN_H;
			p += len == LEN_HH ? 2 : 1;
		} else if (*p == 'l') {
			len = p[1] == 'l' ? LEN_LL : LEN_L;
			p += len == LEN_LL ? 2 : 1;
		} else if (*p == 'z') {
			len = LEN_Z, p++;
		} else if (*p == 'j') {
			len = LEN_J, p++;
		} else if (*p == 't') {
			len = LEN_T, p++;
		} else if (*p == 'L') {
			len = LEN_BIGL, p++;
		}
		char c = *p;
		if (c == '%') {
			fmt_put(&o, "%", 1);
			p++;
		} else if (c && mcc_strchr("diuxXopcsfFeEgG", c)) {
			fmt_conv(&o, &sp, len, c, &ap);
			p++;
		} else {
			/* Unknown or truncated conversion: show it, consume nothing. */
			if (c)
				p++;
			fmt_put(&o, start, (size_t)(p - start));
		}
	}
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > 0x7fffffff ? 0x7fffffff : (int)o.len;
}

int mcc_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = mcc_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
