/* tests/unit/test_kvpath.c - key normalisation never lets a key escape. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "mcc/kvpath.h"
#include "mcc/error.h"

static long norm(const char *k, char *out)
{
	return mcc_kvpath_normalize(k, out, MCC_KVPATH_MAX);
}

static void test_valid(void **state)
{
	(void)state;
	char out[MCC_KVPATH_MAX];
	assert_int_equal(norm("a/b.html", out), 8);
	assert_string_equal(out, "a/b.html");
	assert_int_equal(norm("/index.html", out), 10);
	assert_string_equal(out, "index.html");
	assert_int_equal(norm("", out), 0);
	assert_string_equal(out, "");
	assert_int_equal(norm("/", out), 0);
	assert_int_equal(norm("...", out), 3);       /* a name, not a step */
	assert_int_equal(norm("a/.hidden/..b", out), 13);
	assert_string_equal(out, "a/.hidden/..b");
}

static void test_rejected(void **state)
{
	(void)state;
	char out[MCC_KVPATH_MAX];
	const char *bad[] = {
		"..", "../", "../etc/passwd", "a/../b", "a/..", "/..", ".", "./a", "a/.",
		"a//b", "//a", "a/", "/a/", "a\\b", "..\\x", "a/b/../../..",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		strcpy(out, "untouched");
		assert_int_equal(norm(bad[i], out), -MCC_EINVAL);
	}
	/* An embedded NUL (say, from a decoded %00) is refused. */
	assert_int_equal(mcc_kvpath_normalize_n("a\0/../x", 7, out, sizeof out), -MCC_EINVAL);
	assert_int_equal(mcc_kvpath_normalize_n("ok\0", 3, out, sizeof out), -MCC_EINVAL);
	assert_int_equal(mcc_kvpath_normalize_n("ok", 2, out, sizeof out), 2);
	assert_int_equal(mcc_kvpath_normalize(NULL, out, sizeof out), -MCC_EINVAL);
}

static void test_capacity(void **state)
{
	(void)state;
	char out[4];
	assert_int_equal(mcc_kvpath_normalize("abc", out, sizeof out), 3);
	assert_int_equal(mcc_kvpath_normalize("abcd", out, sizeof out), -MCC_ERANGE);
	assert_int_equal(mcc_kvpath_normalize("/abc", out, sizeof out), 3);
	assert_int_equal(mcc_kvpath_normalize("a", out, 0), -MCC_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_rejected),
		cmocka_unit_test(test_capacity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
