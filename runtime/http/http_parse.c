/* http/http_parse.c - request line, headers and body framing. */
#include "http/http_parse.h"
#include "http/http_str.h"

const mcc_http_limits mcc_http_default_limits = {
	.max_target = 8192,
	.max_head = 16384,
	.max_body = 1024 * 1024,
};

/* RFC 9110 tchar. */
static bool is_tchar(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return true;
	switch (c) {
	case '!': case '#': case '$': case '%': case '&': case '\'':
	case '*': case '+': case '-': case '.': case '^': case '_':
	case '`': case '|': case '~':
		return true;
	}
	return false;
}

/* Index just past the blank line ending the head, or 0 if absent. */
static size_t find_head_end(const char *b, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (b[i] != '\n')
			continue;
		if (i + 1 < len && b[i + 1] == '\n')
			return i + 2;
		if (i + 2 < len && b[i + 1] == '\r' && b[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* Cut the line starting at *pos (ending in LF or CRLF) into a string;
 * returns it, advancing *pos, or NULL on a stray CR or NUL. */
static char *take_line(char *b, size_t end, size_t *pos)
{
	char *line = b + *pos;
	size_t i = *pos;
	while (i < end && b[i] != '\n') {
		if (b[i] == 0 || (b[i] == '\r' && (i + 1 >= end || b[i + 1] != '\n')))
			return NULL;
		i++;
	}
	if (i >= end)
		return NULL;
	size_t stop = i;
	if (stop > *pos && b[stop - 1] == '\r')
		stop--;
	b[stop] = 0;
	*pos = i + 1;
	return line;
}

static long parse_request_line(char *line, mcc_http_parsed *p)
{
	char *s = line;

	p->req.method = s;
	while (is_tchar((unsigned char)*s))
		s++;
	if (s == line || *s != ' ')
		return -400;
	*s++ = 0;
	p->req.target = s;
	while ((unsigned char)*s > 0x20 && (unsigned char)*s < 0x7f)
		s++;
	if (s == p->req.target || *s != ' ')
		return -400;
	*s++ = 0;
	if (hs_eq(s, "HTTP/1.1"))
		p->req.version = 11;
	else if (hs_eq(s, "HTTP/1.0"))
		p->req.version = 10;
	else if (s[0] == 'H' && s[1] == 'T' && s[2] == 'T' && s[3] == 'P' &&
		 s[4] == '/' && s[5] >= '0' && s[5] <= '9' && s[6] == '.' &&
		 s[7] >= '0' && s[7] <= '9' && s[8] == 0)
		return -505;
	else
		return -400;
	return 0;
}

static long parse_header(char *line, mcc_http_parsed *p)
{
	char *s = line;

	while (is_tchar((unsigned char)*s))
		s++;
	if (s == line || *s != ':')
		return -400;   /* also obs-fold and space before the colon */
	*s++ = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	char *v = s, *end = s;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return -400;
		if (c != ' ' && c != '\t')
			end = s + 1;
	}
	*end = 0;
	if (p->req.nheaders == MCC_HTTP_MAX_HEADERS)
		return -431;
	p->headers[p->req.nheaders].name = line;
	p->headers[p->req.nheaders].value = v;
	p->req.nheaders++;
	return 0;
}

static long parse_content_length(const char *v, const mcc_http_limits *lim)
{
	long long n = 0;
	if (!*v)
		return -400;
	for (; *v; v++) {
		if (*v < '0' || *v > '9')
			return -400;
		n = n * 10 + (*v - '0');
		if ((unsigned long long)n > lim->max_body)
			return -413;
	}
	return (long)n;
}

/* What the headers mean for framing and the connection. */
static long interpret_headers(mcc_http_parsed *p, const mcc_http_limits *lim)
{
	bool host = false, close = false, keep = false;

	for (int i = 0; i < p->req.nheaders; i++) {
		const char *n = p->headers[i].name, *v = p->headers[i].value;
		if (hs_ieq(n, "content-length")) {
			long cl = parse_content_length(v, lim);
			if (cl < 0)
				return cl;
			if (p->content_length >= 0 && p->content_length != cl)
				return -400;
			p->content_length = cl;
		} else if (hs_ieq(n, "transfer-encoding")) {
			if (!hs_ieq(v, "chunked") || p->chunked)
				return -501;
			p->chunked = true;
		} else if (hs_ieq(n, "host")) {
			if (host)
				return -400;
			host = true;
		} else if (hs_ieq(n, "connection")) {
			close |= hs_list_has(v, "close");
			keep |= hs_list_has(v, "keep-alive");
		} else if (hs_ieq(n, "expect")) {
			if (!hs_ieq(v, "100-continue"))
				return -417;
			p->expect_continue = true;
		}
	}
	/* Both framings at once is the request-smuggling pattern. */
	if (p->chunked && p->content_length >= 0)
		return -400;
	if (p->req.version == 11 && !host)
		return -400;
	p->req.keep_alive = p->req.version == 11 ? !close : keep && !close;
	return 0;
}

static long split_target(mcc_http_parsed *p, const mcc_http_limits *lim)
{
	const char *t = p->req.target;

	/* absolute-form: http://host[:port]/path -> its path */
	if (t[0] != '/') {
		const char *s = t;
		if (hs_lower(s[0]) != 'h' || hs_lower(s[1]) != 't' ||
		    hs_lower(s[2]) != 't' || hs_lower(s[3]) != 'p')
			return -400;
		s += 4;
		if (hs_lower(*s) == 's')
			s++;
		if (s[0] != ':' || s[1] != '/' || s[2] != '/')
			return -400;
		s += 3;
		while (*s && *s != '/' && *s != '?')
			s++;
		t = *s == '/' ? s : "/";
	}
	size_t plen = 0;
	while (t[plen] && t[plen] != '?')
		plen++;
	p->req.query = t[plen] == '?' ? t + plen + 1 : "";
	int r = mcc_http_normalize_path(t, plen, p->path_buf, lim->max_target + 1);
	if (r < 0)
		return r;
	p->req.path = p->path_buf;
	return 0;
}

long mcc_http_parse_head(char *buf, size_t len, const mcc_http_limits *lim,
			 mcc_http_parsed *p)
{
	size_t pos = 0;

	/* RFC 9112 2.2: ignore empty lines before the request line. */
	while (pos < len && (buf[pos] == '\r' || buf[pos] == '\n'))
		pos++;
	if (pos > 64)
		return -400;
	size_t line_end = pos;
	while (line_end < len && buf[line_end] != '\n')
		line_end++;
	if (line_end - pos > lim->max_target)
		return -414;
	size_t limit = len < lim->max_head ? len : lim->max_head;
	size_t end = find_head_end(buf + pos, limit - pos);
	if (end == 0)
		return len >= lim->max_head ? -431 : 0;
	end += pos;

	p->req.headers = p->headers;
	p->req.nheaders = 0;
	p->req.body = NULL;
	p->req.body_len = 0;
	p->content_length = -1;
	p->chunked = false;
	p->expect_continue = false;
	char *line = take_line(buf, end, &pos);
	if (!line)
		return -400;
	long r = parse_request_line(line, p);
	if (r < 0)
		return r;
	for (;;) {
		line = take_line(buf, end, &pos);
		if (!line)
			return -400;
		if (!*line)
			break;
		if ((r = parse_header(line, p)) < 0)
			return r;
	}
	if ((r = interpret_headers(p, lim)) < 0 || (r = split_target(p, lim)) < 0)
		return r;
	p->head_len = end;
	return (long)end;
}

/* Find the LF ending a line at b[pos..len); its index, or len. */
static size_t line_end(const char *b, size_t pos, size_t len)
{
	while (pos < len && b[pos] != '\n')
		pos++;
	return pos;
}

/* Walk the chunked body: 0 need more, 1 complete, < 0 error.  With
 * decode, move the data to the front of buf as it goes. */
static int walk_chunks(char *buf, size_t len, const mcc_http_limits *lim,
		       bool decode, size_t *consumed, size_t *body_len)
{
	size_t pos = 0, total = 0;

	for (;;) {
		size_t eol = line_end(buf, pos, len);
		if (eol >= len)
			return eol - pos > 1024 ? -400 : 0;
		unsigned long long size = 0;
		size_t i = pos, digits = 0;
		for (;; i++, digits++) {
			char c = hs_lower(buf[i]);
			int d = c >= '0' && c <= '9' ? c - '0'
			      : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
			if (d < 0)
				break;
			if (digits >= 15)
				return -413;
			size = size * 16 + (unsigned)d;
		}
		/* After the size: optional extensions, then (CR)LF. */
		if (digits == 0 || (buf[i] != ';' && buf[i] != '\r' && buf[i] != '\n'))
			return -400;
		pos = eol + 1;
		if (size == 0) {
			/* Trailer fields up to an empty line; ignored. */
			for (;;) {
				size_t e = line_end(buf, pos, len);
				if (e >= len)
					return e - pos > lim->max_head ? -431 : 0;
				bool empty = e == pos || (e == pos + 1 && buf[pos] == '\r');
				pos = e + 1;
				if (empty)
					break;
			}
			*consumed = pos;
			*body_len = total;
			return 1;
		}
		if (size > lim->max_body || total + size > lim->max_body)
			return -413;
		if (len - pos < size + 1)
			return 0;
		if (decode)
			for (size_t k = 0; k < size; k++)
				buf[total + k] = buf[pos + k];
		total += (size_t)size;
		pos += (size_t)size;
		if (buf[pos] == '\r') {
			if (len - pos < 2)
				return 0;
			pos++;
		}
		if (buf[pos] != '\n')
			return -400;
		pos++;
	}
}

int mcc_http_parse_body(char *buf, size_t len, const mcc_http_limits *lim,
			mcc_http_parsed *p, size_t *consumed)
{
	if (p->chunked) {
		size_t c, n;
		int r = walk_chunks(buf, len, lim, false, &c, &n);
		if (r != 1)
			return r;
		walk_chunks(buf, len, lim, true, &c, &n);
		p->req.body = (const uint8_t *)buf;
		p->req.body_len = n;
		*consumed = c;
		return 1;
	}
	size_t need = p->content_length > 0 ? (size_t)p->content_length : 0;
	if (len < need)
		return 0;
	p->req.body = need ? (const uint8_t *)buf : NULL;
	p->req.body_len = need;
	*consumed = need;
	return 1;
}
