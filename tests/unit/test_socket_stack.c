/* tests/unit/test_socket_stack.c - socket_stackv4: TCP and UDP between
 * jobs of one process over 127.0.0.1. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <cmocka.h>
#include "unix/socket_stack.h"
#include "mcc/sched.h"

#define LOCALHOST 0x7f000001u

static mcc_socket_stack stack;
static mcc_tcpv4 *tcp;
static mcc_udpv4 *udp;

static int setup(void **state)
{
	(void)state;
	assert_int_equal(mcc_socket_stack_connect(&stack), 0);
	tcp = stack.s.tcp(&stack.s);
	udp = stack.s.udp(&stack.s);
	assert_int_equal(stack.s.address(&stack.s), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(stack.s.dev.disconnect(&stack.s.dev), 0);
	return 0;
}

/* A UDP port nobody uses right now. */
static uint16_t free_udp_port(void)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t sl = sizeof sa;
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &sl), 0);
	close(fd);
	return ntohs(sa.sin_port);
}

/* --- TCP echo --------------------------------------------------------------- */

#define BIG (4 * 1024 * 1024)   /* larger than socket buffers: writes block */

static mcc_tcp_listener *lst;
static uint16_t lport;

static int echo_server(void *arg)
{
	(void)arg;
	mcc_flow *c;
	mcc_ipv4_addr peer = 0;
	uint16_t pport = 0;
	assert_int_equal(tcp->accept(tcp, lst, &c, &peer, &pport), 0);
	assert_int_equal(peer, LOCALHOST);
	assert_true(pport != 0);
	char *buf = malloc(65536);
	long n;
	while ((n = c->read(c, buf, 65536)) > 0)
		assert_int_equal(c->write(c, buf, (size_t)n), n);
	assert_int_equal(n, 0);
	free(buf);
	/* The device's flow member carries the same operations. */
	assert_int_equal(tcp->flow.close(c), 0);
	return 0;
}

static int echo_client(void *arg)
{
	(void)arg;
	mcc_flow *c;
	assert_int_equal(tcp->connect(tcp, LOCALHOST, lport, &c), 0);
	unsigned char *out = malloc(BIG), *in = malloc(BIG);
	for (size_t i = 0; i < BIG; i++)
		out[i] = (unsigned char)(i * 13 + i / 251);
	/* Write everything from a helper job while this one reads, or both
	 * sides would block on full buffers. */
	assert_int_equal(c->write(c, "hello", 5), 5);
	char h[5];
	size_t got = 0;
	while (got < 5) {
		long n = c->read(c, h + got, 5 - got);
		assert_true(n > 0);
		got += (size_t)n;
	}
	assert_memory_equal(h, "hello", 5);
	size_t sent = 0;
	got = 0;
	while (got < BIG) {
		if (sent < BIG) {
			size_t chunk = BIG - sent < 32768 ? BIG - sent : 32768;
			assert_int_equal(c->write(c, out + sent, chunk), (long)chunk);
			sent += chunk;
		}
		while (got + 32768 <= sent || (sent == BIG && got < BIG)) {
			long n = c->read(c, in + got, BIG - got);
			assert_true(n > 0);
			got += (size_t)n;
		}
	}
	assert_memory_equal(in, out, BIG);
	free(out);
	free(in);
	assert_int_equal(c->close(c), 0);
	return 0;
}

static void test_tcp_echo(void **state)
{
	(void)state;
	assert_int_equal(tcp->listen(tcp, 0, 8, &lst), 0);
	lport = mcc_socket_stack_listener_port(lst);
	assert_true(lport != 0);
	mcc_job_spawn("server", echo_server, NULL, 0);
	mcc_job_spawn("client", echo_client, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
	/* Listening again on the same port while listening fails. */
	mcc_tcp_listener *again;
	assert_int_equal(tcp->listen(tcp, lport, 8, &again), -MCC_EADDRINUSE);
	assert_int_equal(tcp->unlisten(tcp, lst), 0);
}

static int refused_client(void *arg)
{
	(void)arg;
	mcc_flow *c;
	assert_int_equal(tcp->connect(tcp, LOCALHOST, lport, &c), -MCC_ECONNREFUSED);
	assert_int_equal(tcp->connect(tcp, LOCALHOST, 0, &c), -MCC_EINVAL);
	return 0;
}

static void test_tcp_refused(void **state)
{
	(void)state;
	/* Find a port, then stop listening on it. */
	assert_int_equal(tcp->listen(tcp, 0, 1, &lst), 0);
	lport = mcc_socket_stack_listener_port(lst);
	assert_int_equal(tcp->unlisten(tcp, lst), 0);
	mcc_job_spawn("client", refused_client, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
}

static mcc_flow *shared;
static long reader_rc;

static int blocked_reader(void *arg)
{
	(void)arg;
	char b[16];
	reader_rc = shared->read(shared, b, sizeof b);
	return 0;
}

static int closer(void *arg)
{
	(void)arg;
	mcc_flow *peer;
	assert_int_equal(tcp->connect(tcp, LOCALHOST, lport, &shared), 0);
	assert_int_equal(tcp->accept(tcp, lst, &peer, NULL, NULL), 0);
	mcc_job *r = mcc_job_spawn("reader", blocked_reader, NULL, 0);
	mcc_sleep_ns(1000000);            /* the reader is blocked now */
	assert_int_equal(shared->close(shared), 0);
	assert_int_equal(mcc_job_join(r), 0);
	assert_int_equal(peer->close(peer), 0);
	return 0;
}

static void test_tcp_close_wakes_reader(void **state)
{
	(void)state;
	reader_rc = 99;
	assert_int_equal(tcp->listen(tcp, 0, 4, &lst), 0);
	lport = mcc_socket_stack_listener_port(lst);
	mcc_job_spawn("closer", closer, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_int_equal(reader_rc, 0);   /* and no use after free (ASan) */
	assert_int_equal(tcp->unlisten(tcp, lst), 0);
}

static int accept_rc;

static int acceptor(void *arg)
{
	(void)arg;
	mcc_flow *c;
	accept_rc = tcp->accept(tcp, lst, &c, NULL, NULL);
	return 0;
}

static int unlistener(void *arg)
{
	(void)arg;
	mcc_job *a = mcc_job_spawn("acceptor", acceptor, NULL, 0);
	mcc_yield();
	mcc_yield();
	assert_int_equal(tcp->unlisten(tcp, lst), 0);
	mcc_job_join(a);
	assert_int_equal(accept_rc, -MCC_ECLOSED);
	/* And a cancelled accept returns ECANCELED. */
	assert_int_equal(tcp->listen(tcp, 0, 4, &lst), 0);
	a = mcc_job_spawn("acceptor", acceptor, NULL, 0);
	mcc_sleep_ns(1000000);
	mcc_job_cancel(a);
	mcc_job_join(a);
	assert_int_equal(accept_rc, -MCC_ECANCELED);
	assert_int_equal(tcp->unlisten(tcp, lst), 0);
	return 0;
}

static void test_tcp_unlisten_and_cancel_accept(void **state)
{
	(void)state;
	assert_int_equal(tcp->listen(tcp, 0, 4, &lst), 0);
	mcc_job_spawn("u", unlistener, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
}

/* --- UDP ------------------------------------------------------------------- */

static uint16_t port_a, port_b;

static int udp_server(void *arg)
{
	(void)arg;
	char buf[64];
	mcc_ipv4_addr src;
	uint16_t sport;
	long n = udp->recvfrom(udp, port_a, buf, sizeof buf, &src, &sport);
	assert_int_equal(n, 4);
	assert_memory_equal(buf, "ping", 4);
	assert_int_equal(src, LOCALHOST);
	assert_int_equal(sport, port_b);
	assert_int_equal(udp->sendto(udp, port_a, src, sport, "pong!", 5), 0);
	/* A datagram longer than the buffer: its real length comes back. */
	n = udp->recvfrom(udp, port_a, buf, 4, NULL, NULL);
	assert_int_equal(n, 10);
	assert_memory_equal(buf, "0123", 4);
	return 0;
}

static int udp_client(void *arg)
{
	(void)arg;
	char buf[64];
	/* Bind port_b first so that the reply has somewhere to land. */
	assert_int_equal(udp->sendto(udp, port_b, LOCALHOST, port_a, "ping", 4), 0);
	mcc_ipv4_addr src;
	uint16_t sport;
	long n = udp->recvfrom(udp, port_b, buf, sizeof buf, &src, &sport);
	assert_int_equal(n, 5);
	assert_memory_equal(buf, "pong!", 5);
	assert_int_equal(sport, port_a);
	assert_int_equal(udp->sendto(udp, 0, LOCALHOST, port_a, "0123456789", 10), 0);
	return 0;
}

static void test_udp_round_trip(void **state)
{
	(void)state;
	port_a = free_udp_port();
	port_b = free_udp_port();
	if (port_b == port_a)
		port_b = free_udp_port();
	/* The server runs first and binds port_a before the ping is sent. */
	mcc_job_spawn("server", udp_server, NULL, 0);
	mcc_job_spawn("client", udp_client, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
}

static void test_udp_errors(void **state)
{
	(void)state;
	static char big[70000];
	assert_int_equal(udp->sendto(udp, 0, LOCALHOST, 9, big, sizeof big), -MCC_EMSGSIZE);
	assert_int_equal(udp->sendto(udp, 0, LOCALHOST, 0, "x", 1), -MCC_EINVAL);
	char b[4];
	assert_int_equal(udp->recvfrom(udp, 0, b, sizeof b, NULL, NULL), -MCC_EINVAL);
	/* Outside a job a recvfrom with nothing queued cannot block. */
	assert_int_equal(udp->recvfrom(udp, free_udp_port(), b, sizeof b, NULL, NULL), -MCC_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tcp_echo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tcp_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tcp_close_wakes_reader, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tcp_unlisten_and_cancel_accept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_udp_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_udp_errors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
