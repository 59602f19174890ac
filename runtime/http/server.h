/* http/server.h - mcc_http_server: HTTP over a CONDUIT (stdlib
 * `http_server`).
 *
 * One job per connection, at most max_conns at once (more are answered
 * 503 and closed).  A watchdog job cancels connections that stay idle
 * too long between requests, take too long to send a request (slow
 * clients, "slowloris"), or stop reading a response. */
#ifndef MCC_HTTP_SERVER_H
#define MCC_HTTP_SERVER_H

#include "mcc/http.h"
#include "mcc/conduit.h"
#include "mcc/sched.h"
#include "http/http_parse.h"

typedef struct mcc_http_conn mcc_http_conn;

typedef struct mcc_http_server {
	mcc_http http;
	mcc_conduit *conduit;
	uint16_t port;
	mcc_http_limits limits;
	int max_conns, nconns, backlog;
	uint64_t idle_timeout_ns;     /* keep-alive wait for the next request */
	uint64_t request_timeout_ns;  /* first byte to complete request */
	uint64_t write_timeout_ns;    /* each response write's progress */
	mcc_http_conn *conns;         /* live connections (watchdog list) */
	mcc_http_handler fn;
	void *ctx;
	mcc_job *watchdog;
	uint64_t requests, rejected;
} mcc_http_server;

int mcc_http_server_connect(mcc_http_server *self, int port,
			    mcc_conduit *conduit);

#endif
