/* test_xen_argv.c - the Xen command line as argv. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <cmocka.h>
#include "xen/common/xen_argv.h"
#include "mcc/error.h"

static mcc_xen_args a;

static void test_words_and_keys(void **st)
{
	(void)st;
	assert_int_equal(mcc_xen_args_split(&a, "www", "  port=8080\t--debug  x "), 0);
	assert_int_equal(a.argc, 4);
	assert_string_equal(a.argv[0], "www");
	assert_string_equal(a.argv[1], "--port=8080");
	assert_string_equal(a.argv[2], "--debug");
	assert_string_equal(a.argv[3], "x");
	assert_null(a.argv[4]);
	assert_false(a.boot_stats);
}

static void test_quotes_and_escapes(void **st)
{
	(void)st;
	assert_int_equal(mcc_xen_args_split(&a, "u", "msg=\"hello world\" a\\ b \"\""), 0);
	assert_int_equal(a.argc, 4);
	assert_string_equal(a.argv[1], "--msg=hello world");
	assert_string_equal(a.argv[2], "a b");
	assert_string_equal(a.argv[3], "");
}

static void test_platform_options_removed(void **st)
{
	(void)st;
	assert_int_equal(mcc_xen_args_split(&a, "u", "--mcc-boot-stats count=2"), 0);
	assert_true(a.boot_stats);
	assert_int_equal(a.argc, 2);
	assert_string_equal(a.argv[1], "--count=2");
}

static void test_empty_and_null(void **st)
{
	(void)st;
	assert_int_equal(mcc_xen_args_split(&a, "u", ""), 0);
	assert_int_equal(a.argc, 1);
	assert_int_equal(mcc_xen_args_split(&a, "u", NULL), 0);
	assert_int_equal(a.argc, 1);
	assert_int_equal(mcc_xen_args_split(&a, "u", "   \n "), 0);
	assert_int_equal(a.argc, 1);
}

static void test_limits(void **st)
{
	(void)st;
	char line[4096] = "";
	for (int i = 0; i < MCC_XEN_ARGV_MAX + 5; i++)
		strcat(line, "w ");
	assert_int_equal(mcc_xen_args_split(&a, "u", line), -MCC_ENOSPC);
	char big[3000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = 0;
	assert_int_equal(mcc_xen_args_split(&a, "u", big), -MCC_ENOSPC);
	/* A trailing backslash is kept, not read past. */
	assert_int_equal(mcc_xen_args_split(&a, "u", "a\\"), 0);
	assert_string_equal(a.argv[1], "a\\");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_and_keys),
		cmocka_unit_test(test_quotes_and_escapes),
		cmocka_unit_test(test_platform_options_removed),
		cmocka_unit_test(test_empty_and_null),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
