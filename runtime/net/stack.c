/* net/stack.c - a STACKV4 that hands out its TCP and UDP devices. */
#include "net/stack.h"

static mcc_tcpv4 *stack_tcp(mcc_stackv4 *s)
{
	return ((mcc_direct_stack *)s)->tcp;
}

static mcc_udpv4 *stack_udp(mcc_stackv4 *s)
{
	return ((mcc_direct_stack *)s)->udp;
}

static mcc_ipv4_addr stack_address(mcc_stackv4 *s)
{
	mcc_ipv4 *ip = ((mcc_direct_stack *)s)->ip;
	return ip->address(ip);
}

int mcc_direct_stack_connect(mcc_direct_stack *self, mcc_ipv4 *ip,
			     mcc_udpv4 *udp, mcc_tcpv4 *tcp)
{
	if (!ip || !udp || !tcp)
		return -MCC_EINVAL;
	self->stack.dev.kind = "direct_stack";
	self->stack.dev.disconnect = NULL;
	self->stack.tcp = stack_tcp;
	self->stack.udp = stack_udp;
	self->stack.address = stack_address;
	self->ip = ip;
	self->udp = udp;
	self->tcp = tcp;
	return 0;
}
