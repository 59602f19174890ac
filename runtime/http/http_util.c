/* http/http_util.c - request header lookup, MIME types, reason phrases,
 * conditional-request matching: pure helpers for handlers. */
#include "mcc/http.h"
#include "http/http_str.h"

const char *mcc_http_header_get(const mcc_http_request *req, const char *name)
{
	for (int i = 0; i < req->nheaders; i++)
		if (hs_ieq(req->headers[i].name, name))
			return req->headers[i].value;
	return NULL;
}

static const struct { const char *ext, *type; } mime[] = {
	{".html", "text/html; charset=utf-8"},
	{".htm", "text/html; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".mjs", "text/javascript; charset=utf-8"},
	{".json", "application/json"},
	{".txt", "text/plain; charset=utf-8"},
	{".md", "text/markdown; charset=utf-8"},
	{".xml", "application/xml"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".jpg", "image/jpeg"},
	{".jpeg", "image/jpeg"},
	{".gif", "image/gif"},
	{".webp", "image/webp"},
	{".ico", "image/x-icon"},
	{".woff", "font/woff"},
	{".woff2", "font/woff2"},
	{".pdf", "application/pdf"},
	{".wasm", "application/wasm"},
	{".gz", "application/gzip"},
};

const char *mcc_http_mime_type(const char *path)
{
	size_t n = hs_len(path);
	for (size_t i = 0; i < sizeof mime / sizeof mime[0]; i++) {
		size_t e = hs_len(mime[i].ext);
		if (n >= e) {
			size_t k = 0;
			while (k < e && hs_lower(path[n - e + k]) == mime[i].ext[k])
				k++;
			if (k == e)
				return mime[i].type;
		}
	}
	return "application/octet-stream";
}

const char *mcc_http_reason(int status)
{
	switch (status) {
	case 100: return "Continue";
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 413: return "Content Too Large";
	case 414: return "URI Too Long";
	case 417: return "Expectation Failed";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	case 505: return "HTTP Version Not Supported";
	}
	return "Unknown";
}

bool mcc_http_not_modified(const mcc_http_request *req, const char *etag)
{
	const char *v = mcc_http_header_get(req, "if-none-match");
	if (!v)
		return false;
	/* A list of entity tags, compared weakly (RFC 9110 13.1.2). */
	size_t el = hs_len(etag);
	if (el >= 2 && etag[0] == 'W' && etag[1] == '/')
		etag += 2, el -= 2;
	while (*v) {
		while (*v == ' ' || *v == '\t' || *v == ',')
			v++;
		if (*v == '*')
			return true;
		if (v[0] == 'W' && v[1] == '/')
			v += 2;
		const char *s = v;
		if (*v == '"') {
			v++;
			while (*v && *v != '"')
				v++;
			if (*v == '"')
				v++;
		} else {
			while (*v && *v != ',')
				v++;
		}
		size_t n = (size_t)(v - s);
		if (n == el) {
			size_t k = 0;
			while (k < n && s[k] == etag[k])
				k++;
			if (k == n)
				return true;
		}
		while (*v && *v != ',')
			v++;
	}
	return false;
}
