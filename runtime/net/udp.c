/* net/udp.c - the UDP device: per-port bounded receive queues and
 * checksummed sends. */
#include "net/udp.h"
#include "net/udp_wire.h"
#include "net/wire.h"
#include "mcc/platform.h"

struct mcc_udp_msg {
	mcc_udp_msg *next;
	mcc_ipv4_addr src;
	uint16_t sport;
	size_t len;
	uint8_t data[];
};

static mcc_udp_bind *find(mcc_udp *self, uint16_t port)
{
	for (mcc_udp_bind *b = self->binds; b; b = b->next)
		if (b->port == port)
			return b;
	return NULL;
}

static void on_packet(void *ctx, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		      const uint8_t *p, size_t len)
{
	mcc_udp *self = ctx;
	mcc_udp_dgram d;

	if (mcc_udp_parse(p, len, src, dst, &d) < 0) {
		self->rx_dropped++;
		return;
	}
	mcc_udp_bind *b = find(self, d.dport);
	if (!b || b->queued >= MCC_UDP_QUEUE) {
		self->rx_dropped++;
		return;
	}
	mcc_udp_msg *m = mcc_plat_alloc(sizeof *m + d.len);
	if (!m) {
		self->rx_dropped++;
		return;
	}
	m->next = NULL;
	m->src = src;
	m->sport = d.sport;
	m->len = d.len;
	wire_copy(m->data, d.data, d.len);
	if (b->tail)
		b->tail->next = m;
	else
		b->head = m;
	b->tail = m;
	b->queued++;
	mcc_wake_one(&b->q);
}

static int udp_sendto(mcc_udpv4 *u, uint16_t src_port, mcc_ipv4_addr dst,
		      uint16_t dst_port, const void *buf, size_t len)
{
	mcc_udp *self = (mcc_udp *)u;
	uint8_t h[MCC_UDP_HLEN];

	if (dst_port == 0 || dst == 0)
		return -MCC_EINVAL;
	if (len > self->ip->mtu(self->ip) - MCC_UDP_HLEN)
		return -MCC_EMSGSIZE;
	mcc_udp_build(h, src_port, dst_port, buf, len,
		      self->ip->address(self->ip), dst);
	mcc_iov v[2] = {{h, sizeof h}, {buf, len}};
	return self->ip->write(self->ip, dst, MCC_IPPROTO_UDP, v, 2);
}

static long udp_recvfrom(mcc_udpv4 *u, uint16_t port, void *buf, size_t len,
			 mcc_ipv4_addr *src, uint16_t *src_port)
{
	mcc_udp *self = (mcc_udp *)u;
	mcc_udp_bind *b = find(self, port);

	if (port == 0)
		return -MCC_EINVAL;
	if (!b) {
		b = mcc_plat_alloc(sizeof *b);
		if (!b)
			return -MCC_ENOMEM;
		wire_zero(b, sizeof *b);
		b->port = port;
		b->next = self->binds;
		self->binds = b;
	}
	while (!b->head) {
		int r = mcc_wait(&b->q, 0);
		if (r < 0)
			return r;
		if (!(b = find(self, port)))
			return -MCC_ECLOSED;    /* disconnected meanwhile */
	}
	mcc_udp_msg *m = b->head;
	b->head = m->next;
	if (!b->head)
		b->tail = NULL;
	b->queued--;
	size_t n = m->len < len ? m->len : len;
	wire_copy(buf, m->data, n);
	if (src)
		*src = m->src;
	if (src_port)
		*src_port = m->sport;
	long full = (long)m->len;
	mcc_plat_free(m, sizeof *m + m->len);
	return full;                    /* may exceed len: truncated */
}

static int udp_disconnect(mcc_device *d)
{
	mcc_udp *self = (mcc_udp *)d;
	self->ip->listen(self->ip, MCC_IPPROTO_UDP, NULL, NULL);
	while (self->binds) {
		mcc_udp_bind *b = self->binds;
		self->binds = b->next;
		while (b->head) {
			mcc_udp_msg *m = b->head;
			b->head = m->next;
			mcc_plat_free(m, sizeof *m + m->len);
		}
		mcc_wake_all(&b->q);
		mcc_plat_free(b, sizeof *b);
	}
	return 0;
}

int mcc_udp_connect(mcc_udp *self, mcc_ipv4 *ip)
{
	wire_zero(self, sizeof *self);
	self->udp.dev.kind = "udp";
	self->udp.dev.disconnect = udp_disconnect;
	self->udp.sendto = udp_sendto;
	self->udp.recvfrom = udp_recvfrom;
	self->ip = ip;
	return ip->listen(ip, MCC_IPPROTO_UDP, on_packet, self);
}
