/* tests/net/test_http_parse.c - the HTTP request parser: request lines,
 * headers, framing (Content-Length, chunked), pipelining, limits and
 * path normalisation including traversal attempts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "http/http_parse.h"

static char buf[70000];
static char pathbuf[8193];
static mcc_http_parsed P;

static long head(const char *s)
{
	size_t n = strlen(s);
	memcpy(buf, s, n);
	memset(&P, 0, sizeof P);
	P.path_buf = pathbuf;
	return mcc_http_parse_head(buf, n, &mcc_http_default_limits, &P);
}

static void test_simple_get(void **state)
{
	(void)state;
	const char *r = "GET /index.html?x=1&y HTTP/1.1\r\nHost: a\r\n"
			"User-Agent:  curl/8 \r\n\r\n";
	assert_int_equal(head(r), (long)strlen(r));
	assert_string_equal(P.req.method, "GET");
	assert_string_equal(P.req.target, "/index.html?x=1&y");
	assert_string_equal(P.req.path, "/index.html");
	assert_string_equal(P.req.query, "x=1&y");
	assert_int_equal(P.req.version, 11);
	assert_true(P.req.keep_alive);
	assert_int_equal(P.req.nheaders, 2);
	assert_string_equal(mcc_http_header_get(&P.req, "user-agent"), "curl/8");
	assert_null(mcc_http_header_get(&P.req, "accept"));
	assert_int_equal(P.content_length, -1);
}

static void test_incomplete_needs_more(void **state)
{
	(void)state;
	assert_int_equal(head("GET / HTTP/1.1\r\nHost: a\r\n"), 0);
	assert_int_equal(head("GET / HT"), 0);
	assert_int_equal(head(""), 0);
}

static void test_keep_alive_rules(void **state)
{
	(void)state;
	assert_true(head("GET / HTTP/1.0\r\n\r\n") > 0);
	assert_false(P.req.keep_alive);
	assert_true(head("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") > 0);
	assert_true(P.req.keep_alive);
	assert_true(head("GET / HTTP/1.1\r\nHost: x\r\nConnection: foo, close\r\n\r\n") > 0);
	assert_false(P.req.keep_alive);
	/* Bare LF line endings are accepted. */
	assert_true(head("GET / HTTP/1.1\nHost: x\n\n") > 0);
}

static void test_bad_requests(void **state)
{
	(void)state;
	assert_int_equal(head("GET / HTTP/1.1\r\n\r\n"), -400);        /* no Host */
	assert_int_equal(head("GET  / HTTP/1.1\r\nHost: a\r\n\r\n"), -400);
	assert_int_equal(head("G(T / HTTP/1.1\r\nHost: a\r\n\r\n"), -400);
	assert_int_equal(head("GET / HTTP/2.0\r\nHost: a\r\n\r\n"), -505);
	assert_int_equal(head("GET / FOO\r\nHost: a\r\n\r\n"), -400);
	assert_int_equal(head("GET / HTTP/1.1\r\nHost : a\r\n\r\n"), -400);
	assert_int_equal(head("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n"), -400);
	assert_int_equal(head("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n"), -400);
	assert_int_equal(head("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), -400);
	assert_int_equal(head("GET foo HTTP/1.1\r\nHost: a\r\n\r\n"), -400);
	assert_int_equal(head("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n"), -400);
	assert_int_equal(head("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n"
			      "Content-Length: 2\r\n\r\n"), -400);
	assert_int_equal(head("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
			      "Transfer-Encoding: chunked\r\n\r\n"), -400);
	assert_int_equal(head("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n"), -501);
	assert_int_equal(head("GET / HTTP/1.1\r\nHost: a\r\nExpect: magic\r\n\r\n"), -417);
}

static void test_limits(void **state)
{
	(void)state;
	static char big[40000];
	/* A target longer than 8 KiB: 414, even before the line ends. */
	strcpy(big, "GET /");
	memset(big + 5, 'a', 9000);
	big[9005] = 0;
	assert_int_equal(head(big), -414);
	/* Headers beyond 16 KiB: 431. */
	strcpy(big, "GET / HTTP/1.1\r\nHost: a\r\n");
	for (int i = 0; i < 200; i++)
		strcat(big, "X-Filler: 0123456789012345678901234567890123456789012345678901234567890123456789012345678901\r\n");
	assert_int_equal(head(big), -431);
	/* More than 64 header fields: 431. */
	strcpy(big, "GET / HTTP/1.1\r\nHost: a\r\n");
	for (int i = 0; i < 70; i++)
		strcat(big, "X: y\r\n");
	strcat(big, "\r\n");
	assert_int_equal(head(big), -431);
	/* A declared body over 1 MiB: 413. */
	assert_int_equal(head("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n"), -413);
	assert_int_equal(head("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n"), -413);
}

static void test_content_length_body_and_pipelining(void **state)
{
	(void)state;
	const char *r = "POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
			"GET /next HTTP/1.1\r\nHost: a\r\n\r\n";
	size_t n = strlen(r);
	memcpy(buf, r, n);
	memset(&P, 0, sizeof P);
	P.path_buf = pathbuf;
	long h = mcc_http_parse_head(buf, n, &mcc_http_default_limits, &P);
	assert_true(h > 0);
	size_t used;
	assert_int_equal(mcc_http_parse_body(buf + h, 3, &mcc_http_default_limits, &P, &used), 0);
	assert_int_equal(mcc_http_parse_body(buf + h, n - (size_t)h, &mcc_http_default_limits, &P, &used), 1);
	assert_int_equal(used, 5);
	assert_int_equal(P.req.body_len, 5);
	assert_memory_equal(P.req.body, "hello", 5);
	/* The second, pipelined request follows directly. */
	size_t off = (size_t)h + used;
	long h2 = mcc_http_parse_head(buf + off, n - off, &mcc_http_default_limits, &P);
	assert_int_equal(h2, (long)(n - off));
	assert_string_equal(P.req.path, "/next");
}

static void test_chunked(void **state)
{
	(void)state;
	const char *r = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
			"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\nNEXT";
	size_t n = strlen(r);
	memcpy(buf, r, n);
	memset(&P, 0, sizeof P);
	P.path_buf = pathbuf;
	long h = mcc_http_parse_head(buf, n, &mcc_http_default_limits, &P);
	assert_true(h > 0);
	assert_true(P.chunked);
	size_t used;
	/* Every proper prefix needs more. */
	for (size_t k = 0; k + 4 < n - (size_t)h; k++)
		assert_int_equal(mcc_http_parse_body(buf + h, k, &mcc_http_default_limits, &P, &used), 0);
	assert_int_equal(mcc_http_parse_body(buf + h, n - (size_t)h, &mcc_http_default_limits, &P, &used), 1);
	assert_int_equal(P.req.body_len, 12);
	assert_memory_equal(P.req.body, "hello, world", 12);
	assert_int_equal((size_t)h + used, n - 4);
}

static void test_chunked_errors(void **state)
{
	(void)state;
	const mcc_http_limits *L = &mcc_http_default_limits;
	size_t used;
	P.chunked = true;
	strcpy(buf, "zz\r\n");
	assert_int_equal(mcc_http_parse_body(buf, 4, L, &P, &used), -400);
	strcpy(buf, "3\r\nabcX\r\n");
	assert_int_equal(mcc_http_parse_body(buf, strlen(buf), L, &P, &used), -400);
	strcpy(buf, "ffffffffffffffff\r\n");
	assert_int_equal(mcc_http_parse_body(buf, strlen(buf), L, &P, &used), -413);
	strcpy(buf, "100001\r\n");
	assert_int_equal(mcc_http_parse_body(buf, strlen(buf), L, &P, &used), -413);
}

static const char *norm(const char *t)
{
	static char out[256];
	int r = mcc_http_normalize_path(t, strlen(t), out, sizeof out);
	return r < 0 ? "ERROR" : out;
}

static void test_paths(void **state)
{
	(void)state;
	assert_string_equal(norm("/"), "/");
	assert_string_equal(norm("/a/b/"), "/a/b/");
	assert_string_equal(norm("//a///b"), "/a/b");
	assert_string_equal(norm("/a/./b/../c"), "/a/c");
	assert_string_equal(norm("/a%20b"), "/a b");
	assert_string_equal(norm("/a/%2e%2E/x"), "/x");
	assert_string_equal(norm("/a%2fb"), "/a/b");
	assert_string_equal(norm("/.."), "ERROR");
	assert_string_equal(norm("/../../etc/passwd"), "ERROR");
	assert_string_equal(norm("/%2e%2e/%2e%2e/etc/passwd"), "ERROR");
	assert_string_equal(norm("/a/../../etc"), "ERROR");
	assert_string_equal(norm("/%2e%2e%2fetc"), "ERROR");
	assert_string_equal(norm("/a%00b"), "ERROR");
	assert_string_equal(norm("/a%zz"), "ERROR");
	assert_string_equal(norm("/a%4"), "ERROR");
	assert_string_equal(norm("/a%"), "ERROR");
}

static void test_traversal_in_requests(void **state)
{
	(void)state;
	assert_int_equal(head("GET /../../etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n"), -400);
	assert_int_equal(head("GET /%2e%2e/etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n"), -400);
	assert_true(head("GET http://example.com/a/../b?q HTTP/1.1\r\nHost: a\r\n\r\n") > 0);
	assert_string_equal(P.req.path, "/b");
	assert_string_equal(P.req.query, "q");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_get),
		cmocka_unit_test(test_incomplete_needs_more),
		cmocka_unit_test(test_keep_alive_rules),
		cmocka_unit_test(test_bad_requests),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_content_length_body_and_pipelining),
		cmocka_unit_test(test_chunked),
		cmocka_unit_test(test_chunked_errors),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_traversal_in_requests),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
