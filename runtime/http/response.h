/* http/response.h - the response writer behind mcc_http_response. */
#ifndef MCC_HTTP_RESPONSE_H
#define MCC_HTTP_RESPONSE_H

#include "mcc/http.h"
#include "mcc/flow.h"

#define MCC_HTTP_OUTBUF 8192
#define MCC_HTTP_EXTRA_HEADERS 1024

struct mcc_http_response {
	mcc_flow *flow;
	const mcc_http_request *req;
	bool head;                /* HEAD: lengths but no body bytes */
	bool started, finished;
	bool chunked;
	bool no_body;             /* 1xx, 204, 304 */
	bool close_after;         /* the connection cannot be reused */
	int status;
	long long remaining;      /* Content-Length bytes still owed */
	long long body_bytes;
	int err;                  /* first write error (negative) */
	uint64_t *deadline;       /* the server's per-connection watchdog */
	uint64_t write_timeout;
	char extra[MCC_HTTP_EXTRA_HEADERS];
	size_t extra_len;
	uint8_t out[MCC_HTTP_OUTBUF];
	size_t out_len;
};

/* Prepare resp for answering req on flow. */
void mcc_http_response_init(mcc_http_response *resp, mcc_flow *flow,
			    const mcc_http_request *req);
/* Send everything buffered. */
int mcc_http_response_flush(mcc_http_response *resp);

#endif
