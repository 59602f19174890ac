/* http/server.c - accepting connections and running the request loop
 * of each (keep-alive, pipelining, Expect: 100-continue, limits,
 * timeouts). */
#include "http/server.h"
#include "http/response.h"
#include "mcc/platform.h"

struct mcc_http_conn {
	mcc_http_conn *next, *prev;
	mcc_http_server *srv;
	mcc_flow *flow;
	mcc_job *job;
	uint64_t deadline;        /* the watchdog cancels the job after it */
	char *buf;
	size_t cap, len;
	char *path_buf;
	mcc_http_parsed parsed;
	mcc_http_response resp;
};

static void conn_free(mcc_http_conn *c)
{
	mcc_http_server *s = c->srv;
	if (c->prev)
		c->prev->next = c->next;
	else
		s->conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	s->nconns--;
	if (c->buf)
		mcc_plat_free(c->buf, c->cap);
	if (c->path_buf)
		mcc_plat_free(c->path_buf, s->limits.max_target + 1);
	mcc_plat_free(c, sizeof *c);
}

/* Read more into the buffer, growing it up to max for a large body.
 * Returns bytes read (> 0), or 0/negative when the connection is over. */
static long fill(mcc_http_conn *c, size_t max)
{
	if (c->len == c->cap) {
		if (c->cap >= max)
			return -MCC_ENOSPC;
		size_t ncap = c->cap * 2 < max ? c->cap * 2 : max;
		char *nb = mcc_plat_alloc(ncap);
		if (!nb)
			return -MCC_ENOMEM;
		for (size_t i = 0; i < c->len; i++)
			nb[i] = c->buf[i];
		mcc_plat_free(c->buf, c->cap);
		c->buf = nb;
		c->cap = ncap;
	}
	long n = c->flow->read(c->flow, c->buf + c->len, c->cap - c->len);
	if (n > 0)
		c->len += (size_t)n;
	return n;
}

static void send_error(mcc_http_conn *c, int status)
{
	mcc_http_response *r = &c->resp;
	mcc_http_response_init(r, c->flow, NULL);
	r->deadline = &c->deadline;
	r->write_timeout = c->srv->write_timeout_ns;
	mcc_http_respond_error(r, status);
}

/* Read and parse one request.  1 when c->parsed holds it (and *used the
 * bytes it took), 0 when the connection ended, or -status to answer. */
static int read_request(mcc_http_conn *c, size_t *used)
{
	mcc_http_server *s = c->srv;
	mcc_http_parsed *p = &c->parsed;
	long h;
	bool started = c->len > 0;

	c->deadline = mcc_now_ns() + (started ? s->request_timeout_ns
					      : s->idle_timeout_ns);
	while ((h = mcc_http_parse_head(c->buf, c->len, &s->limits, p)) == 0) {
		if (fill(c, s->limits.max_head) <= 0)
			/* The watchdog stopped a slow sender: tell it. */
			return started && mcc_job_cancelled() ? -408 : 0;
		if (!started) {
			started = true;
			c->deadline = mcc_now_ns() + s->request_timeout_ns;
		}
	}
	if (h < 0)
		return (int)h;
	/* Body framing may need up to twice the body limit in the buffer
	 * (chunk sizes and CRLFs). */
	size_t max = (size_t)h + 2 * s->limits.max_body + 1024;
	bool continued = false;
	for (;;) {
		size_t body_used;
		int r = mcc_http_parse_body(c->buf + h, c->len - (size_t)h,
					    &s->limits, p, &body_used);
		if (r < 0)
			return r;
		if (r == 1) {
			*used = (size_t)h + body_used;
			return 1;
		}
		if (p->expect_continue && !continued && p->req.version == 11) {
			static const char cont[] = "HTTP/1.1 100 Continue\r\n\r\n";
			if (c->flow->write(c->flow, cont, sizeof cont - 1) < 0)
				return 0;
			continued = true;
		}
		long n = fill(c, max);
		if (n == -MCC_ENOSPC)
			return -413;
		if (n <= 0)
			return mcc_job_cancelled() ? -408 : 0;
	}
}

static int conn_job(void *arg)
{
	mcc_http_conn *c = arg;
	mcc_http_server *s = c->srv;

	for (;;) {
		size_t used = 0;
		int r = read_request(c, &used);
		if (r == 0)
			break;
		if (r < 0) {
			send_error(c, -r);
			break;
		}
		s->requests++;
		mcc_http_response *resp = &c->resp;
		mcc_http_response_init(resp, c->flow, &c->parsed.req);
		resp->deadline = &c->deadline;
		resp->write_timeout = s->write_timeout_ns;
		c->deadline = mcc_now_ns() + s->write_timeout_ns;
		int hr = s->fn(s->ctx, &c->parsed.req, resp);
		if (!resp->started)
			mcc_http_respond_error(resp, 500);
		else if (!resp->finished)
			mcc_http_finish(resp);
		if (hr < 0 || resp->err || resp->close_after ||
		    mcc_job_cancelled())
			break;
		/* Keep what follows: the next pipelined request. */
		for (size_t i = used; i < c->len; i++)
			c->buf[i - used] = c->buf[i];
		c->len -= used;
	}
	c->flow->close(c->flow);
	conn_free(c);
	return 0;
}

static int watchdog_job(void *arg)
{
	mcc_http_server *s = arg;
	for (;;) {
		if (mcc_sleep_ns(500000000ull) < 0)
			return 0;
		uint64_t now = mcc_now_ns();
		for (mcc_http_conn *c = s->conns; c; c = c->next)
			if (c->deadline && now > c->deadline) {
				c->deadline = 0;
				mcc_job_cancel(c->job);
			}
	}
}

static void reject(mcc_http_server *s, mcc_flow *f)
{
	static const char busy[] =
		"HTTP/1.1 503 Service Unavailable\r\nServer: mcc\r\n"
		"Content-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n";
	s->rejected++;
	f->write(f, busy, sizeof busy - 1);
	f->close(f);
}

static int start_conn(mcc_http_server *s, mcc_flow *f)
{
	mcc_http_conn *c = mcc_plat_alloc(sizeof *c);
	if (!c)
		return -MCC_ENOMEM;
	char *zero = (char *)c;
	for (size_t i = 0; i < sizeof *c; i++)
		zero[i] = 0;
	c->srv = s;
	c->flow = f;
	/* Most requests are small; fill() grows the buffer up to the
	 * limits when one is not. */
	c->cap = s->limits.max_head < 4096 ? s->limits.max_head : 4096;
	c->buf = mcc_plat_alloc(c->cap);
	c->path_buf = mcc_plat_alloc(s->limits.max_target + 1);
	c->parsed.path_buf = c->path_buf;
	c->next = s->conns;
	if (s->conns)
		s->conns->prev = c;
	s->conns = c;
	s->nconns++;
	if (!c->buf || !c->path_buf ||
	    !(c->job = mcc_job_spawn("http-conn", conn_job, c, 0))) {
		f->close(f);
		conn_free(c);
		return -MCC_ENOMEM;
	}
	mcc_job_detach(c->job);
	return 0;
}

static int serve(mcc_http *h, mcc_http_handler fn, void *ctx)
{
	mcc_http_server *s = (mcc_http_server *)h;
	mcc_conduit_listener *l;

	if (!fn || s->fn)
		return -MCC_EINVAL;         /* one serve() per server */
	s->fn = fn;
	s->ctx = ctx;
	int r = s->conduit->listen(s->conduit, s->port, s->backlog, &l);
	if (r < 0)
		return r;
	s->watchdog = mcc_job_spawn("http-watchdog", watchdog_job, s, 0);
	if (!s->watchdog) {
		s->conduit->unlisten(s->conduit, l);
		return -MCC_ENOMEM;
	}
	for (;;) {
		mcc_flow *f;
		r = s->conduit->accept(s->conduit, l, &f);
		if (r == -MCC_ENOMEM)
			continue;               /* transient: keep serving */
		if (r < 0)
			break;
		if (s->nconns >= s->max_conns)
			reject(s, f);
		else
			start_conn(s, f);
	}
	s->conduit->unlisten(s->conduit, l);
	mcc_job_cancel(s->watchdog);
	mcc_job_join(s->watchdog);
	s->watchdog = NULL;
	s->fn = NULL;
	return r;
}

int mcc_http_server_connect(mcc_http_server *self, int port,
			    mcc_conduit *conduit)
{
	if (port <= 0 || port > 65535 || !conduit)
		return -MCC_EINVAL;
	char *zero = (char *)self;
	for (size_t i = 0; i < sizeof *self; i++)
		zero[i] = 0;
	self->http.dev.kind = "http_server";
	self->http.serve = serve;
	self->conduit = conduit;
	self->port = (uint16_t)port;
	self->limits = mcc_http_default_limits;
	/* As many keep-alive clients as a busy static site sees; each costs a
	 * job stack (64 KiB, committed lazily on Unix). */
	self->max_conns = 1024;
	self->backlog = 64;
	self->idle_timeout_ns = 15ull * 1000000000;
	self->request_timeout_ns = 20ull * 1000000000;
	self->write_timeout_ns = 60ull * 1000000000;
	return 0;
}
