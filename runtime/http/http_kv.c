/* http/http_kv.c - serving a kv_ro file: method check, ETag from the
 * store's SHA-256 digest, 304, HEAD, Content-Type, streamed body. */
#include "mcc/http.h"
#include "http/http_str.h"

int mcc_http_serve_kv(mcc_http_response *resp, const mcc_http_request *req,
		      mcc_kv_ro *fs, const char *key)
{
	bool head = hs_eq(req->method, "HEAD");
	int r;

	if (!head && !hs_eq(req->method, "GET")) {
		mcc_http_set_header(resp, "Allow", "GET, HEAD");
		r = mcc_http_respond_error(resp, 405);
		return r < 0 ? r : 405;
	}
	uint64_t size;
	if (fs->kind(fs, key) != MCC_KV_FILE || fs->size(fs, key, &size) < 0) {
		r = mcc_http_respond_error(resp, 404);
		return r < 0 ? r : 404;
	}
	/* A strong validator: 128 bits of the content hash are plenty. */
	char digest[65], etag[36];
	bool have_etag = fs->digest(fs, key, digest) == 0;
	if (have_etag) {
		etag[0] = '"';
		for (int i = 0; i < 32; i++)
			etag[1 + i] = digest[i];
		etag[33] = '"';
		etag[34] = 0;
		mcc_http_set_header(resp, "ETag", etag);
		if (mcc_http_not_modified(req, etag)) {
			r = mcc_http_respond(resp, 304, NULL, NULL, 0);
			return r < 0 ? r : 304;
		}
	}
	r = mcc_http_start(resp, 200, mcc_http_mime_type(key), (long long)size);
	if (r < 0)
		return r;
	if (!head) {
		uint8_t buf[8192];
		uint64_t off = 0;
		while (off < size) {
			long n = fs->read(fs, key, off, buf, sizeof buf);
			if (n <= 0)
				return n < 0 ? (int)n : -MCC_EIO;  /* file shrank */
			long w = mcc_http_write(resp, buf, (size_t)n);
			if (w < 0)
				return (int)w;
			off += (uint64_t)n;
		}
	}
	r = mcc_http_finish(resp);
	return r < 0 ? r : 200;
}
