/* test_check.c - the type checker (compiler/check.c, prog.c) against the
 * real stdlib: one test per diagnostic, asserting its code, line and
 * column (and the fix-it or note where the contract asks for one). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tc_session.h"

static int setup(void **state)
{
	tc *t = test_calloc(1, sizeof *t);
	if (!tc_open(t)) {
		tc_close(t);
		test_free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	tc *t = *state;
	tc_close(t);
	test_free(t);
	return 0;
}

/* The n-th diagnostic with code c is at line:col (dumps all on failure). */
static diag *expect_at(tc *t, diag_code c, int n, int line, int col)
{
	diag *d = tc_diag(t, c, n);
	if (!d || d->at.line != line || d->at.col != col) {
		fprintf(stderr, "expected MCC%04d #%d at %d:%d; got:\n", (int)c, n, line, col);
		tc_dump(t);
	}
	assert_non_null(d);
	assert_int_equal(d->at.line, line);
	assert_int_equal(d->at.col, col);
	if (line > 0)
		assert_int_equal(d->at.file, t->file);
	return d;
}

/* A config with no error or warning. */
static void expect_clean(tc *t, const char *cfg)
{
	tc_config(t, cfg);
	if (t->dl.items.len)
		tc_dump(t);
	assert_int_equal(t->dl.errors, 0);
	assert_int_equal(t->dl.warnings, 0);
}

static void test_samples_are_clean(void **state)
{
	expect_clean(*state,
		"key port : int = 80 \"TCP port the web server listens on\"\n"
		"let fs     = generic_kv_ro \"htdocs\"\n"
		"let stack  = generic_stackv4 default_network\n"
		"let server = http_server port (conduit_direct stack)\n"
		"let main   = foreign \"dispatch_main\" (console @-> kv_ro @-> http @-> job)\n"
		"register \"www\" [ main $ default_console $ fs $ server ]\n");
}

static void test_unbound_with_suggestion(void **state)
{
	tc *t = *state;
	tc_config(t, "let main = foreign \"f\" (console @-> job)\n"
		     "register \"x\" [ main $ defualt_console ]");
	diag *d = expect_at(t, D_UNBOUND, 0, 2, 23);
	assert_int_equal(d->at.end_col, 37);
	assert_non_null(strstr(d->msg, "did you mean `default_console'"));
	assert_string_equal(d->fix_text, "default_console");
	assert_int_equal(d->fix_at.col, 23);
	assert_int_equal(t->dl.errors, 1);
}

/* Columns count code points: "héllo" is 7 columns, not 8 bytes; a comment
 * with UTF-8 on the line above changes nothing. */
static void test_utf8_columns_in_diagnostics(void **state)
{
	tc *t = *state;
	tc_config(t, "let main = foreign \"f\" (string @-> console @-> job)\n"
		     "# \xc3\xa9t\xc3\xa9 \xe2\x82\xac\n"
		     "register \"x\" [ main \"h\xc3\xa9llo\" defualt_console ]");
	diag *d = expect_at(t, D_UNBOUND, 0, 3, 29);
	assert_int_equal(d->at.end_col, 43);
}

static void test_unbound_without_suggestion(void **state)
{
	tc *t = *state;
	tc_config(t, "register \"x\" [ qqqqqqqqqqqq ]");
	diag *d = expect_at(t, D_UNBOUND, 0, 1, 16);
	assert_null(d->fix_text);
	assert_null(strstr(d->msg, "did you mean"));
}

/* Names are visible below their binding only. */
static void test_unbound_used_above(void **state)
{
	tc *t = *state;
	tc_config(t, "let a = b\nlet b = noop\nregister \"x\" [ a ]");
	expect_at(t, D_UNBOUND, 0, 1, 9);
}

static void test_target_is_not_a_value(void **state)
{
	tc *t = *state;
	tc_config(t, "let a = target\nregister \"x\" [ noop ]");
	expect_at(t, D_UNBOUND, 0, 1, 9);
}

static void test_duplicate_definition(void **state)
{
	tc *t = *state;
	tc_config(t, "let a = noop\nlet a = noop\nregister \"x\" [ a ]");
	diag *d = expect_at(t, D_DUP_DEF, 0, 2, 5);
	assert_int_equal(d->notes.len, 1);
	assert_int_equal(((diag *)d->notes.v[0])->at.line, 1);
	assert_int_equal(((diag *)d->notes.v[0])->at.col, 5);
}

/* A config may shadow a stdlib name: its meaning wins, no error. */
static void test_shadowing_stdlib_is_allowed(void **state)
{
	expect_clean(*state, "let crunch = fun (d : string) -> direct_kv_ro d\n"
			     "let main = foreign \"f\" (kv_ro @-> job)\n"
			     "register \"x\" [ main (crunch \"d\") ]");
}

/* tcpv4 includes device and flow, flow includes device, console includes
 * flow: inclusion is transitive in every direction the stdlib declares. */
static void test_interface_inclusion(void **state)
{
	expect_clean(*state,
		"let t = direct_tcp (ipv4 (ethif default_network) (arp (ethif default_network)))\n"
		"let main = foreign \"f\" (flow @-> device @-> device @-> flow @-> job)\n"
		"register \"x\" [ main t t default_console default_console ]");
}

static void test_argument_type(void **state)
{
	tc *t = *state;
	/* A console is a flow, but not a tcpv4. */
	tc_config(t, "let main = foreign \"f\" (tcpv4 @-> job)\n"
		     "register \"x\" [ main default_console ]");
	diag *d = expect_at(t, D_ARG_TYPE, 0, 2, 21);
	assert_non_null(strstr(d->msg, "`console'"));
	assert_non_null(strstr(d->msg, "`tcpv4'"));
	assert_true(tc_note_has(d, "console @-> job") || tc_note_has(d, "tcpv4 @-> job"));
}

static void test_argument_base_type(void **state)
{
	tc *t = *state;
	tc_config(t, "let s = http_server \"80\" (conduit_direct socket_stackv4)\n"
		     "let main = foreign \"f\" (http @-> job)\n"
		     "register \"x\" [ main s ]");
	diag *d = expect_at(t, D_ARG_TYPE, 0, 1, 21);
	assert_non_null(strstr(d->msg, "argument 1 of `http_server'"));
	/* kv_ro is not a flow. */
	tc_close(t);
	assert_true(tc_open(t));
	tc_config(t, "let main = foreign \"f\" (flow @-> job)\n"
		     "register \"x\" [ main (crunch \"d\") ]");
	expect_at(t, D_ARG_TYPE, 0, 2, 22);	/* inside the parentheses */
}

static void test_too_many_arguments(void **state)
{
	tc *t = *state;
	tc_config(t, "let main = foreign \"f\" (console @-> job)\n"
		     "register \"x\" [ main default_console default_console ]");
	diag *d = expect_at(t, D_TOO_MANY_ARGS, 0, 2, 37);
	assert_non_null(strstr(d->msg, "`main' takes 1"));
	assert_int_equal(t->dl.errors, 1);
}

static void test_job_not_fully_applied(void **state)
{
	tc *t = *state;
	tc_config(t, "let main = foreign \"f\" (console @-> time @-> job)\n"
		     "register \"x\" [ main default_console ]");
	diag *d = expect_at(t, D_NOT_JOB, 0, 2, 16);
	assert_non_null(strstr(d->msg, "1 argument"));
}

static void test_register_entry_not_a_job(void **state)
{
	tc *t = *state;
	tc_config(t, "register \"x\" [ noop, default_console ]");
	expect_at(t, D_NOT_JOB, 0, 1, 22);
}

static void test_empty_register(void **state)
{
	tc *t = *state;
	tc_config(t, "register \"x\" [ ]");
	expect_at(t, D_EMPTY_REGISTER, 0, 1, 1);
}

static void test_no_register_and_two_registers(void **state)
{
	tc *t = *state;
	tc_config(t, "let a = noop\n");
	assert_non_null(tc_diag(t, D_NO_REGISTER, 0));
	tc_close(t);
	assert_true(tc_open(t));
	tc_config(t, "register \"x\" [ noop ]\nregister \"y\" [ noop ]");
	expect_at(t, D_MULTI_REGISTER, 0, 2, 1);
}

static void test_duplicate_key(void **state)
{
	tc *t = *state;
	tc_config(t, "key a : int = 1\nkey a : int = 2\nregister \"x\" [ noop ]");
	diag *d = expect_at(t, D_DUP_KEY, 0, 2, 5);
	assert_int_equal(((diag *)d->notes.v[0])->at.line, 1);
	/* The stdlib's keys count too. */
	tc_close(t);
	assert_true(tc_open(t));
	tc_config(t, "key net : string = \"x\"\nregister \"x\" [ noop ]");
	expect_at(t, D_DUP_KEY, 0, 1, 5);
}

static void test_nonexhaustive_target(void **state)
{
	tc *t = *state;
	tc_config(t, "let m = match target with | unix -> noop | xen-x86 -> noop\n"
		     "register \"x\" [ m ]");
	diag *d = expect_at(t, D_NONEXHAUSTIVE, 0, 1, 9);
	assert_non_null(strstr(d->msg, "xen-arm, xen-arm64"));
	assert_null(strstr(d->msg, "xen-x86"));
	/* `xen' covers the three Xen targets. */
	tc_close(t);
	assert_true(tc_open(t));
	expect_clean(t, "let m = match target with | unix -> noop | xen -> noop\n"
			"register \"x\" [ m ]");
}

static void test_nonexhaustive_key(void **state)
{
	tc *t = *state;
	tc_config(t, "key b : bool = true\nkey s : string = \"a\"\n"
		     "let m = match b with | true -> noop\n"
		     "let n = match s with | \"a\" -> m | \"b\" -> m\n"
		     "register \"x\" [ n ]");
	diag *d = expect_at(t, D_NONEXHAUSTIVE, 0, 3, 9);
	assert_non_null(strstr(d->msg, "false"));
	d = expect_at(t, D_NONEXHAUSTIVE, 1, 4, 9);
	assert_non_null(strstr(d->msg, "other strings"));
	tc_close(t);
	assert_true(tc_open(t));
	expect_clean(t, "key b : bool = true\n"
			"let m = match b with | false -> noop | true -> noop\n"
			"register \"x\" [ m ]");
}

static void test_unreachable_arm(void **state)
{
	tc *t = *state;
	tc_config(t, "key b : bool = true\n"
		     "let m = match target with | unix -> noop | _ -> noop | xen -> noop\n"
		     "let n = match b with | true | false -> m | _ -> m\n"
		     "register \"x\" [ n ]");
	diag *d = expect_at(t, D_UNREACHABLE_ARM, 0, 2, 54);
	assert_int_equal(d->kind, DIAG_WARNING);
	expect_at(t, D_UNREACHABLE_ARM, 1, 3, 42);
	assert_int_equal(t->dl.errors, 0);
}

static void test_bad_match_subject_and_pattern(void **state)
{
	tc *t = *state;
	tc_config(t, "key p : int = 1\nkey b : bool = true\n"
		     "let m = match p with | _ -> noop\n"
		     "let n = match b with | \"yes\" -> m | _ -> m\n"
		     "let o = match target with | \"unix\" -> n | _ -> n\n"
		     "register \"x\" [ o ]");
	expect_at(t, D_BAD_MATCH_SUBJECT, 0, 3, 15);
	expect_at(t, D_PATTERN_TYPE, 0, 4, 24);
	expect_at(t, D_PATTERN_TYPE, 1, 5, 29);
}

static void test_match_arms_of_different_types(void **state)
{
	tc *t = *state;
	tc_config(t, "let m = match target with | unix -> default_console | _ -> crunch \"d\"\n"
		     "register \"x\" [ noop ]");
	expect_at(t, D_MATCH_ARMS, 0, 1, 60);
}

static void test_foreign_symbol(void **state)
{
	tc *t = *state;
	tc_config(t, "let main = foreign \"f-g\" (console @-> job)\n"
		     "let m2 = foreign \"9lives\" job\n"
		     "register \"x\" [ main default_console, m2 ]");
	expect_at(t, D_BAD_FOREIGN_SYM, 0, 1, 20);
	expect_at(t, D_BAD_FOREIGN_SYM, 1, 2, 18);
}

static void test_foreign_type_must_end_in_job(void **state)
{
	tc *t = *state;
	tc_config(t, "let main = foreign \"f\" (console @-> console)\n"
		     "register \"x\" [ noop ]");
	expect_at(t, D_BAD_FOREIGN_TYPE, 0, 1, 25);
}

static void test_unknown_type(void **state)
{
	tc *t = *state;
	tc_config(t, "let main = foreign \"f\" (consol @-> job)\n"
		     "register \"x\" [ main default_console ]");
	diag *d = expect_at(t, D_UNKNOWN_TYPE, 0, 1, 25);
	assert_string_equal(d->fix_text, "console");
	/* One mistake, one diagnostic: `main' is ill-typed, not its use. */
	assert_int_equal(t->dl.errors, 1);
}

static void test_unknown_target(void **state)
{
	tc *t = *state;
	tc_config(t, "let m = match target with | unix -> noop | xen-x68 -> noop | _ -> noop\n"
		     "register \"x\" [ m ]");
	diag *d = expect_at(t, D_UNKNOWN_TARGET, 0, 1, 44);
	assert_string_equal(d->fix_text, "xen-x86");
}

static void test_bad_key_default(void **state)
{
	tc *t = *state;
	tc_config(t, "key p : int = \"80\"\nkey b : bool = 1\nregister \"x\" [ noop ]");
	expect_at(t, D_KEY_DEFAULT, 0, 1, 15);
	expect_at(t, D_KEY_DEFAULT, 1, 2, 16);
}

static void test_bad_key_type(void **state)
{
	tc *t = *state;
	tc_config(t, "key c : console = 1\nregister \"x\" [ noop ]");
	expect_at(t, D_BAD_KEY_TYPE, 0, 1, 9);
}

static void test_declarations_only_in_stdlib(void **state)
{
	tc *t = *state;
	tc_config(t, "interface foo = \"mcc_foo\"\n"
		     "component c : job { _ { prefix \"p\" header \"h.h\" } }\n"
		     "platform unix { }\n"
		     "register \"x\" [ noop ]");
	expect_at(t, D_DECL_PLACE, 0, 1, 1);
	expect_at(t, D_DECL_PLACE, 1, 2, 1);
	expect_at(t, D_DECL_PLACE, 2, 3, 1);
}

static void test_bad_names(void **state)
{
	tc *t = *state;
	tc_config(t, "let xen-x86 = noop\nregister \"a b\" [ noop ]");
	expect_at(t, D_BAD_NAME, 0, 1, 5);
	expect_at(t, D_BAD_NAME, 1, 2, 10);
}

static void test_unused_binding_warning(void **state)
{
	tc *t = *state;
	tc_config(t, "let a = noop\nlet _b = noop\nregister \"x\" [ noop ]");
	diag *d = expect_at(t, D_UNUSED, 0, 1, 5);
	assert_int_equal(d->kind, DIAG_WARNING);
	assert_int_equal(tc_count(t, D_UNUSED), 1);	/* `_b' is quiet */
	assert_int_equal(t->dl.errors, 0);
}

static void test_k_unknown_key(void **state)
{
	tc *t = *state;
	assert_int_equal(tc_config(t, "key port : int = 80\n"
				      "let main = foreign \"f\" (int @-> job)\n"
				      "register \"x\" [ main port ]"), 0);
	assert_false(tc_key(t, "prot=8080"));
	diag *d = expect_at(t, D_UNKNOWN_KEY, 0, 0, 0);
	assert_non_null(strstr(d->msg, "did you mean `port'"));
	assert_false(tc_key(t, "port"));	/* no `=' */
	expect_at(t, D_BAD_KEY_VALUE, 0, 0, 0);
	assert_false(tc_key(t, "=1"));
	assert_int_equal(tc_count(t, D_BAD_KEY_VALUE), 2);
	assert_true(tc_key(t, "port=8080"));
	assert_true(tc_key(t, "net=direct"));	/* a stdlib key */
}

static void test_k_bad_value(void **state)
{
	tc *t = *state;
	assert_int_equal(tc_config(t, "key port : int = 80\nkey dbg : bool = false\n"
				      "let main = foreign \"f\" (int @-> bool @-> job)\n"
				      "register \"x\" [ main port dbg ]"), 0);
	static const char *const bad[] = {
		"port=abc", "port=80x", "port=", "port=99999999999", "port= 80",
		"dbg=yes", "dbg=1", "dbg=TRUE",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int before = tc_count(t, D_BAD_KEY_VALUE);
		if (tc_key(t, bad[i]))
			fail_msg("-k %s was accepted", bad[i]);
		assert_int_equal(tc_count(t, D_BAD_KEY_VALUE), before + 1);
	}
	/* The note points at the declaration. */
	diag *d = tc_diag(t, D_BAD_KEY_VALUE, 0);
	assert_int_equal(d->notes.len, 1);
	assert_int_equal(((diag *)d->notes.v[0])->at.line, 1);
	assert_true(tc_key(t, "port=-1"));
	assert_true(tc_key(t, "dbg=true"));
}

static void test_no_implementation_for_target(void **state)
{
	tc *t = *state;
	assert_int_equal(tc_config(t, "let main = foreign \"f\" (console @-> kv_ro @-> job)\n"
				      "register \"x\" [ main default_console\n"
				      "                 (direct_kv_ro \"htdocs\") ]"), 0);
	assert_non_null(tc_eval(t, T_UNIX));
	assert_null(tc_eval(t, T_XEN_ARM));
	/* At the use site in the config, naming the targets that have one. */
	diag *d = expect_at(t, D_NO_IMPL, 0, 3, 19);
	assert_non_null(strstr(d->msg, "`direct_kv_ro'"));
	assert_non_null(strstr(d->msg, "xen-arm"));
	assert_true(tc_note_has(d, "available for: unix"));
}

/* A component the stdlib uses inside a definition (netif inside
 * default_network) is blamed on the config line that uses it. */
static void test_no_implementation_blames_config_line(void **state)
{
	tc *t = *state;
	assert_int_equal(tc_config(t, "let main = foreign \"f\" (stackv4 @-> job)\n"
				      "let s = socket_stackv4\n"
				      "register \"x\" [ main s ]"), 0);
	assert_null(tc_eval(t, T_XEN_X86));
	diag *d = expect_at(t, D_NO_IMPL, 0, 2, 9);
	assert_true(tc_note_has(d, "unix"));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_samples_are_clean),
		T(test_unbound_with_suggestion),
		T(test_utf8_columns_in_diagnostics),
		T(test_unbound_without_suggestion),
		T(test_unbound_used_above),
		T(test_target_is_not_a_value),
		T(test_duplicate_definition),
		T(test_shadowing_stdlib_is_allowed),
		T(test_interface_inclusion),
		T(test_argument_type),
		T(test_argument_base_type),
		T(test_too_many_arguments),
		T(test_job_not_fully_applied),
		T(test_register_entry_not_a_job),
		T(test_empty_register),
		T(test_no_register_and_two_registers),
		T(test_duplicate_key),
		T(test_nonexhaustive_target),
		T(test_nonexhaustive_key),
		T(test_unreachable_arm),
		T(test_bad_match_subject_and_pattern),
		T(test_match_arms_of_different_types),
		T(test_foreign_symbol),
		T(test_foreign_type_must_end_in_job),
		T(test_unknown_type),
		T(test_unknown_target),
		T(test_bad_key_default),
		T(test_bad_key_type),
		T(test_declarations_only_in_stdlib),
		T(test_bad_names),
		T(test_unused_binding_warning),
		T(test_k_unknown_key),
		T(test_k_bad_value),
		T(test_no_implementation_for_target),
		T(test_no_implementation_blames_config_line),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
