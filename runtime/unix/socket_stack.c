/* unix/socket_stack.c - TCP and UDP over host sockets.
 *
 * A connection is a heap object whose first member is its flow; close
 * frees it.  Several jobs may use one connection (one reads while another
 * writes), and one of them may close it while the other is blocked: each
 * operation holds a use count, close marks the connection closed and
 * wakes the blocked ones, and the last user out frees it. */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include "unix/socket_stack.h"
#include "unix/io.h"

#define SOCK_CONN_MAGIC 0x6d636354u   /* "mccT" */
#define SOCK_UDP_MAX 65507u           /* IPv4 UDP payload limit */

typedef struct sock_conn {
	mcc_flow flow;
	uint32_t magic;
	int fd;
	bool closed;
	int users;        /* operations in progress */
} sock_conn;

struct mcc_tcp_listener {
	int fd;
	uint16_t port;
	bool closed;
	int users;
};

struct mcc_socket_udp_port {
	struct mcc_socket_udp_port *next;
	uint16_t port;    /* 0: the ephemeral socket used to send from port 0 */
	int fd;
};

#define SOCK_OF(member, p) \
	((mcc_socket_stack *)(void *)((char *)(p) - offsetof(mcc_socket_stack, member)))

static int sock_errno(int e)
{
	switch (e) {
	case ECONNREFUSED: return -MCC_ECONNREFUSED;
	case ECONNRESET: case EPIPE: case ECONNABORTED: return -MCC_ECONNRESET;
	case ETIMEDOUT: return -MCC_ETIMEDOUT;
	case EADDRINUSE: return -MCC_EADDRINUSE;
	case EHOSTUNREACH: case ENETUNREACH: return -MCC_EHOSTUNREACH;
	case ENETDOWN: return -MCC_ENETDOWN;
	case EACCES: case EPERM: return -MCC_EPERM;
	case ENOMEM: case ENOBUFS: case EMFILE: case ENFILE: return -MCC_ENOMEM;
	case EMSGSIZE: return -MCC_EMSGSIZE;
	case EINVAL: case EADDRNOTAVAIL: return -MCC_EINVAL;
	default: return -MCC_EIO;
	}
}

static void sock_addr(struct sockaddr_in *sa, mcc_ipv4_addr a, uint16_t port)
{
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	sa->sin_addr.s_addr = htonl(a);
	sa->sin_port = htons(port);
}

/* --- connections ---------------------------------------------------------- */

static sock_conn *conn_of(mcc_flow *f)
{
	sock_conn *c = (sock_conn *)f;
	return c && c->magic == SOCK_CONN_MAGIC ? c : NULL;
}

static long conn_release(sock_conn *c, long rc)
{
	if (--c->users == 0 && c->closed) {
		c->magic = 0;
		free(c);
	}
	return rc;
}

static long conn_read(mcc_flow *f, void *buf, size_t len)
{
	sock_conn *c = conn_of(f);
	if (!c || (!buf && len))
		return -MCC_EINVAL;
	if (c->closed || len == 0)
		return 0;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	c->users++;
	for (;;) {
		ssize_t n = recv(c->fd, buf, len, 0);
		if (n >= 0)
			return conn_release(c, n);
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return conn_release(c, sock_errno(errno));
		int w = mcc_unix_wait_fd(c->fd, MCC_IO_READ, 0);
		if (c->closed)
			return conn_release(c, 0);
		if (w < 0)
			return conn_release(c, w);
	}
}

static long conn_write(mcc_flow *f, const void *buf, size_t len)
{
	sock_conn *c = conn_of(f);
	if (!c || (!buf && len))
		return -MCC_EINVAL;
	if (c->closed)
		return -MCC_ECLOSED;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	c->users++;
	size_t done = 0;
	while (done < len) {
		ssize_t n = send(c->fd, (const char *)buf + done, len - done, MSG_NOSIGNAL);
		if (n >= 0) {
			done += (size_t)n;
			continue;
		}
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return conn_release(c, sock_errno(errno));
		int w = mcc_unix_wait_fd(c->fd, MCC_IO_WRITE, 0);
		if (c->closed)
			return conn_release(c, -MCC_ECLOSED);
		if (w < 0)
			return conn_release(c, w);
	}
	return conn_release(c, (long)len);
}

static int conn_close(mcc_flow *f)
{
	sock_conn *c = conn_of(f);
	if (!c || c->closed)
		return -MCC_EINVAL;
	c->closed = true;
	mcc_unix_forget_fd(c->fd);   /* wakes readers and writers */
	int rc = close(c->fd) == 0 ? 0 : -MCC_EIO;
	c->fd = -1;
	c->users++;
	conn_release(c, 0);
	return rc;
}

static int conn_disconnect(mcc_device *d)
{
	return conn_close((mcc_flow *)d);
}

static sock_conn *conn_new(int fd)
{
	sock_conn *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->flow.dev.kind = "socket_tcp_flow";
	c->flow.dev.disconnect = conn_disconnect;
	c->flow.read = conn_read;
	c->flow.write = conn_write;
	c->flow.close = conn_close;
	c->magic = SOCK_CONN_MAGIC;
	c->fd = fd;
	/* Request/response traffic wants small writes sent at once. */
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return c;
}

/* --- TCP ------------------------------------------------------------------ */

static int tcp_listen(mcc_tcpv4 *t, uint16_t port, int backlog, mcc_tcp_listener **out)
{
	(void)t;
	if (!out)
		return -MCC_EINVAL;
	if (backlog <= 0 || backlog > 4096)
		backlog = backlog <= 0 ? 16 : 4096;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return sock_errno(errno);
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in sa;
	sock_addr(&sa, 0, port);
	socklen_t sl = sizeof sa;
	mcc_tcp_listener *l = NULL;
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, backlog) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &sl) < 0 || !(l = calloc(1, sizeof *l))) {
		int rc = sock_errno(errno);   /* calloc sets ENOMEM */
		close(fd);
		return rc;
	}
	l->fd = fd;
	l->port = ntohs(sa.sin_port);
	*out = l;
	return 0;
}

static void listener_release(mcc_tcp_listener *l)
{
	if (--l->users == 0 && l->closed)
		free(l);
}

static int tcp_accept(mcc_tcpv4 *t, mcc_tcp_listener *l, mcc_flow **out,
		      mcc_ipv4_addr *peer, uint16_t *peer_port)
{
	(void)t;
	if (!l || !out || l->closed)
		return -MCC_EINVAL;
	l->users++;
	int rc;
	for (;;) {
		struct sockaddr_in sa;
		socklen_t sl = sizeof sa;
		int fd = accept4(l->fd, (struct sockaddr *)&sa, &sl, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd >= 0) {
			sock_conn *c = conn_new(fd);
			if (!c) {
				close(fd);
				rc = -MCC_ENOMEM;
				break;
			}
			if (peer)
				*peer = ntohl(sa.sin_addr.s_addr);
			if (peer_port)
				*peer_port = ntohs(sa.sin_port);
			*out = &c->flow;
			rc = 0;
			break;
		}
		if (errno == EINTR || errno == ECONNABORTED)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK) {
			rc = sock_errno(errno);
			break;
		}
		rc = mcc_unix_wait_fd(l->fd, MCC_IO_READ, 0);
		if (l->closed)
			rc = -MCC_ECLOSED;
		if (rc < 0)
			break;
	}
	listener_release(l);
	return rc;
}

static int tcp_unlisten(mcc_tcpv4 *t, mcc_tcp_listener *l)
{
	(void)t;
	if (!l || l->closed)
		return -MCC_EINVAL;
	l->closed = true;
	mcc_unix_forget_fd(l->fd);
	close(l->fd);
	l->fd = -1;
	l->users++;
	listener_release(l);
	return 0;
}

static int tcp_connect(mcc_tcpv4 *t, mcc_ipv4_addr dst, uint16_t port, mcc_flow **out)
{
	(void)t;
	if (!out || port == 0)
		return -MCC_EINVAL;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return sock_errno(errno);
	struct sockaddr_in sa;
	sock_addr(&sa, dst, port);
	int rc = 0;
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		if (errno != EINPROGRESS && errno != EINTR) {
			rc = sock_errno(errno);
		} else {
			rc = mcc_unix_wait_fd(fd, MCC_IO_WRITE, 0);
			int err = 0;
			socklen_t el = sizeof err;
			if (rc == 0 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) < 0)
				err = errno;
			if (rc == 0 && err)
				rc = sock_errno(err);
		}
	}
	sock_conn *c = rc == 0 ? conn_new(fd) : NULL;
	if (rc == 0 && !c)
		rc = -MCC_ENOMEM;
	if (rc < 0) {
		mcc_unix_forget_fd(fd);
		close(fd);
		return rc;
	}
	*out = &c->flow;
	return 0;
}

uint16_t mcc_socket_stack_listener_port(const mcc_tcp_listener *l)
{
	return l ? l->port : 0;
}

/* --- UDP ------------------------------------------------------------------ */

static struct mcc_socket_udp_port *udp_find(mcc_socket_stack *s, uint16_t port)
{
	for (struct mcc_socket_udp_port *p = s->udp_ports; p; p = p->next)
		if (p->port == port)
			return p;
	return NULL;
}

/* The socket bound to port, created on first use; its fd or < 0. */
static int udp_socket(mcc_socket_stack *s, uint16_t port)
{
	struct mcc_socket_udp_port *p = udp_find(s, port);
	if (p)
		return p->fd;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return sock_errno(errno);
	struct sockaddr_in sa;
	sock_addr(&sa, 0, port);
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		int rc = sock_errno(errno);
		close(fd);
		return rc;
	}
	p = calloc(1, sizeof *p);
	if (!p) {
		close(fd);
		return -MCC_ENOMEM;
	}
	p->port = port;
	p->fd = fd;
	p->next = s->udp_ports;
	s->udp_ports = p;
	return fd;
}

static int udp_sendto(mcc_udpv4 *u, uint16_t src_port, mcc_ipv4_addr dst,
		      uint16_t dst_port, const void *buf, size_t len)
{
	mcc_socket_stack *s = SOCK_OF(udp, u);
	if ((!buf && len) || dst_port == 0)
		return -MCC_EINVAL;
	if (len > SOCK_UDP_MAX)
		return -MCC_EMSGSIZE;
	struct sockaddr_in sa;
	sock_addr(&sa, dst, dst_port);
	for (;;) {
		/* Looked up again after every wait: a disconnect may have
		 * closed it meanwhile. */
		int fd = udp_socket(s, src_port);
		if (fd < 0)
			return fd;
		if (sendto(fd, buf, len, MSG_NOSIGNAL, (struct sockaddr *)&sa, sizeof sa) >= 0)
			return 0;
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return sock_errno(errno);
		int w = mcc_unix_wait_fd(fd, MCC_IO_WRITE, 0);
		if (w < 0)
			return w;
	}
}

static long udp_recvfrom(mcc_udpv4 *u, uint16_t port, void *buf, size_t len,
			 mcc_ipv4_addr *src, uint16_t *src_port)
{
	mcc_socket_stack *s = SOCK_OF(udp, u);
	if (port == 0 || (!buf && len))
		return -MCC_EINVAL;
	for (;;) {
		int fd = udp_socket(s, port);
		if (fd < 0)
			return fd;
		struct sockaddr_in sa;
		socklen_t sl = sizeof sa;
		/* MSG_TRUNC: the datagram's real length even when cut. */
		ssize_t n = recvfrom(fd, buf, len, MSG_TRUNC, (struct sockaddr *)&sa, &sl);
		if (n >= 0) {
			if (src)
				*src = ntohl(sa.sin_addr.s_addr);
			if (src_port)
				*src_port = ntohs(sa.sin_port);
			return (long)n;
		}
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return sock_errno(errno);
		int w = mcc_unix_wait_fd(fd, MCC_IO_READ, 0);
		if (w < 0)
			return w;
	}
}

/* --- the stack ---------------------------------------------------------- */

static mcc_tcpv4 *stack_tcp(mcc_stackv4 *st)
{
	return &((mcc_socket_stack *)st)->tcp;
}

static mcc_udpv4 *stack_udp(mcc_stackv4 *st)
{
	return &((mcc_socket_stack *)st)->udp;
}

static mcc_ipv4_addr stack_address(mcc_stackv4 *st)
{
	(void)st;
	return 0;
}

static int stack_disconnect(mcc_device *d)
{
	mcc_socket_stack *s = (mcc_socket_stack *)d;
	while (s->udp_ports) {
		struct mcc_socket_udp_port *p = s->udp_ports;
		s->udp_ports = p->next;
		mcc_unix_forget_fd(p->fd);
		close(p->fd);
		free(p);
	}
	return 0;
}

int mcc_socket_stack_connect(mcc_socket_stack *self)
{
	if (!self)
		return -MCC_EINVAL;
	memset(self, 0, sizeof *self);
	self->s.dev.kind = "socket_stackv4";
	self->s.dev.disconnect = stack_disconnect;
	self->s.tcp = stack_tcp;
	self->s.udp = stack_udp;
	self->s.address = stack_address;
	self->tcp.flow.dev.kind = "socket_tcpv4";
	self->tcp.flow.read = conn_read;
	self->tcp.flow.write = conn_write;
	self->tcp.flow.close = conn_close;
	self->tcp.listen = tcp_listen;
	self->tcp.accept = tcp_accept;
	self->tcp.unlisten = tcp_unlisten;
	self->tcp.connect = tcp_connect;
	self->udp.dev.kind = "socket_udpv4";
	self->udp.sendto = udp_sendto;
	self->udp.recvfrom = udp_recvfrom;
	return 0;
}
