/* tests/net/test_stack_mem.c - two complete stacks (ethif, arp, ipv4,
 * udp, tcp, direct stack, conduit, http server) running on the real
 * scheduler and joined by an in-memory Ethernet link that drops frames.
 * Exercises ARP resolution, ICMP echo, UDP, TCP connect/transfer and the
 * HTTP server with keep-alive, pipelining, limits and traversal checks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "net/ethif.h"
#include "net/arp.h"
#include "net/ipv4.h"
#include "net/udp.h"
#include "net/tcp.h"
#include "net/stack.h"
#include "net/checksum.h"
#include "net/wire.h"
#include "http/conduit.h"
#include "http/server.h"
#include "net_test.h"

/* ---- an in-memory NETWORK pair ---- */
typedef struct mframe {
	struct mframe *next;
	size_t len;
	uint8_t data[];
} mframe;

typedef struct memnet {
	mcc_network net;
	struct memnet *peer;
	mframe *head, *tail;
	int queued;
	mcc_waitq q;
	uint8_t mac[6];
	unsigned loss_pct;
	uint64_t rng;
	unsigned long sent, dropped;
} memnet;

static long mn_recv(mcc_network *n, void *buf, size_t len)
{
	memnet *m = (memnet *)n;
	while (!m->head) {
		int r = mcc_wait(&m->q, 0);
		if (r < 0)
			return r;
	}
	mframe *f = m->head;
	m->head = f->next;
	if (!m->head)
		m->tail = NULL;
	m->queued--;
	size_t k = f->len < len ? f->len : len;
	memcpy(buf, f->data, k);
	long full = (long)f->len;
	free(f);
	return full;
}

static int mn_send(mcc_network *n, const void *frame, size_t len)
{
	memnet *m = (memnet *)n, *p = m->peer;
	m->sent++;
	m->rng ^= m->rng << 13, m->rng ^= m->rng >> 7, m->rng ^= m->rng << 17;
	if ((m->rng >> 20) % 100 < m->loss_pct || p->queued >= 512) {
		m->dropped++;
		return 0;
	}
	mframe *f = malloc(sizeof *f + len);
	f->next = NULL;
	f->len = len;
	memcpy(f->data, frame, len);
	if (p->tail)
		p->tail->next = f;
	else
		p->head = f;
	p->tail = f;
	p->queued++;
	mcc_wake_one(&p->q);
	return 0;
}

static void mn_mac(mcc_network *n, uint8_t out[6])
{
	memcpy(out, ((memnet *)n)->mac, 6);
}

static unsigned mn_mtu(mcc_network *n)
{
	(void)n;
	return 1500;
}

static void mn_init(memnet *m, memnet *peer, uint8_t last, unsigned loss)
{
	memset(m, 0, sizeof *m);
	m->net.recv = mn_recv;
	m->net.send = mn_send;
	m->net.mac = mn_mac;
	m->net.mtu = mn_mtu;
	m->peer = peer;
	uint8_t mac[6] = {0x02, 0, 0, 0, 0, last};
	memcpy(m->mac, mac, 6);
	m->loss_pct = loss;
	m->rng = 0x1234567ull * last;
}

/* ---- one host ---- */
typedef struct host {
	memnet link;
	mcc_ethif eth;
	mcc_arpv4 arp;
	mcc_static_ipv4 ip;
	mcc_udp udp;
	mcc_tcp tcp;
	mcc_direct_stack stack;
	mcc_conduit_direct conduit;
	mcc_http_server http;
} host;

static host A, B;                /* A serves, B is the client */
static int failures;
static mcc_job *server_job, *echo_job;

#define CHECK(c) do { if (!(c)) { failures++; \
	print_error("check failed at line %d: %s\n", __LINE__, #c); } } while (0)

static int host_up(host *h, const char *cidr)
{
	int r;
	if ((r = mcc_ethif_connect(&h->eth, &h->link.net)) < 0 ||
	    (r = mcc_arpv4_connect(&h->arp, &h->eth.eth)) < 0 ||
	    (r = mcc_static_ipv4_connect(&h->ip, cidr, "", &h->eth.eth,
					 &h->arp.arp)) < 0 ||
	    (r = mcc_udp_connect(&h->udp, &h->ip.ip)) < 0 ||
	    (r = mcc_tcp_connect(&h->tcp, &h->ip.ip)) < 0 ||
	    (r = mcc_direct_stack_connect(&h->stack, &h->ip.ip, &h->udp.udp,
					  &h->tcp.tcp)) < 0 ||
	    (r = mcc_conduit_direct_connect(&h->conduit, &h->stack.stack)) < 0 ||
	    (r = mcc_http_server_connect(&h->http, 80, &h->conduit.conduit)) < 0)
		return r;
	return 0;
}

static void host_down(host *h)
{
	h->tcp.tcp.flow.dev.disconnect(&h->tcp.tcp.flow.dev);
	h->udp.udp.dev.disconnect(&h->udp.udp.dev);
	h->ip.ip.dev.disconnect(&h->ip.ip.dev);
	h->arp.arp.dev.disconnect(&h->arp.arp.dev);
	h->eth.eth.dev.disconnect(&h->eth.eth.dev);
	while (h->link.head) {
		mframe *f = h->link.head;
		h->link.head = f->next;
		free(f);
	}
}

/* ---- the server side ---- */
#define BIG (1u << 20)

static uint8_t pat(size_t i) { return (uint8_t)(i * 13 + (i >> 11)); }

static int handler(void *ctx, const mcc_http_request *req,
		   mcc_http_response *resp)
{
	(void)ctx;
	if (!strcmp(req->path, "/hello"))
		return mcc_http_respond(resp, 200, "text/plain", "hi\n", 3);
	if (!strcmp(req->path, "/echo"))
		return mcc_http_respond(resp, 200, "application/octet-stream",
					req->body, req->body_len);
	if (!strcmp(req->path, "/big")) {
		static uint8_t chunk[4096];
		mcc_http_start(resp, 200, NULL, -1);     /* chunked */
		for (size_t off = 0; off < BIG; off += sizeof chunk) {
			for (size_t i = 0; i < sizeof chunk; i++)
				chunk[i] = pat(off + i);
			if (mcc_http_write(resp, chunk, sizeof chunk) < 0)
				return -1;
		}
		return mcc_http_finish(resp);
	}
	return mcc_http_respond_error(resp, 404);
}

static int server(void *arg)
{
	(void)arg;
	return A.http.http.serve(&A.http.http, handler, NULL);
}

static int udp_echo(void *arg)
{
	(void)arg;
	uint8_t buf[2048];
	for (;;) {
		mcc_ipv4_addr src;
		uint16_t sport;
		long n = A.udp.udp.recvfrom(&A.udp.udp, 7, buf, sizeof buf, &src, &sport);
		if (n < 0)
			return 0;
		A.udp.udp.sendto(&A.udp.udp, 7, src, sport, buf, (size_t)n);
	}
}

/* ---- the client side ---- */
static size_t read_all(mcc_flow *f, char *buf, size_t cap)
{
	size_t len = 0;
	for (;;) {
		long n = f->read(f, buf + len, cap - len);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	return len;
}

/* Read until buf holds `need` bytes or the stream ends. */
static size_t read_n(mcc_flow *f, char *buf, size_t need)
{
	size_t len = 0;
	while (len < need) {
		long n = f->read(f, buf + len, need - len);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	return len;
}

static mcc_flow *http_connect(void)
{
	mcc_flow *f = NULL;
	int r = B.tcp.tcp.connect(&B.tcp.tcp, IP(10, 0, 0, 1), 80, &f);
	CHECK(r == 0);
	return r == 0 ? f : NULL;
}

static void check_ping(void)
{
	uint8_t icmp[16] = {8, 0, 0, 0, 0, 1, 0, 1, 'p', 'i', 'n', 'g', 0, 0, 0, 0};
	wire_put16(icmp + 2, mcc_csum_fold(mcc_csum_add(0, icmp, sizeof icmp)));
	mcc_iov v = {icmp, sizeof icmp};
	for (int i = 0; i < 20 && A.ip.echo_replies == 0; i++) {
		B.ip.ip.write(&B.ip.ip, IP(10, 0, 0, 1), MCC_IPPROTO_ICMP, &v, 1);
		mcc_sleep_ns(200000000ull);
	}
	CHECK(A.ip.echo_replies > 0);
}

static char udp_got[64];
static long udp_len = -1;
static mcc_ipv4_addr udp_from;

static int udp_receiver(void *arg)
{
	(void)arg;
	udp_len = B.udp.udp.recvfrom(&B.udp.udp, 5000, udp_got, sizeof udp_got,
				     &udp_from, NULL);
	return 0;
}

static void check_udp(void)
{
	mcc_job *rx = mcc_job_spawn("udp-rx", udp_receiver, NULL, 0);
	mcc_yield();                     /* let it bind port 5000 */
	for (int i = 0; i < 20 && udp_len < 0; i++) {
		CHECK(B.udp.udp.sendto(&B.udp.udp, 5000, IP(10, 0, 0, 1), 7,
				       "howdy", 5) == 0);
		mcc_sleep_ns(100000000ull);
	}
	if (udp_len < 0)
		mcc_job_cancel(rx);
	mcc_job_join(rx);
	CHECK(udp_len == 5 && !memcmp(udp_got, "howdy", 5));
	CHECK(udp_from == IP(10, 0, 0, 1));
	/* Too big for one datagram without fragmentation. */
	static char big[1500];
	CHECK(B.udp.udp.sendto(&B.udp.udp, 5000, IP(10, 0, 0, 1), 7, big,
			       sizeof big) == -MCC_EMSGSIZE);
}

static void check_http(void)
{
	static char buf[BIG + 65536];
	mcc_flow *f = http_connect();
	if (!f)
		return;
	/* Two pipelined requests in one write; the second closes. */
	const char *req = "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
			  "GET /big HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
	CHECK(f->write(f, req, strlen(req)) == (long)strlen(req));
	size_t len = read_all(f, buf, sizeof buf - 1);
	buf[len] = 0;
	f->close(f);
	CHECK(!strncmp(buf, "HTTP/1.1 200 OK\r\n", 17));
	char *second = strstr(buf, "hi\nHTTP/1.1 200 OK\r\n");
	CHECK(second != NULL);
	if (!second)
		return;
	CHECK(strstr(second, "Transfer-Encoding: chunked") != NULL);
	/* De-chunk and verify the megabyte. */
	char *p = strstr(second, "\r\n\r\n") + 4;
	size_t got = 0;
	for (;;) {
		size_t n = strtoul(p, &p, 16);
		p += 2;
		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++)
			if ((uint8_t)p[i] != pat(got + i)) {
				CHECK(!"body mismatch");
				return;
			}
		got += n;
		p += n + 2;
	}
	CHECK(got == BIG);
}

static void check_http_errors(void)
{
	static char buf[65536];
	struct { const char *req; const char *status; } cases[] = {
		{"GET /../../etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 400 "},
		{"GET /%2e%2e/x HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 400 "},
		{"GET /nothing HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", "HTTP/1.1 404 "},
		{"BREW / HTCPCP/1.0\r\n\r\n", "HTTP/1.1 400 "},
		{"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\n", "HTTP/1.1 413 "},
		{"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
		 "Connection: close\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
		 "HTTP/1.1 200 OK\r\nServer: mcc\r\nContent-Type: application/octet-stream\r\n"
		 "Content-Length: 5\r\nConnection: close\r\n\r\nabcde"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		mcc_flow *f = http_connect();
		if (!f)
			return;
		f->write(f, cases[i].req, strlen(cases[i].req));
		size_t len = read_all(f, buf, sizeof buf - 1);
		buf[len] = 0;
		f->close(f);
		if (strncmp(buf, cases[i].status, strlen(cases[i].status))) {
			print_error("case %zu got: %.80s\n", i, buf);
			failures++;
		}
	}
	/* A long target: 414. */
	mcc_flow *f = http_connect();
	if (!f)
		return;
	static char longreq[10000];
	memset(longreq, 'a', sizeof longreq);
	memcpy(longreq, "GET /", 5);
	f->write(f, longreq, sizeof longreq);
	size_t len = read_n(f, buf, 20);
	buf[len] = 0;
	f->close(f);
	CHECK(!strncmp(buf, "HTTP/1.1 414 ", 13));
}

/* A client that stops half-way through its request gets 408 once the
 * request timeout passes; an idle one is closed; the connection limit
 * answers 503. */
static void check_timeouts_and_limits(void)
{
	static char buf[4096];
	A.http.request_timeout_ns = 700000000ull;
	A.http.idle_timeout_ns = 700000000ull;
	uint64_t t0 = mcc_now_ns();
	mcc_flow *f = http_connect();
	if (!f)
		return;
	f->write(f, "GET / HTTP/1.1\r\nHo", 18);
	size_t len = read_all(f, buf, sizeof buf - 1);
	buf[len] = 0;
	f->close(f);
	CHECK(!strncmp(buf, "HTTP/1.1 408 ", 13));
	CHECK(mcc_now_ns() - t0 < 3000000000ull);
	/* Idle: closed without a response. */
	f = http_connect();
	if (!f)
		return;
	CHECK(read_all(f, buf, sizeof buf) == 0);
	f->close(f);
	/* Two connections allowed: the third is turned away.  (Long idle
	 * timeout: a lost SYN makes a connect take a second.) */
	A.http.idle_timeout_ns = 10000000000ull;
	A.http.max_conns = 2;
	mcc_flow *a = http_connect(), *b = http_connect(), *c = http_connect();
	if (a && b && c) {
		len = read_all(c, buf, sizeof buf - 1);
		buf[len] = 0;
		CHECK(!strncmp(buf, "HTTP/1.1 503 ", 13));
		/* The first two still work. */
		const char *req = "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
		a->write(a, req, strlen(req));
		len = read_all(a, buf, sizeof buf - 1);
		buf[len] = 0;
		CHECK(strstr(buf, "\r\n\r\nhi\n") != NULL);
	}
	if (a) a->close(a);
	if (b) b->close(b);
	if (c) c->close(c);
	A.http.max_conns = 128;
}

static int client(void *arg)
{
	(void)arg;
	check_ping();
	check_udp();
	check_http();
	check_http_errors();
	check_timeouts_and_limits();
	/* Let the server's connection jobs see their ends. */
	mcc_sleep_ns(300000000ull);
	mcc_job_cancel(server_job);
	mcc_job_join(server_job);
	mcc_job_cancel(echo_job);
	mcc_job_join(echo_job);
	print_message("  link A->B %lu frames (%lu dropped), B->A %lu (%lu)\n",
		      A.link.sent, A.link.dropped, B.link.sent, B.link.dropped);
	host_down(&A);
	host_down(&B);
	return 0;
}

static int boot(void *arg)
{
	(void)arg;
	CHECK(host_up(&A, "10.0.0.1/24") == 0);
	CHECK(host_up(&B, "10.0.0.2/24") == 0);
	server_job = mcc_job_spawn("server", server, NULL, 0);
	echo_job = mcc_job_spawn("echo", udp_echo, NULL, 0);
	mcc_job *c = mcc_job_spawn("client", client, NULL, 256 * 1024);
	return mcc_job_join(c);
}

static void test_two_stacks(void **state)
{
	(void)state;
	mn_init(&A.link, &B.link, 1, 2);
	mn_init(&B.link, &A.link, 2, 2);
	mcc_job *j = mcc_job_spawn("boot", boot, NULL, 0);
	assert_non_null(j);
	mcc_job_detach(j);
	assert_int_equal(mcc_sched_run(), 0);
	assert_int_equal(failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_stacks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
