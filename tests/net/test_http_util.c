/* tests/net/test_http_util.c - response framing (Content-Length, chunked,
 * HEAD, 304, header injection), serving kv_ro files with ETags, MIME
 * types and If-None-Match matching; against an in-memory flow and store. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "http/response.h"
#include "http/http_parse.h"

uint64_t mcc_now_ns(void) { return 0; }

/* A flow that records what is written. */
static char out[65536];
static size_t out_len;

static long fw(mcc_flow *f, const void *b, size_t n)
{
	(void)f;
	assert_true(out_len + n <= sizeof out);
	memcpy(out + out_len, b, n);
	out_len += n;
	return (long)n;
}

static mcc_flow flow = {.write = fw};

/* A store holding two files and a directory. */
static const char index_html[] = "<h1>hi</h1>";
static char big[20000];

static int kv_kind(mcc_kv_ro *s, const char *k)
{
	(void)s;
	if (!strcmp(k, "/index.html") || !strcmp(k, "/big.bin"))
		return MCC_KV_FILE;
	if (!strcmp(k, "/dir"))
		return MCC_KV_DIR;
	return -MCC_ENOENT;
}

static const char *content(const char *k, size_t *n)
{
	if (!strcmp(k, "/index.html")) {
		*n = sizeof index_html - 1;
		return index_html;
	}
	*n = sizeof big;
	return big;
}

static int kv_size(mcc_kv_ro *s, const char *k, uint64_t *size)
{
	(void)s;
	size_t n;
	content(k, &n);
	*size = n;
	return 0;
}

static long kv_read(mcc_kv_ro *s, const char *k, uint64_t off, void *buf,
		    size_t len)
{
	(void)s;
	size_t n;
	const char *c = content(k, &n);
	if (off >= n)
		return 0;
	if (len > n - off)
		len = n - off;
	memcpy(buf, c + off, len);
	return (long)len;
}

static int kv_digest(mcc_kv_ro *s, const char *k, char d[65])
{
	(void)s;
	memset(d, k[1] == 'i' ? 'a' : 'b', 64);
	d[64] = 0;
	return 0;
}

static mcc_kv_ro fs = {.kind = kv_kind, .size = kv_size, .read = kv_read,
		       .digest = kv_digest};

static char hbuf[4096], pbuf[8193];
static mcc_http_parsed P;
static mcc_http_response R;

static void request(const char *s)
{
	strcpy(hbuf, s);
	memset(&P, 0, sizeof P);
	P.path_buf = pbuf;
	assert_true(mcc_http_parse_head(hbuf, strlen(hbuf),
					&mcc_http_default_limits, &P) > 0);
	mcc_http_response_init(&R, &flow, &P.req);
	out_len = 0;
	memset(out, 0, sizeof out);
}

static void test_respond_content_length(void **state)
{
	(void)state;
	request("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_set_header(&R, "X-A", "1"), 0);
	assert_int_equal(mcc_http_respond(&R, 200, "text/plain", "hello", 5), 0);
	assert_string_equal(out, "HTTP/1.1 200 OK\r\nServer: mcc\r\nContent-Type: "
			    "text/plain\r\nX-A: 1\r\nContent-Length: 5\r\n\r\nhello");
	assert_false(R.close_after);
}

static void test_header_injection_refused(void **state)
{
	(void)state;
	request("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_set_header(&R, "X-A", "1\r\nSet-Cookie: x"), -MCC_EINVAL);
	assert_int_equal(mcc_http_set_header(&R, "X A", "1"), -MCC_EINVAL);
	assert_int_equal(mcc_http_set_header(&R, "Content-Length", "1"), -MCC_EINVAL);
}

static void test_chunked_and_http10(void **state)
{
	(void)state;
	request("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_start(&R, 200, NULL, -1), 0);
	assert_int_equal(mcc_http_write(&R, "abc", 3), 3);
	assert_int_equal(mcc_http_write(&R, "0123456789abcdefg", 17), 17);
	assert_int_equal(mcc_http_finish(&R), 0);
	assert_non_null(strstr(out, "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
				    "11\r\n0123456789abcdefg\r\n0\r\n\r\n"));
	/* HTTP/1.0 cannot chunk: the body ends with the connection. */
	request("GET / HTTP/1.0\r\n\r\n");
	assert_int_equal(mcc_http_start(&R, 200, NULL, -1), 0);
	assert_int_equal(mcc_http_write(&R, "abc", 3), 3);
	assert_int_equal(mcc_http_finish(&R), 0);
	assert_null(strstr(out, "chunked"));
	assert_non_null(strstr(out, "Connection: close\r\n\r\nabc"));
	assert_true(R.close_after);
}

static void test_length_mismatch(void **state)
{
	(void)state;
	request("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_start(&R, 200, NULL, 4), 0);
	assert_int_equal(mcc_http_write(&R, "abcdef", 6), -MCC_ERANGE);
	assert_int_equal(mcc_http_write(&R, "ab", 2), 2);
	assert_int_equal(mcc_http_finish(&R), 0);
	assert_true(R.close_after);         /* 2 bytes short: must close */
}

static void test_serve_kv_get_and_etag(void **state)
{
	(void)state;
	request("GET /index.html HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_serve_kv(&R, &P.req, &fs, P.req.path), 200);
	assert_non_null(strstr(out, "HTTP/1.1 200 OK\r\n"));
	assert_non_null(strstr(out, "Content-Type: text/html; charset=utf-8\r\n"));
	assert_non_null(strstr(out, "ETag: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\r\n"));
	assert_non_null(strstr(out, "Content-Length: 11\r\n\r\n<h1>hi</h1>"));

	request("GET /index.html HTTP/1.1\r\nHost: a\r\n"
		"If-None-Match: \"x\", W/\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\r\n\r\n");
	assert_int_equal(mcc_http_serve_kv(&R, &P.req, &fs, P.req.path), 304);
	assert_non_null(strstr(out, "HTTP/1.1 304 Not Modified\r\n"));
	assert_null(strstr(out, "Content-Length"));
	assert_null(strstr(out, "<h1>"));
	assert_false(R.close_after);
}

static void test_serve_kv_head_big_404_405(void **state)
{
	(void)state;
	memset(big, 'z', sizeof big);
	request("HEAD /big.bin HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_serve_kv(&R, &P.req, &fs, P.req.path), 200);
	assert_non_null(strstr(out, "Content-Length: 20000\r\n\r\n"));
	assert_int_equal(out[out_len - 1], '\n');   /* no body bytes */
	assert_false(R.close_after);

	request("GET /big.bin HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_serve_kv(&R, &P.req, &fs, P.req.path), 200);
	char *body = strstr(out, "\r\n\r\n") + 4;
	assert_int_equal(out_len - (size_t)(body - out), sizeof big);
	assert_non_null(strstr(out, "application/octet-stream"));

	request("GET /nope HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_serve_kv(&R, &P.req, &fs, P.req.path), 404);
	assert_non_null(strstr(out, "HTTP/1.1 404 Not Found\r\n"));
	request("GET /dir HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_int_equal(mcc_http_serve_kv(&R, &P.req, &fs, P.req.path), 404);

	request("POST /index.html HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
	assert_int_equal(mcc_http_serve_kv(&R, &P.req, &fs, P.req.path), 405);
	assert_non_null(strstr(out, "Allow: GET, HEAD\r\n"));
}

static void test_mime_and_conditions(void **state)
{
	(void)state;
	assert_string_equal(mcc_http_mime_type("/a/B.PNG"), "image/png");
	assert_string_equal(mcc_http_mime_type("/s.css"), "text/css; charset=utf-8");
	assert_string_equal(mcc_http_mime_type("/x"), "application/octet-stream");
	assert_string_equal(mcc_http_reason(431), "Request Header Fields Too Large");
	request("GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: *\r\n\r\n");
	assert_true(mcc_http_not_modified(&P.req, "\"q\""));
	request("GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"ab\"\r\n\r\n");
	assert_false(mcc_http_not_modified(&P.req, "\"a\""));
	assert_true(mcc_http_not_modified(&P.req, "\"ab\""));
	request("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
	assert_false(mcc_http_not_modified(&P.req, "\"ab\""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_respond_content_length),
		cmocka_unit_test(test_header_injection_refused),
		cmocka_unit_test(test_chunked_and_http10),
		cmocka_unit_test(test_length_mismatch),
		cmocka_unit_test(test_serve_kv_get_and_etag),
		cmocka_unit_test(test_serve_kv_head_big_404_405),
		cmocka_unit_test(test_mime_and_conditions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
