/* http/conduit.c - a conduit that is the stack's TCP. */
#include "http/conduit.h"
#include "mcc/ipv4.h"
#include "mcc/platform.h"

struct mcc_conduit_listener {
	mcc_tcp_listener *l;
};

static mcc_tcpv4 *tcp_of(mcc_conduit *c)
{
	mcc_stackv4 *s = ((mcc_conduit_direct *)c)->stack;
	return s->tcp(s);
}

static int cd_listen(mcc_conduit *c, uint16_t port, int backlog,
		     mcc_conduit_listener **out)
{
	mcc_tcpv4 *tcp = tcp_of(c);
	mcc_conduit_listener *l = mcc_plat_alloc(sizeof *l);
	if (!l)
		return -MCC_ENOMEM;
	int r = tcp->listen(tcp, port, backlog, &l->l);
	if (r < 0) {
		mcc_plat_free(l, sizeof *l);
		return r;
	}
	*out = l;
	return 0;
}

static int cd_accept(mcc_conduit *c, mcc_conduit_listener *l, mcc_flow **out)
{
	mcc_tcpv4 *tcp = tcp_of(c);
	return tcp->accept(tcp, l->l, out, NULL, NULL);
}

static int cd_unlisten(mcc_conduit *c, mcc_conduit_listener *l)
{
	mcc_tcpv4 *tcp = tcp_of(c);
	int r = tcp->unlisten(tcp, l->l);
	mcc_plat_free(l, sizeof *l);
	return r;
}

static int cd_connect(mcc_conduit *c, const char *host, uint16_t port,
		      mcc_flow **out)
{
	mcc_ipv4_addr a;
	if (mcc_ipv4_parse_addr(host, &a) < 0)
		return -MCC_EINVAL;
	mcc_tcpv4 *tcp = tcp_of(c);
	return tcp->connect(tcp, a, port, out);
}

int mcc_conduit_direct_connect(mcc_conduit_direct *self, mcc_stackv4 *stack)
{
	if (!stack)
		return -MCC_EINVAL;
	self->conduit.dev.kind = "conduit_direct";
	self->conduit.dev.disconnect = NULL;
	self->conduit.listen = cd_listen;
	self->conduit.accept = cd_accept;
	self->conduit.unlisten = cd_unlisten;
	self->conduit.connect = cd_connect;
	self->stack = stack;
	return 0;
}
