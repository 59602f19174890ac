/* http/http_parse.h - HTTP/1.1 request parsing (RFC 9112) as pure
 * functions over a connection's input buffer.
 *
 * The head is parsed in place: tokens are NUL-terminated inside the
 * buffer and the request points into it, so it is valid until the
 * buffer is reused.  Errors are negative HTTP status codes: -400 bad
 * syntax, -413 body too large, -414 target too long, -431 headers too
 * large, -501 unsupported transfer coding, -505 unsupported version. */
#ifndef MCC_HTTP_PARSE_H
#define MCC_HTTP_PARSE_H

#include "mcc/http.h"

#define MCC_HTTP_MAX_HEADERS 64

typedef struct mcc_http_limits {
	size_t max_target;        /* request line, bytes */
	size_t max_head;          /* request line + headers, bytes */
	size_t max_body;          /* decoded body, bytes */
} mcc_http_limits;

extern const mcc_http_limits mcc_http_default_limits;

typedef struct mcc_http_parsed {
	mcc_http_request req;
	mcc_http_header headers[MCC_HTTP_MAX_HEADERS];
	size_t head_len;          /* bytes of the head incl. blank line */
	long long content_length; /* -1 when absent */
	bool chunked;
	bool expect_continue;
	char *path_buf;           /* the caller's, max_target + 1 bytes */
} mcc_http_parsed;

/* Parse the head at buf[0..len).  Returns 0 when more bytes are needed,
 * the head's length when complete, or a negative status. */
long mcc_http_parse_head(char *buf, size_t len, const mcc_http_limits *lim,
			 mcc_http_parsed *p);
/* Given the bytes after the head, find the body: 0 when more are
 * needed, 1 when complete (p->req.body/body_len set, *consumed = bytes
 * it took from buf incl. chunk framing), or a negative status.  A
 * chunked body is decoded in place once complete. */
int mcc_http_parse_body(char *buf, size_t len, const mcc_http_limits *lim,
			mcc_http_parsed *p, size_t *consumed);
/* Decode %XX and normalise target's path part into out (cap bytes):
 * 0, or -400 for a bad escape, an encoded NUL, or ".." above the root. */
int mcc_http_normalize_path(const char *target, size_t tlen, char *out,
			    size_t cap);

#endif
