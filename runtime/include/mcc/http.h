/* mcc/http.h - HTTP: an HTTP/1.1 server and the request/response API its
 * handler uses.
 *
 * serve() runs the server in the calling job until it fails: every
 * request (keep-alive and pipelined requests included) is parsed and
 * handed to the handler, which answers through the response functions
 * below.  Handlers of different connections run in different jobs; a
 * handler may block (reading a file, a slow client). */
#ifndef MCC_HTTP_H
#define MCC_HTTP_H

#include "mcc/device.h"
#include "mcc/kv_ro.h"

typedef struct mcc_http_header {
	const char *name;          /* as sent; compare case-insensitively */
	const char *value;         /* surrounding whitespace removed */
} mcc_http_header;

typedef struct mcc_http_request {
	const char *method;        /* "GET", "HEAD", "POST", ... */
	const char *target;        /* as sent: "/a%20b/?x=1" */
	const char *path;          /* decoded and normalised: "/a b/"; always
				    * starts with '/', never has a "." or
				    * ".." segment, "//" or a NUL */
	const char *query;         /* after '?' (not decoded), or "" */
	int version;               /* 10 for HTTP/1.0, 11 for HTTP/1.1 */
	const mcc_http_header *headers;
	int nheaders;
	const uint8_t *body;       /* Content-Length or de-chunked body */
	size_t body_len;
	bool keep_alive;           /* the connection stays open after */
} mcc_http_request;

/* The response being written for one request (owned by the server). */
typedef struct mcc_http_response mcc_http_response;

/* Answer req through resp.  Returning without a response sends 500; a
 * negative return also closes the connection. */
typedef int (*mcc_http_handler)(void *ctx, const mcc_http_request *req,
				mcc_http_response *resp);

typedef struct mcc_http mcc_http;
struct mcc_http {
	mcc_device dev;
	/* Accept connections and serve requests with fn(ctx, ...) until an
	 * error (which is returned); normally never returns. */
	int (*serve)(mcc_http *self, mcc_http_handler fn, void *ctx);
};

/* The value of header name (case-insensitive), or NULL. */
const char *mcc_http_header_get(const mcc_http_request *req, const char *name);

/* Add a response header (before the response starts).  Content-Length,
 * Transfer-Encoding, Connection and Date are the server's. */
int mcc_http_set_header(mcc_http_response *resp, const char *name,
			const char *value);
/* A whole response: status, Content-Type (may be NULL) and body.  For
 * HEAD the body is not sent but its length is. */
int mcc_http_respond(mcc_http_response *resp, int status,
		     const char *content_type, const void *body, size_t len);
/* A short text/html page for an error status (404, 405, ...). */
int mcc_http_respond_error(mcc_http_response *resp, int status);
/* Streaming: start with a known length (>= 0) or, with -1, chunked
 * encoding (HTTP/1.1; an HTTP/1.0 client gets the body until close);
 * then write, then finish. */
int mcc_http_start(mcc_http_response *resp, int status,
		   const char *content_type, long long content_length);
long mcc_http_write(mcc_http_response *resp, const void *buf, size_t len);
int mcc_http_finish(mcc_http_response *resp);

/* Serve file key of fs: GET and HEAD (else 405), Content-Type from the
 * name, ETag from the store's digest with If-None-Match -> 304, body
 * streamed.  A missing key or a directory gets 404.  Returns the status
 * sent, or a negative error when the connection failed. */
int mcc_http_serve_kv(mcc_http_response *resp, const mcc_http_request *req,
		      mcc_kv_ro *fs, const char *key);
/* True when req's If-None-Match lists etag (or is "*"). */
bool mcc_http_not_modified(const mcc_http_request *req, const char *etag);
/* "text/html; charset=utf-8", "image/png", ... by extension;
 * "application/octet-stream" when unknown. */
const char *mcc_http_mime_type(const char *path);
/* "Not Found" for 404, ... ("Unknown" for others). */
const char *mcc_http_reason(int status);

#endif
