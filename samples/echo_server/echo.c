/* samples/echo_server: accept TCP connections and echo what they send,
 * one job per connection. */
#include "mcc/console.h"
#include "mcc/sched.h"
#include "mcc/stackv4.h"

static int serve(void *arg)
{
	mcc_flow *conn = arg;
	char buf[4096];
	long n;
	while ((n = conn->read(conn, buf, sizeof buf)) > 0)
		if (conn->write(conn, buf, (size_t)n) < 0)
			break;
	conn->close(conn);
	return 0;
}

int echo_start(int port, mcc_console *c, mcc_stackv4 *stack)
{
	mcc_tcpv4 *tcp = stack->tcp(stack);
	mcc_tcp_listener *l;
	int err = tcp->listen(tcp, (uint16_t)port, 64, &l);
	if (err < 0) {
		mcc_console_printf(c, "echo: cannot listen on %d: %s\n", port,
				   mcc_strerror(err));
		return 1;
	}
	mcc_console_printf(c, "echo: listening on port %d\n", port);
	for (;;) {
		mcc_flow *conn;
		if ((err = tcp->accept(tcp, l, &conn, NULL, NULL)) < 0) {
			mcc_console_printf(c, "echo: accept: %s\n", mcc_strerror(err));
			continue;
		}
		mcc_job *j = mcc_job_spawn("echo-conn", serve, conn, 0);
		if (j)
			mcc_job_detach(j);
		else
			conn->close(conn);
	}
}
