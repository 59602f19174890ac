/* tests/unit/test_keys.c - boot-time key parsing (mcc/key.h). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "mcc/key.h"
#include "capture.h"

static mcc_key keys[4];

static int setup(void **state)
{
	(void)state;
	mcc_key k[] = {
		{ "port", MCC_KEY_INT, "TCP port the web server listens on", "80", true, 0, 0, 0 },
		{ "debug", MCC_KEY_BOOL, "verbose logs", "false", true, 0, 0, 0 },
		{ "name", MCC_KEY_STRING, "greeting target", "world", true, 0, 0, 0 },
		{ "net", MCC_KEY_STRING, "network stack", "socket", false, 0, 0, 0 },
	};
	memcpy(keys, k, sizeof k);
	return 0;
}

static capture cap;

static int parse(const char *const *args)
{
	char *argv[16];
	int argc = 0;
	argv[argc++] = "www";
	for (; *args; args++)
		argv[argc++] = (char *)*args;
	argv[argc] = NULL;
	capture_start(&cap, 2);
	int rc = mcc_keys_parse(keys, 4, argc, argv, "www");
	capture_end(&cap);
	return rc;
}

#define ARGS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void test_defaults(void **state)
{
	(void)state;
	assert_int_equal(parse(ARGS(NULL)), 0);
	assert_int_equal(keys[0].i, 80);
	assert_false(keys[1].b);
	assert_string_equal(keys[2].s, "world");
	assert_string_equal(keys[3].s, "socket");
	assert_string_equal(cap.text, "");
}

static void test_forms(void **state)
{
	(void)state;
	assert_int_equal(parse(ARGS("--port=8080", "--name", "mirage", "--debug")), 0);
	assert_int_equal(keys[0].i, 8080);
	assert_string_equal(keys[2].s, "mirage");
	assert_true(keys[1].b);
	assert_int_equal(parse(ARGS("--port", "-12", "--debug=false", "--name=")), 0);
	assert_int_equal(keys[0].i, -12);
	assert_false(keys[1].b);
	assert_string_equal(keys[2].s, "");
	assert_int_equal(parse(ARGS("--debug", "false", "--port=+7")), 0);
	assert_false(keys[1].b);
	assert_int_equal(keys[0].i, 7);
	/* A value that is not a bool is not eaten by a flag. */
	assert_int_equal(parse(ARGS("--debug", "extra")), 2);
	assert_non_null(strstr(cap.text, "unexpected argument 'extra'"));
}

static void test_int_limits(void **state)
{
	(void)state;
	assert_int_equal(parse(ARGS("--port=9223372036854775807")), 0);
	assert_true(keys[0].i == INT64_MAX);
	assert_int_equal(parse(ARGS("--port=-9223372036854775808")), 0);
	assert_true(keys[0].i == INT64_MIN);
	const char *bad[] = { "9223372036854775808", "-9223372036854775809", "12a", "0x10",
			      "", "-", "+", " 1", "1 ", "1e3", "99999999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char arg[64];
		snprintf(arg, sizeof arg, "--port=%s", bad[i]);
		assert_int_equal(parse(ARGS(arg)), 2);
		assert_non_null(strstr(cap.text, "--port expects an integer"));
	}
}

static void test_errors(void **state)
{
	(void)state;
	assert_int_equal(parse(ARGS("--prot=1")), 2);
	assert_non_null(strstr(cap.text, "unknown key --prot"));
	assert_int_equal(parse(ARGS("--debug=yes")), 2);
	assert_non_null(strstr(cap.text, "--debug expects true or false, got 'yes'"));
	assert_int_equal(parse(ARGS("--port")), 2);
	assert_non_null(strstr(cap.text, "--port needs a value (an integer)"));
	assert_int_equal(parse(ARGS("--name")), 2);
	assert_non_null(strstr(cap.text, "--name needs a value (a string)"));
	assert_int_equal(parse(ARGS("--net=direct")), 2);
	assert_non_null(strstr(cap.text, "net is fixed at configure time"));
	assert_int_equal(parse(ARGS("port=1")), 2);
	assert_non_null(strstr(cap.text, "unexpected argument 'port=1'"));
	assert_int_equal(parse(ARGS("--")), 2);
	assert_int_equal(parse(ARGS("--=3")), 2);
	assert_non_null(strstr(cap.text, "www: "));
}

static void test_bad_default(void **state)
{
	(void)state;
	keys[0].default_text = "eighty";
	assert_int_equal(parse(ARGS(NULL)), 2);
	assert_non_null(strstr(cap.text, "key port has an invalid default 'eighty'"));
}

static void test_help(void **state)
{
	(void)state;
	assert_int_equal(parse(ARGS("--port=bad", "--help")), 1);
	assert_non_null(strstr(cap.text, "usage: www"));
	assert_non_null(strstr(cap.text, "--port=INT"));
	assert_non_null(strstr(cap.text, "TCP port the web server listens on (default: 80)"));
	assert_non_null(strstr(cap.text, "--debug=BOOL"));
	assert_non_null(strstr(cap.text, "--name=STRING"));
	assert_non_null(strstr(cap.text, "fixed at configure time"));
	assert_non_null(strstr(cap.text, "net=socket"));
	assert_null(strstr(cap.text, "--net"));
}

static int parse_cmdline(const char *s)
{
	capture_start(&cap, 2);
	int rc = mcc_keys_parse_cmdline(keys, 4, s, "www");
	capture_end(&cap);
	return rc;
}

static void test_cmdline(void **state)
{
	(void)state;
	assert_int_equal(parse_cmdline("port=8080 --debug  --name \"two words\""), 0);
	assert_int_equal(keys[0].i, 8080);
	assert_true(keys[1].b);
	assert_string_equal(keys[2].s, "two words");
	assert_int_equal(parse_cmdline(""), 0);
	assert_int_equal(keys[0].i, 80);
	assert_int_equal(parse_cmdline(NULL), 0);
	assert_int_equal(parse_cmdline("  \t\n"), 0);
	assert_int_equal(parse_cmdline("port=x"), 2);
	assert_non_null(strstr(cap.text, "--port expects an integer, got 'x'"));
	assert_int_equal(parse_cmdline("--name \"unterminated"), 2);
	assert_non_null(strstr(cap.text, "unterminated"));
	assert_int_equal(parse_cmdline("justaword"), 2);
	assert_int_equal(parse_cmdline("=1"), 2);
	assert_int_equal(parse_cmdline("--help"), 1);
	char big[5000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(parse_cmdline(big), 2);
	assert_non_null(strstr(cap.text, "command line longer"));
	char many[2048] = "";
	for (int i = 0; i < 200; i++)
		strcat(many, "--debug ");
	assert_int_equal(parse_cmdline(many), 2);
	assert_non_null(strstr(cap.text, "more than"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_defaults, setup),
		cmocka_unit_test_setup(test_forms, setup),
		cmocka_unit_test_setup(test_int_limits, setup),
		cmocka_unit_test_setup(test_errors, setup),
		cmocka_unit_test_setup(test_bad_default, setup),
		cmocka_unit_test_setup(test_help, setup),
		cmocka_unit_test_setup(test_cmdline, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
