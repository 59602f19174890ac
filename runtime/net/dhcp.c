/* net/dhcp.c - the DHCP-configured IPv4 device: the pure client
 * (dhcp_wire.c) fed from the IPv4 layer's UDP hook, driven by a job. */
#include "net/dhcp.h"
#include "net/udp_wire.h"
#include "net/wire.h"

static void apply(mcc_dhcp_ipv4 *self)
{
	const mcc_dhcp_lease *l = &self->client.lease;
	mcc_ipv4_addr gw = l->router;
	int prefix = mcc_dhcp_prefix(l->mask);
	/* A router off the offered subnet cannot be used. */
	if (gw && (gw & l->mask) != (l->addr & l->mask))
		gw = 0;
	mcc_ipv4_base_configure(&self->base, l->addr, prefix, gw);
	mcc_wake_all(&self->boundq);
}

static void lose(mcc_dhcp_ipv4 *self)
{
	mcc_ipv4_base_configure(&self->base, 0, 32, 0);
}

static int emit(void *ctx, mcc_ipv4_addr dst, const uint8_t *msg, size_t len)
{
	mcc_dhcp_ipv4 *self = ctx;
	uint8_t h[MCC_UDP_HLEN];
	mcc_udp_build(h, MCC_DHCP_CLIENT_PORT, MCC_DHCP_SERVER_PORT, msg, len,
		      self->base.addr, dst);
	mcc_iov v[2] = {{h, sizeof h}, {msg, len}};
	return self->base.ip.write(&self->base.ip, dst, MCC_IPPROTO_UDP, v, 2);
}

static bool udp_hook(void *ctx, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		     const uint8_t *p, size_t len)
{
	mcc_dhcp_ipv4 *self = ctx;
	mcc_udp_dgram d;
	if (mcc_udp_parse(p, len, src, dst, &d) < 0 ||
	    d.dport != MCC_DHCP_CLIENT_PORT || d.sport != MCC_DHCP_SERVER_PORT)
		return false;
	int r = mcc_dhcpc_input(&self->client, d.data, d.len, mcc_now_ns());
	if (r > 0)
		apply(self);
	else if (r < 0)
		lose(self);
	mcc_wake_one(&self->timerq);    /* deadlines moved */
	return true;
}

static int dhcp_job(void *arg)
{
	mcc_dhcp_ipv4 *self = arg;
	for (;;) {
		uint64_t next;
		if (mcc_dhcpc_tick(&self->client, mcc_now_ns(), &next) < 0)
			lose(self);
		int r = mcc_wait(&self->timerq, next == UINT64_MAX ? 0 : next);
		if (r == -MCC_ECANCELED)
			return 0;
	}
}

static int dhcp_disconnect(mcc_device *d)
{
	mcc_dhcp_ipv4 *self = (mcc_dhcp_ipv4 *)d;
	if (self->job) {
		mcc_job_cancel(self->job);
		mcc_job_join(self->job);
		self->job = NULL;
	}
	self->base.udp_hook = NULL;
	/* The IPv4 base releases the rest. */
	return self->base_disconnect ? self->base_disconnect(d) : 0;
}

int mcc_dhcp_ipv4_connect(mcc_dhcp_ipv4 *self, mcc_ethernet *eth,
			  mcc_arp *arp)
{
	uint8_t mac[6];
	int r = mcc_ipv4_base_init(&self->base, eth, arp);
	if (r < 0)
		return r;
	wire_zero(&self->client, sizeof self->client);
	wire_zero(&self->timerq, sizeof self->timerq);
	wire_zero(&self->boundq, sizeof self->boundq);
	self->base.ip.dev.kind = "dhcp_ipv4";
	self->base_disconnect = self->base.ip.dev.disconnect;
	self->base.ip.dev.disconnect = dhcp_disconnect;
	self->base.udp_hook = udp_hook;
	self->base.udp_hook_ctx = self;
	eth->mac(eth, mac);
	uint64_t seed = mcc_now_ns() ^ ((uint64_t)mac[2] << 40 | (uint64_t)mac[3] << 32 |
					(uint64_t)mac[4] << 24 | (uint64_t)mac[5] << 16);
	mcc_dhcpc_init(&self->client, mac, seed, emit, self);
	mcc_dhcpc_start(&self->client, mcc_now_ns());
	self->job = mcc_job_spawn("dhcp", dhcp_job, self, 0);
	if (!self->job)
		return -MCC_ENOMEM;
	uint64_t until = mcc_now_ns() + MCC_DHCP_CONNECT_TIMEOUT;
	while (!self->base.addr) {
		r = mcc_wait(&self->boundq, until);
		if (r == -MCC_ETIMEDOUT)
			return -MCC_ETIMEDOUT;
		if (r < 0)
			return r;
	}
	return 0;
}
