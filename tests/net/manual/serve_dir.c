/* tests/net/manual/serve_dir.c - the static website without the
 * compiler: instantiates what the glue for samples/static_website would
 * (with `-k net=direct`) by hand - tap, ethif, arp, ipv4, udp, tcp,
 * direct stack, conduit, HTTP server, a directory kv_ro and the console -
 * and runs the sample's dispatch_main.
 *
 *   serve_dir IFNAME CIDR|dhcp DIR [PORT [GATEWAY]]
 *   e.g. serve_dir tap0 10.0.0.2/24 samples/static_website/htdocs 80
 *   (CIDR "dhcp": the address comes from a DHCP server.)
 *
 * MCC_E2E_MANUAL=1 tests/net/e2e_static_website.sh runs it in a network
 * namespace; dhcp.sh tests the DHCP client with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mcc/sched.h"
#include "unix/tap.h"
#include "unix/console.h"
#include "unix/direct_kv.h"
#include "net/ethif.h"
#include "net/arp.h"
#include "net/ipv4.h"
#include "net/dhcp.h"
#include "net/udp.h"
#include "net/tcp.h"
#include "net/stack.h"
#include "http/conduit.h"
#include "http/server.h"

int dispatch_main(mcc_console *c, mcc_kv_ro *fs, mcc_http *http);

static mcc_unix_tap tap;
static mcc_ethif eth;
static mcc_arpv4 arp;
static mcc_static_ipv4 ip;
static mcc_dhcp_ipv4 dhcp;
static mcc_udp udp;
static mcc_tcp tcp;
static mcc_direct_stack stack;
static mcc_conduit_direct conduit;
static mcc_http_server http;
static mcc_direct_kv kv;
static mcc_unix_console console;

static char **args;
static int nargs;

static int fail(const char *what, int err)
{
	fprintf(stderr, "serve_dir: %s: %s\n", what, mcc_strerror(err));
	return 1;
}

static int boot(void *arg)
{
	(void)arg;
	int port = nargs > 4 ? atoi(args[4]) : 80;
	const char *gw = nargs > 5 ? args[5] : "";
	int r;

	if ((r = mcc_unix_console_connect(&console)) < 0)
		return fail("console", r);
	if ((r = mcc_unix_tap_connect(&tap, args[1])) < 0)
		return fail("tap", r);
	if ((r = mcc_ethif_connect(&eth, &tap.net)) < 0)
		return fail("ethif", r);
	if ((r = mcc_arpv4_connect(&arp, &eth.eth)) < 0)
		return fail("arp", r);
	mcc_ipv4 *v4;
	if (!strcmp(args[2], "dhcp")) {
		if ((r = mcc_dhcp_ipv4_connect(&dhcp, &eth.eth, &arp.arp)) < 0)
			return fail("dhcp_ipv4", r);
		v4 = &dhcp.base.ip;
		char a[16];
		fprintf(stderr, "serve_dir: DHCP lease %s\n",
			mcc_ipv4_format(v4->address(v4), a));
	} else {
		if ((r = mcc_static_ipv4_connect(&ip, args[2], gw, &eth.eth, &arp.arp)) < 0)
			return fail("ipv4", r);
		v4 = &ip.ip;
	}
	if ((r = mcc_udp_connect(&udp, v4)) < 0)
		return fail("udp", r);
	if ((r = mcc_tcp_connect(&tcp, v4)) < 0)
		return fail("tcp", r);
	if ((r = mcc_direct_stack_connect(&stack, v4, &udp.udp, &tcp.tcp)) < 0)
		return fail("stack", r);
	if ((r = mcc_conduit_direct_connect(&conduit, &stack.stack)) < 0)
		return fail("conduit", r);
	if ((r = mcc_http_server_connect(&http, port, &conduit.conduit)) < 0)
		return fail("http_server", r);
	if ((r = mcc_direct_kv_connect(&kv, args[3])) < 0)
		return fail("kv_ro", r);
	return dispatch_main(&console.c, &kv.kv, &http.http);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s IFNAME CIDR DIR [PORT [GATEWAY]]\n",
			argv[0]);
		return 2;
	}
	args = argv;
	nargs = argc;
	mcc_job *j = mcc_job_spawn("boot", boot, NULL, 256 * 1024);
	if (!j)
		return 1;
	mcc_job_detach(j);
	return mcc_sched_run();
}
