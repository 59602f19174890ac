/* unix/socket_stack.h - socket_stackv4: a stackv4 over the host's own
 * sockets (TCP and UDP on every local IPv4 address).  Sockets are
 * non-blocking and wait through unix/io.h, so a read blocks its job only. */
#ifndef MCC_UNIX_SOCKET_STACK_H
#define MCC_UNIX_SOCKET_STACK_H

#include "mcc/stackv4.h"

struct mcc_socket_udp_port;

typedef struct mcc_socket_stack {
	mcc_stackv4 s;
	mcc_tcpv4 tcp;          /* returned by s.tcp() */
	mcc_udpv4 udp;          /* returned by s.udp() */
	struct mcc_socket_udp_port *udp_ports;   /* one bound socket per port */
} mcc_socket_stack;

int mcc_socket_stack_connect(mcc_socket_stack *self);

/* The port a listener of this stack is bound to (useful after listening
 * on port 0, which picks a free one). */
uint16_t mcc_socket_stack_listener_port(const mcc_tcp_listener *l);

#endif
