/* samples/ping/ping.c - report the address, then keep the unikernel
 * alive: the ipv4 device answers every echo request by itself. */
#include "mcc/console.h"
#include "mcc/ipv4.h"
#include "mcc/time.h"

int ping_main(mcc_console *c, mcc_time *time, mcc_ipv4 *ip)
{
	char addr[16];

	mcc_console_printf(c, "ping: answering ICMP echo on %s\n",
			   mcc_ipv4_format(ip->address(ip), addr));
	for (;;) {
		int r = time->sleep_ns(time, MCC_S(3600));
		if (r < 0)
			return 0;           /* cancelled: shut down quietly */
	}
}
