/* samples/udp_echo/echo.c - a UDP echo server (RFC 862) on any stack. */
#include "mcc/console.h"
#include "mcc/stackv4.h"

int echo_main(mcc_console *c, int port, mcc_stackv4 *stack)
{
	static uint8_t buf[65536];
	mcc_udpv4 *udp = stack->udp(stack);

	if (port <= 0 || port > 65535) {
		mcc_console_printf(c, "echo: bad port %d\n", port);
		return 2;
	}
	mcc_console_printf(c, "echo: UDP port %d\n", port);
	for (;;) {
		mcc_ipv4_addr src;
		uint16_t sport;
		long n = udp->recvfrom(udp, (uint16_t)port, buf, sizeof buf, &src,
				       &sport);
		if (n < 0) {
			mcc_console_printf(c, "echo: %s\n", mcc_strerror((int)n));
			return 1;
		}
		if ((size_t)n > sizeof buf)
			n = sizeof buf;     /* truncated datagram: echo what fit */
		udp->sendto(udp, (uint16_t)port, src, sport, buf, (size_t)n);
	}
}
