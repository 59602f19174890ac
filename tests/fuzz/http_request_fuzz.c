/* tests/fuzz/http_request_fuzz.c - libFuzzer harness for the HTTP
 * request parser: heads, bodies (Content-Length and chunked), pipelined
 * requests, path normalisation and conditional-request matching, fed in
 * chunks of varying size as a connection would deliver them.
 * Run with tests/fuzz/run.sh http_request_fuzz (seeds: corpus/http/).
 *
 * fuzz-sources: runtime/http/http_parse.c runtime/http/http_path.c
 * fuzz-sources: runtime/http/http_util.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "http/http_parse.h"

static const mcc_http_limits lim = {
	.max_target = 1024, .max_head = 4096, .max_body = 8192,
};

static void check_path(const char *p)
{
	/* The contract handlers rely on. */
	if (p[0] != '/')
		abort();
	for (const char *s = p; *s; s++) {
		if (s[0] == '/' && s[1] == '/')
			abort();
		if (s[0] == '/' && s[1] == '.' && (s[2] == '/' || s[2] == 0))
			abort();
		if (s[0] == '/' && s[1] == '.' && s[2] == '.' &&
		    (s[3] == '/' || s[3] == 0))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char buf[16384];
	static char path[1025];
	static mcc_http_parsed p;
	size_t len = 0, fed = 0;
	/* The first byte picks the delivery chunk size. */
	size_t step = size ? (size_t)data[0] % 64 + 1 : 1;

	if (size)
		data++, size--;
	p.path_buf = path;
	for (int requests = 0; requests < 64;) {
		long h = mcc_http_parse_head(buf, len, &lim, &p);
		if (h == 0) {
			if (fed == size || len == sizeof buf)
				break;
			size_t n = size - fed < step ? size - fed : step;
			if (n > sizeof buf - len)
				n = sizeof buf - len;
			memcpy(buf + len, data + fed, n);
			len += n, fed += n;
			continue;
		}
		if (h < 0)
			break;
		if ((size_t)h > len)
			abort();
		check_path(p.req.path);
		mcc_http_header_get(&p.req, "host");
		mcc_http_not_modified(&p.req, "\"abc\"");
		mcc_http_mime_type(p.req.path);
		size_t used;
		int r;
		while ((r = mcc_http_parse_body(buf + h, len - (size_t)h, &lim, &p,
						&used)) == 0) {
			if (fed == size || len == sizeof buf)
				return 0;
			size_t n = size - fed < step ? size - fed : step;
			if (n > sizeof buf - len)
				n = sizeof buf - len;
			memcpy(buf + len, data + fed, n);
			len += n, fed += n;
		}
		if (r < 0)
			break;
		if ((size_t)h + used > len || p.req.body_len > lim.max_body)
			abort();
		memmove(buf, buf + h + used, len - (size_t)h - used);
		len -= (size_t)h + used;
		requests++;
	}
	return 0;
}
