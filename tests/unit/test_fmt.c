/* tests/unit/test_fmt.c - mcc_snprintf against known outputs (and, for
#define _GNU_SOURCE
 * integers and fixed-point floats, against the host's snprintf). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "mcc/fmt.h"

#define CHECK(want, ...) do { \
	char b_[512]; \
	int n_ = mcc_snprintf(b_, sizeof b_, __VA_ARGS__); \
	assert_string_equal(b_, want); \
	assert_int_equal(n_, (int)strlen(want)); \
} while (0)

/* Compare with the host libc for formats both must agree on. */
#define SAME(...) do { \
	char a_[512], b_[512]; \
	int na_ = mcc_snprintf(a_, sizeof a_, __VA_ARGS__); \
	int nb_ = snprintf(b_, sizeof b_, __VA_ARGS__); \
	assert_string_equal(a_, b_); \
	assert_int_equal(na_, nb_); \
} while (0)

/* No format attribute: for formats the compiler would rightly reject. */
static int fmt_dyn(char *b, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = mcc_vsnprintf(b, n, fmt, ap);
	va_end(ap);
	return r;
}

static void test_integers(void **state)
{
	(void)state;
	CHECK("42 -7 +3  5", "%d %i %+d % d", 42, -7, 3, 5);
	CHECK("4294967295", "%u", 4294967295u);
	CHECK("-9223372036854775808", "%lld", (long long)INT64_MIN);
	CHECK("18446744073709551615", "%llu", 18446744073709551615ull);
	CHECK("ff FF 0xff 0XFF 0", "%x %X %#x %#X %#x", 255, 255, 255, 255, 0);
	CHECK("deadbeefcafe", "%lx", 0xdeadbeefcafeul);
	CHECK("777 0777", "%o %#o", 0777, 0777);
	CHECK("123 -45", "%zu %zd", (size_t)123, (ptrdiff_t)-45);
	CHECK("-1 255 65535", "%hhd %hhu %hu", (signed char)-1, (unsigned char)255, (unsigned short)65535);
	SAME("[%5d][%-5d][%05d][%.3d][%8.3d][%-+6d]", 42, 42, -42, 7, -7, 9);
	SAME("[%*d][%-*d][%.*d]", 6, 1, 4, 2, 3, 3);
	SAME("[%.0d][%5.0d]", 0, 0);
	SAME("[%08x][%#08x][%-#8x]", 0xbeef, 0xbeef, 0xbeef);
	SAME("%ld %lu %lld", -123456789L, 123456789UL, -1LL);
}

static void test_strings_chars(void **state)
{
	(void)state;
	CHECK("[hi][   hi][hi   ][h]", "[%s][%5s][%-5s][%.1s]", "hi", "hi", "hi", "hi");
	char b[16];
	const char *volatile nul = NULL;
	mcc_snprintf(b, sizeof b, "%s", nul);
	assert_string_equal(b, "(null)");
	CHECK("a%b", "%c%%%c", 'a', 'b');
	CHECK("[  x]", "[%3c]", 'x');
	CHECK("0x1234", "%p", (void *)0x1234);
}

static void test_unknown_and_truncation(void **state)
{
	(void)state;
	char b[8];
	assert_int_equal(fmt_dyn(b, sizeof b, "%q %"), 4);
	assert_string_equal(b, "%q %");
	int x = 5;
	fmt_dyn(b, sizeof b, "n=%n", &x);
	assert_string_equal(b, "n=%n");
	assert_int_equal(x, 5);
	int n = mcc_snprintf(b, sizeof b, "%s", "hello world");
	assert_int_equal(n, 11);
	assert_string_equal(b, "hello w");
	n = mcc_snprintf(NULL, 0, "%d", 12345);
	assert_int_equal(n, 5);
	n = mcc_snprintf(b, 1, "abc");
	assert_string_equal(b, "");
	/* Huge widths are clamped, not trusted. */
	n = fmt_dyn(b, sizeof b, "%999999999d", 1);
	assert_true(n <= 100000);
}

static void test_floats(void **state)
{
	(void)state;
	CHECK("3.141593", "%f", 3.14159265358979);
	CHECK("3.14", "%.2f", 3.14159);
	CHECK("-0.50", "%.2f", -0.5);
	CHECK("0.001", "%.3f", 0.0006);
	CHECK("0.000", "%.3f", 0.0004);
	CHECK("1", "%.0f", 0.5);
	CHECK("10.0", "%.1f", 9.96);
	CHECK("  2.50", "%6.2f", 2.5);
	CHECK("002.50", "%06.2f", 2.5);
	CHECK("2.50  ", "%-6.2f", 2.5);
	CHECK("+1.0", "%+.1f", 1.0);
	CHECK("1.234560e+02", "%e", 123.456);
	CHECK("1.2E-05", "%.1E", 0.0000123);
	CHECK("0.000000e+00", "%e", 0.0);
	CHECK("1e+100", "%.0e", 1e100);
	CHECK("0.1", "%g", 0.1);
	CHECK("100000", "%g", 100000.0);
	CHECK("1e+06", "%g", 1000000.0);
	CHECK("1.5e-05", "%g", 0.000015);
	CHECK("0.0001", "%g", 0.0001);
	CHECK("3.14159", "%g", 3.14159265);
	CHECK("0", "%g", 0.0);
	CHECK("2", "%.0g", 2.0);
	CHECK("inf -inf nan", "%f %f %f", 1.0 / 0.0, -1.0 / 0.0, __builtin_nan(""));
	CHECK("INF", "%F", 1.0 / 0.0);
	CHECK("1.797693e+308", "%e", 1.7976931348623157e308);
	CHECK("4.940656e-324", "%e", 4.9406564584124654e-324);
	CHECK("-0.000000", "%f", -0.0);
	SAME("%f %.3f %.10f", 123456.789, 0.1, 1.0 / 3);
	SAME("%.2f %.2f %.2f", 1e15, 12345678.9, 0.005000001);
	SAME("%g %g %g %g", 123456.0, 1234567.0, 1e-5, 12.5);
	SAME("%10.3e|%-12g|%012.4f", 31415.9265, 2.5, -3.25);
	char big[512];
	assert_true(mcc_snprintf(big, sizeof big, "%.60f", 1e300) > 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_strings_chars),
		cmocka_unit_test(test_unknown_and_truncation),
		cmocka_unit_test(test_floats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
