/* tests/net/test_tcp_core.c - the TCP state machine driven by hand-built
 * segments: handshake, options, data in and out of order, RST, FIN and
 * TIME_WAIT, retransmission, fast retransmit, backlog. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "net/tcp_core.h"
#include "net_test.h"

#define US IP(10, 0, 0, 2)
#define PEER IP(10, 0, 0, 1)
#define MS 1000000ull

/* Segments the core sent, parsed. */
typedef struct out_seg {
	mcc_tcp_seg s;
	uint8_t raw[2048];
	size_t len;
} out_seg;

static out_seg sent[64];
static int nsent;
static unsigned events;

static int emit(void *ctx, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		const mcc_iov *iov, int n)
{
	(void)ctx;
	assert_true(nsent < 64);
	out_seg *o = &sent[nsent++];
	o->len = net_test_flatten(iov, n, o->raw, sizeof o->raw);
	assert_int_equal(mcc_tcp_parse(o->raw, o->len, src, dst, &o->s), 0);
	return 0;
}

static void event(void *ctx, mcc_tcpc_conn *c, mcc_tcpc_listener *l,
		  unsigned ev)
{
	(void)ctx, (void)c, (void)l;
	events |= ev;
}

static mcc_tcpc core;

static int setup(void **state)
{
	(void)state;
	nsent = 0;
	events = 0;
	mcc_tcpc_init(&core, 1500, emit, event, NULL, 42);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mcc_tcpc_fini(&core);
	assert_int_equal(net_test_live_bytes, 0);
	return 0;
}

/* Deliver a segment from PEER:sport to US:dport. */
static void feed(uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack,
		 uint8_t flags, uint16_t wnd, const char *data, uint64_t now)
{
	uint8_t buf[2048];
	size_t n = data ? strlen(data) : 0;
	mcc_tcp_seg s = {.sport = sport, .dport = dport, .seq = seq,
			 .ack = ack, .flags = flags, .wnd = wnd, .wscale = -1,
			 .data = (const uint8_t *)data, .len = n};
	size_t h = mcc_tcp_build(buf, &s, PEER, US);
	if (n)
		memcpy(buf + h, data, n);
	mcc_tcpc_input(&core, PEER, US, buf, h + n, now);
}

static void feed_syn(uint16_t sport, uint16_t dport, uint32_t seq,
		     uint16_t mss, int ws, uint64_t now)
{
	uint8_t buf[64];
	mcc_tcp_seg s = {.sport = sport, .dport = dport, .seq = seq,
			 .flags = TCP_SYN, .wnd = 65535, .mss = mss,
			 .wscale = ws};
	size_t h = mcc_tcp_build(buf, &s, PEER, US);
	mcc_tcpc_input(&core, PEER, US, buf, h, now);
}

/* Open a connection to port 80 from PEER:4000 with ISN 1000 and window
 * scale 2; returns the accepted connection. */
static mcc_tcpc_conn *open_conn(mcc_tcpc_listener **lp)
{
	mcc_tcpc_listener *l;
	assert_int_equal(mcc_tcpc_listen(&core, 80, 4, &l), 0);
	feed_syn(4000, 80, 1000, 1200, 2, 0);
	assert_int_equal(nsent, 1);
	uint32_t iss = sent[0].s.seq;
	feed(4000, 80, 1001, iss + 1, TCP_ACK, 1000, NULL, 1 * MS);
	mcc_tcpc_conn *c = mcc_tcpc_accept(&core, l);
	assert_non_null(c);
	nsent = 0;
	if (lp)
		*lp = l;
	return c;
}

static void test_handshake_and_options(void **state)
{
	(void)state;
	mcc_tcpc_listener *l;
	assert_int_equal(mcc_tcpc_listen(&core, 80, 4, &l), 0);
	feed_syn(4000, 80, 1000, 1200, 2, 0);
	assert_int_equal(nsent, 1);
	mcc_tcp_seg *sa = &sent[0].s;
	assert_int_equal(sa->flags, TCP_SYN | TCP_ACK);
	assert_int_equal(sa->ack, 1001);
	assert_int_equal(sa->mss, 1460);
	assert_true(sa->wscale >= 1);          /* 128 KiB buffer needs it */
	assert_null(mcc_tcpc_accept(&core, l)); /* not established yet */
	feed(4000, 80, 1001, sa->seq + 1, TCP_ACK, 1000, NULL, MS);
	assert_true(events & MCC_TCPC_ACCEPTABLE);
	mcc_tcpc_conn *c = mcc_tcpc_accept(&core, l);
	assert_non_null(c);
	assert_int_equal(c->state, TCPS_ESTABLISHED);
	assert_int_equal(c->snd_mss, 1200);     /* the peer's smaller MSS */
	assert_int_equal(c->snd_wnd, 4000);     /* 1000 << 2 */
	mcc_tcpc_abort(c, 2 * MS);
	mcc_tcpc_unlisten(&core, l, 2 * MS);
}

static void test_rst_to_closed_port(void **state)
{
	(void)state;
	feed_syn(4000, 81, 5000, 1460, -1, 0);
	assert_int_equal(nsent, 1);
	assert_int_equal(sent[0].s.flags, TCP_RST | TCP_ACK);
	assert_int_equal(sent[0].s.ack, 5001);
	/* A RST never provokes a RST. */
	nsent = 0;
	feed(4000, 81, 1, 0, TCP_RST, 0, NULL, 0);
	assert_int_equal(nsent, 0);
}

static void test_bad_checksum_dropped(void **state)
{
	(void)state;
	mcc_tcpc_listener *l;
	assert_int_equal(mcc_tcpc_listen(&core, 80, 4, &l), 0);
	uint8_t buf[64];
	mcc_tcp_seg s = {.sport = 4000, .dport = 80, .seq = 1, .flags = TCP_SYN,
			 .wnd = 100, .wscale = -1};
	size_t h = mcc_tcp_build(buf, &s, PEER, US);
	buf[16] ^= 0x55;
	mcc_tcpc_input(&core, PEER, US, buf, h, 0);
	assert_int_equal(nsent, 0);
	/* Truncated header, bad data offset. */
	mcc_tcpc_input(&core, PEER, US, buf, 10, 0);
	buf[16] ^= 0x55;
	buf[12] = 0x20;                         /* offset 8 bytes < 20 */
	mcc_tcpc_input(&core, PEER, US, buf, h, 0);
	assert_int_equal(nsent, 0);
	mcc_tcpc_unlisten(&core, l, 0);
}

static void test_data_in_and_out_of_order(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	uint32_t ack = c->snd_una;
	feed(4000, 80, 1006, ack, TCP_ACK, 1000, "world", 2 * MS);
	assert_int_equal(nsent, 1);             /* duplicate ACK */
	assert_int_equal(sent[0].s.ack, 1001);
	char buf[32];
	assert_int_equal(mcc_tcpc_recv(c, buf, sizeof buf, 2 * MS), -MCC_EAGAIN);
	feed(4000, 80, 1001, ack, TCP_ACK, 1000, "hello", 3 * MS);
	assert_int_equal(sent[nsent - 1].s.ack, 1011);
	assert_true(events & MCC_TCPC_READABLE);
	assert_int_equal(mcc_tcpc_recv(c, buf, sizeof buf, 3 * MS), 10);
	assert_memory_equal(buf, "helloworld", 10);
	/* A retransmission overlapping old data only adds the new part. */
	feed(4000, 80, 1008, ack, TCP_ACK, 1000, "rld!!", 4 * MS);
	assert_int_equal(mcc_tcpc_recv(c, buf, sizeof buf, 4 * MS), 2);
	assert_memory_equal(buf, "!!", 2);
	/* Out of window: not taken, answered with an ACK. */
	nsent = 0;
	feed(4000, 80, 1013 + 200000, ack, TCP_ACK, 1000, "x", 5 * MS);
	assert_int_equal(nsent, 1);
	assert_int_equal(sent[0].s.ack, 1013);
	mcc_tcpc_abort(c, 6 * MS);
}

static void test_rst_resets(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	char buf[8];
	/* In the window but not exact: a challenge ACK, no reset. */
	feed(4000, 80, 1050, 0, TCP_RST, 0, NULL, 2 * MS);
	assert_int_equal(nsent, 1);
	assert_int_equal(sent[0].s.flags, TCP_ACK);
	assert_int_equal(c->state, TCPS_ESTABLISHED);
	feed(4000, 80, 1001, 0, TCP_RST, 0, NULL, 3 * MS);
	assert_int_equal(c->state, TCPS_CLOSED);
	assert_int_equal(mcc_tcpc_recv(c, buf, sizeof buf, 3 * MS), -MCC_ECONNRESET);
	assert_int_equal(mcc_tcpc_send(c, "x", 1, 3 * MS), -MCC_ECONNRESET);
	mcc_tcpc_close(c, 4 * MS);
}

static void test_send_and_retransmit(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	assert_int_equal(mcc_tcpc_send(c, "abc", 3, 10 * MS), 3);
	assert_int_equal(nsent, 1);
	assert_int_equal(sent[0].s.len, 3);
	assert_true(sent[0].s.flags & TCP_PSH);
	uint32_t seq = sent[0].s.seq;
	uint64_t at = mcc_tcpc_next_deadline(&core);
	assert_int_equal(at, 10 * MS + 1000 * MS);   /* initial RTO 1 s */
	mcc_tcpc_tick(&core, at - 1);
	assert_int_equal(nsent, 1);
	mcc_tcpc_tick(&core, at);
	assert_int_equal(nsent, 2);
	assert_int_equal(sent[1].s.seq, seq);
	assert_memory_equal(sent[1].s.data, "abc", 3);
	/* Backed off: the next timeout is 2 s later. */
	assert_int_equal(mcc_tcpc_next_deadline(&core), at + 2000 * MS);
	feed(4000, 80, 1001, seq + 3, TCP_ACK, 1000, NULL, at + 5 * MS);
	assert_int_equal(mcc_tcpc_next_deadline(&core), UINT64_MAX);
	assert_true(mcc_tcpc_drained(c));
	mcc_tcpc_abort(c, at + 6 * MS);
}

static void test_retransmit_gives_up(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	core.max_retries = 3;
	assert_int_equal(mcc_tcpc_send(c, "abc", 3, 0), 3);
	uint64_t now = 0;
	for (int i = 0; i < 5 && c->state != TCPS_CLOSED; i++) {
		now = mcc_tcpc_next_deadline(&core);
		mcc_tcpc_tick(&core, now);
	}
	assert_int_equal(c->state, TCPS_CLOSED);
	char b[4];
	assert_int_equal(mcc_tcpc_recv(c, b, 4, now), -MCC_ETIMEDOUT);
	mcc_tcpc_close(c, now);
}

static void test_fast_retransmit(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	static char data[1200 * 4];
	memset(data, 'd', sizeof data);
	feed(4000, 80, 1001, c->snd_una, TCP_ACK, 60000, NULL, MS);
	assert_int_equal(mcc_tcpc_send(c, data, sizeof data, 2 * MS),
			 (long)sizeof data);
	assert_int_equal(nsent, 3);     /* RFC 5681 IW: 3 segments of 1200 */
	uint32_t first = sent[0].s.seq;
	nsent = 0;
	for (int i = 0; i < 2; i++)
		feed(4000, 80, 1001, first, TCP_ACK, 60000, NULL, 3 * MS);
	assert_int_equal(nsent, 0);
	feed(4000, 80, 1001, first, TCP_ACK, 60000, NULL, 3 * MS);
	/* The third duplicate: the first segment again, then the inflated
	 * window (ssthresh + 3 MSS) lets the last segment out. */
	assert_int_equal(nsent, 2);
	assert_int_equal(sent[0].s.seq, first);
	assert_int_equal(sent[1].s.seq, first + 3600);
	assert_int_equal(sent[0].s.len, 1200);
	assert_true(c->in_recovery);
	/* A full ACK ends recovery with cwnd = ssthresh. */
	feed(4000, 80, 1001, first + sizeof data, TCP_ACK, 60000, NULL, 4 * MS);
	assert_false(c->in_recovery);
	assert_int_equal(c->cwnd, c->ssthresh);
	mcc_tcpc_abort(c, 5 * MS);
}

static void test_close_fin_time_wait(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	uint32_t seq = c->snd_nxt;
	mcc_tcpc_close(c, 10 * MS);
	assert_int_equal(nsent, 1);
	assert_true(sent[0].s.flags & TCP_FIN);
	assert_int_equal(c->state, TCPS_FIN_WAIT_1);
	feed(4000, 80, 1001, seq + 1, TCP_ACK, 1000, NULL, 11 * MS);
	assert_int_equal(c->state, TCPS_FIN_WAIT_2);
	feed(4000, 80, 1001, seq + 1, TCP_ACK | TCP_FIN, 1000, NULL, 12 * MS);
	assert_int_equal(c->state, TCPS_TIME_WAIT);
	assert_int_equal(sent[nsent - 1].s.ack, 1002);
	/* A retransmitted FIN is acknowledged again. */
	nsent = 0;
	feed(4000, 80, 1001, seq + 1, TCP_ACK | TCP_FIN, 1000, NULL, 13 * MS);
	assert_int_equal(nsent, 1);
	assert_int_equal(sent[0].s.ack, 1002);
	mcc_tcpc_tick(&core, 13 * MS + core.time_wait_ns);
	assert_null(core.conns);
}

static void test_close_unread_lingers(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	uint32_t seq = c->snd_nxt;
	feed(4000, 80, 1001, seq, TCP_ACK, 1000, "unread", MS);
	nsent = 0;
	mcc_tcpc_close(c, 2 * MS);
	/* A FIN, not a RST: a response in flight must survive. */
	assert_int_equal(nsent, 1);
	assert_int_equal(sent[0].s.flags, TCP_ACK | TCP_FIN);
	assert_int_equal(sent[0].s.ack, 1007);
	/* More data after the close is acknowledged and dropped. */
	feed(4000, 80, 1007, seq + 1, TCP_ACK, 1000, "more", 3 * MS);
	assert_int_equal(c->state, TCPS_FIN_WAIT_2);
	assert_int_equal(sent[nsent - 1].s.ack, 1011);
	assert_int_equal(c->rcv.len, 0);
	/* The peer never closes: the orphan is reset and freed. */
	uint64_t at = mcc_tcpc_next_deadline(&core);
	assert_int_equal(at, 3 * MS + core.fin_wait_ns);
	mcc_tcpc_tick(&core, at);
	assert_int_equal(sent[nsent - 1].s.flags & TCP_RST, TCP_RST);
	assert_null(core.conns);
}

static void test_passive_close(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	feed(4000, 80, 1001, c->snd_una, TCP_ACK | TCP_FIN, 1000, "bye", MS);
	assert_int_equal(c->state, TCPS_CLOSE_WAIT);
	char b[8];
	assert_int_equal(mcc_tcpc_recv(c, b, 8, MS), 3);
	assert_int_equal(mcc_tcpc_recv(c, b, 8, MS), 0);   /* end of stream */
	assert_int_equal(mcc_tcpc_send(c, "ok", 2, 2 * MS), 2);
	uint32_t seq = c->snd_una;
	nsent = 0;
	mcc_tcpc_close(c, 3 * MS);
	assert_int_equal(nsent, 1);
	assert_true(sent[0].s.flags & TCP_FIN);
	assert_int_equal(sent[0].s.seq, seq + 2);
	assert_int_equal(c->state, TCPS_LAST_ACK);
	feed(4000, 80, 1005, seq + 2, TCP_ACK, 1000, NULL, 4 * MS);
	assert_int_equal(c->state, TCPS_LAST_ACK);
	feed(4000, 80, 1005, seq + 3, TCP_ACK, 1000, NULL, 5 * MS);
	assert_null(core.conns);         /* LAST_ACK -> CLOSED, freed */
}

static void test_fin_out_of_order(void **state)
{
	(void)state;
	mcc_tcpc_conn *c = open_conn(NULL);
	feed(4000, 80, 1004, c->snd_una, TCP_ACK | TCP_FIN, 1000, "def", MS);
	assert_int_equal(c->state, TCPS_ESTABLISHED);
	feed(4000, 80, 1001, c->snd_una, TCP_ACK, 1000, "abc", 2 * MS);
	assert_int_equal(c->state, TCPS_CLOSE_WAIT);
	char b[8];
	assert_int_equal(mcc_tcpc_recv(c, b, 8, 3 * MS), 6);
	assert_memory_equal(b, "abcdef", 6);
	assert_int_equal(mcc_tcpc_recv(c, b, 8, 3 * MS), 0);
	mcc_tcpc_close(c, 3 * MS);
}

static void test_backlog_bounded(void **state)
{
	(void)state;
	mcc_tcpc_listener *l;
	assert_int_equal(mcc_tcpc_listen(&core, 80, 1, &l), 0);
	feed_syn(4000, 80, 1000, 1460, -1, 0);
	feed_syn(4001, 80, 2000, 1460, -1, 0);
	assert_int_equal(nsent, 1);
	assert_int_equal(sent[0].s.dport, 4000);
	/* A lost SYN-ACK: the peer's SYN retransmission gets it again. */
	feed_syn(4000, 80, 1000, 1460, -1, MS);
	assert_int_equal(nsent, 2);
	assert_int_equal(sent[1].s.flags, TCP_SYN | TCP_ACK);
	mcc_tcpc_unlisten(&core, l, 2 * MS);
	assert_null(core.conns);
}

static void test_active_open_refused(void **state)
{
	(void)state;
	mcc_tcpc_conn *c;
	assert_int_equal(mcc_tcpc_connect(&core, US, PEER, 80, 0, &c), 0);
	assert_int_equal(nsent, 1);
	assert_int_equal(sent[0].s.flags, TCP_SYN);
	assert_int_equal(sent[0].s.mss, 1460);
	uint16_t lport = sent[0].s.sport;
	feed(80, lport, 0, sent[0].s.seq + 1, TCP_RST | TCP_ACK, 0, NULL, MS);
	assert_int_equal(c->state, TCPS_CLOSED);
	assert_int_equal(mcc_tcpc_send(c, "x", 1, MS), -MCC_ECONNREFUSED);
	mcc_tcpc_close(c, MS);
}

static void test_active_open_no_wscale(void **state)
{
	(void)state;
	mcc_tcpc_conn *c;
	assert_int_equal(mcc_tcpc_connect(&core, US, PEER, 80, 0, &c), 0);
	uint8_t buf[64];
	mcc_tcp_seg s = {.sport = 80, .dport = sent[0].s.sport, .seq = 7000,
			 .ack = sent[0].s.seq + 1, .flags = TCP_SYN | TCP_ACK,
			 .wnd = 5000, .mss = 900, .wscale = -1};
	size_t h = mcc_tcp_build(buf, &s, PEER, US);
	mcc_tcpc_input(&core, PEER, US, buf, h, MS);
	assert_int_equal(c->state, TCPS_ESTABLISHED);
	assert_false(c->wscale_ok);
	assert_int_equal(c->snd_wnd, 5000);
	assert_int_equal(c->snd_mss, 900);
	assert_int_equal(sent[nsent - 1].s.ack, 7001);
	/* Without scaling we advertise at most 65535. */
	assert_int_equal(sent[nsent - 1].s.wnd, 65535);
	mcc_tcpc_abort(c, MS);
}

static void test_many_connections_and_time_wait_limit(void **state)
{
	(void)state;
	mcc_tcpc_listener *l;
	enum { N = 300 };
	static uint32_t iss[N];
	core.max_time_wait = 100;
	assert_int_equal(mcc_tcpc_listen(&core, 80, N, &l), 0);
	for (int i = 0; i < N; i++) {
		nsent = 0;
		feed_syn((uint16_t)(10000 + i), 80, 1000, 1460, -1, 0);
		assert_int_equal(nsent, 1);
		iss[i] = sent[0].s.seq;
	}
	/* Every handshake completes on its own connection (hash lookups). */
	for (int i = 0; i < N; i++)
		feed((uint16_t)(10000 + i), 80, 1001, iss[i] + 1, TCP_ACK, 1000, NULL, MS);
	for (int i = 0; i < N; i++) {
		nsent = 0;
		mcc_tcpc_conn *c = mcc_tcpc_accept(&core, l);
		assert_non_null(c);
		assert_int_equal(c->rport, 10000 + i);
		/* Active close, FIN acked, peer FIN: TIME_WAIT. */
		mcc_tcpc_close(c, 2 * MS);
		feed((uint16_t)(10000 + i), 80, 1001, iss[i] + 2, TCP_ACK | TCP_FIN,
		     1000, NULL, 3 * MS);
	}
	assert_null(mcc_tcpc_accept(&core, l));
	assert_null(core.conns);
	/* Only the newest max_time_wait are kept. */
	assert_int_equal(core.ntime_wait, 100);
	assert_int_equal(core.tw_head->rport, 10000 + N - 100);
	mcc_tcpc_tick(&core, 3 * MS + core.time_wait_ns);
	assert_null(core.tw_head);
	assert_int_equal(core.ntime_wait, 0);
	mcc_tcpc_unlisten(&core, l, 4 * MS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_handshake_and_options, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rst_to_closed_port, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_checksum_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_data_in_and_out_of_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rst_resets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_send_and_retransmit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retransmit_gives_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fast_retransmit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_fin_time_wait, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_unread_lingers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_passive_close, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fin_out_of_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backlog_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_active_open_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_active_open_no_wscale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_connections_and_time_wait_limit, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
