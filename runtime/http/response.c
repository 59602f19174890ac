/* http/response.c - status line, headers and body framing
 * (Content-Length or chunked), buffered so a small response leaves in
 * one write. */
#include "http/response.h"
#include "http/http_str.h"
#include "mcc/fmt.h"
#include "mcc/sched.h"

void mcc_http_response_init(mcc_http_response *r, mcc_flow *flow,
			    const mcc_http_request *req)
{
	r->flow = flow;
	r->req = req;
	r->head = req && hs_eq(req->method, "HEAD");
	r->started = r->finished = r->chunked = r->no_body = false;
	r->close_after = req ? !req->keep_alive : true;
	r->status = 0;
	r->remaining = 0;
	r->body_bytes = 0;
	r->err = 0;
	r->extra_len = 0;
	r->out_len = 0;
}

static void touch(mcc_http_response *r)
{
	if (r->deadline && r->write_timeout)
		*r->deadline = mcc_now_ns() + r->write_timeout;
}

int mcc_http_response_flush(mcc_http_response *r)
{
	if (r->err)
		return r->err;
	if (r->out_len) {
		touch(r);
		long w = r->flow->write(r->flow, r->out, r->out_len);
		r->out_len = 0;
		if (w < 0)
			return r->err = (int)w;
	}
	return 0;
}

/* Append raw bytes to the output, flushing or writing through. */
static int put(mcc_http_response *r, const void *p, size_t n)
{
	if (r->err)
		return r->err;
	if (r->out_len + n > sizeof r->out) {
		int e = mcc_http_response_flush(r);
		if (e < 0)
			return e;
		if (n > sizeof r->out) {
			touch(r);
			long w = r->flow->write(r->flow, p, n);
			return w < 0 ? (r->err = (int)w) : 0;
		}
	}
	const uint8_t *s = p;
	for (size_t i = 0; i < n; i++)
		r->out[r->out_len + i] = s[i];
	r->out_len += n;
	return 0;
}

static int puts_(mcc_http_response *r, const char *s)
{
	return put(r, s, hs_len(s));
}

static bool valid_token(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s <= ' ' || *s == ':' || *s == 0x7f)
			return false;
	return true;
}

static bool valid_value(const char *s)
{
	for (; *s; s++)
		if ((*s < ' ' && *s != '\t') || *s == 0x7f)
			return false;
	return true;
}

int mcc_http_set_header(mcc_http_response *r, const char *name,
			const char *value)
{
	if (r->started)
		return -MCC_EINVAL;
	/* Header injection (CR/LF in either part) is refused. */
	if (!valid_token(name) || !valid_value(value))
		return -MCC_EINVAL;
	if (hs_ieq(name, "content-length") || hs_ieq(name, "transfer-encoding") ||
	    hs_ieq(name, "connection"))
		return -MCC_EINVAL;
	int n = mcc_snprintf(r->extra + r->extra_len,
			     sizeof r->extra - r->extra_len, "%s: %s\r\n",
			     name, value);
	if (n < 0 || (size_t)n >= sizeof r->extra - r->extra_len)
		return -MCC_ENOSPC;
	r->extra_len += (size_t)n;
	return 0;
}

int mcc_http_start(mcc_http_response *r, int status, const char *ctype,
		   long long length)
{
	char line[160];

	if (r->started)
		return -MCC_EINVAL;
	if (status < 100 || status > 999)
		status = 500;
	r->started = true;
	r->status = status;
	r->no_body = status < 200 || status == 204 || status == 304;
	int version = r->req ? r->req->version : 11;
	mcc_snprintf(line, sizeof line, "HTTP/1.1 %d %s\r\nServer: mcc\r\n",
		     status, mcc_http_reason(status));
	puts_(r, line);
	if (ctype && !r->no_body && valid_value(ctype)) {
		puts_(r, "Content-Type: ");
		puts_(r, ctype);
		puts_(r, "\r\n");
	}
	put(r, r->extra, r->extra_len);
	if (r->no_body) {
		r->remaining = 0;
	} else if (length >= 0) {
		mcc_snprintf(line, sizeof line, "Content-Length: %lld\r\n", length);
		puts_(r, line);
		r->remaining = length;
	} else if (version >= 11) {
		puts_(r, "Transfer-Encoding: chunked\r\n");
		r->chunked = true;
	} else {
		r->close_after = true;     /* HTTP/1.0: the end is the close */
		r->remaining = -1;
	}
	if (r->close_after)
		puts_(r, "Connection: close\r\n");
	else if (version == 10)
		puts_(r, "Connection: keep-alive\r\n");
	puts_(r, "\r\n");
	return r->err;
}

long mcc_http_write(mcc_http_response *r, const void *buf, size_t len)
{
	if (!r->started || r->finished)
		return -MCC_EINVAL;
	if (r->no_body)
		return (long)len;
	if (r->remaining >= 0 && !r->chunked && (long long)len > r->remaining)
		return -MCC_ERANGE;         /* more than Content-Length said */
	if (!r->chunked && r->remaining >= 0)
		r->remaining -= (long long)len;
	r->body_bytes += (long long)len;
	if (r->head || len == 0)
		return (long)len;
	if (r->chunked) {
		char size[24];
		mcc_snprintf(size, sizeof size, "%zx\r\n", len);
		puts_(r, size);
		put(r, buf, len);
		puts_(r, "\r\n");
	} else {
		put(r, buf, len);
	}
	return r->err ? r->err : (long)len;
}

int mcc_http_finish(mcc_http_response *r)
{
	if (!r->started)
		return -MCC_EINVAL;
	if (r->finished)
		return r->err;
	r->finished = true;
	if (r->chunked && !r->head)
		puts_(r, "0\r\n\r\n");
	if (!r->chunked && r->remaining > 0 && !r->head)
		r->close_after = true;      /* short body: framing is broken */
	return mcc_http_response_flush(r);
}

int mcc_http_respond(mcc_http_response *r, int status, const char *ctype,
		     const void *body, size_t len)
{
	int e = mcc_http_start(r, status, ctype, (long long)len);
	if (e < 0)
		return e;
	if (len) {
		long w = mcc_http_write(r, body, len);
		if (w < 0)
			return (int)w;
	}
	return mcc_http_finish(r);
}

int mcc_http_respond_error(mcc_http_response *r, int status)
{
	char page[256];
	const char *reason = mcc_http_reason(status);
	int n = mcc_snprintf(page, sizeof page,
			     "<!DOCTYPE html>\n<html><head><title>%d %s</title>"
			     "</head><body><h1>%d %s</h1></body></html>\n",
			     status, reason, status, reason);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof page)
		n = sizeof page - 1;
	return mcc_http_respond(r, status, "text/html; charset=utf-8", page,
				(size_t)n);
}
