/* net/ipv4.c - the IPv4 device: input validation, reassembly, ICMP echo,
 * protocol dispatch, and routing output to the link (on-link or via the
 * gateway) through ARP. */
#include "net/ipv4.h"
#include "net/wire.h"
#include "mcc/platform.h"
#include "mcc/sched.h"

#define BROADCAST 0xffffffffu

static const uint8_t bcast_mac[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

static bool on_link(const mcc_static_ipv4 *s, mcc_ipv4_addr dst)
{
	return (dst & s->netmask) == (s->addr & s->netmask);
}

static bool is_broadcast(const mcc_static_ipv4 *s, mcc_ipv4_addr dst)
{
	return dst == BROADCAST ||
	       (s->addr && s->netmask != BROADCAST && dst == (s->addr | ~s->netmask));
}

static int ipv4_write(mcc_ipv4 *ip, mcc_ipv4_addr dst, uint8_t proto,
		      const mcc_iov *iov, int n)
{
	mcc_static_ipv4 *self = (mcc_static_ipv4 *)ip;
	uint8_t hdr[MCC_IP4_HLEN];
	mcc_iov v[8];
	size_t len = 0;

	if (n < 0 || n > 7)
		return -MCC_EINVAL;
	for (int i = 0; i < n; i++) {
		len += iov[i].len;
		v[i + 1] = iov[i];
	}
	if (len > self->mtu - MCC_IP4_HLEN)
		return -MCC_EMSGSIZE;
	if (!self->addr && dst != BROADCAST)
		return -MCC_ENETDOWN;
	mcc_ip4_build(hdr, self->addr, dst, proto, len, self->next_id++,
		      MCC_IP4_DEFAULT_TTL);
	v[0].base = hdr;
	v[0].len = sizeof hdr;
	self->tx_packets++;
	if (is_broadcast(self, dst))
		return self->eth->write(self->eth, bcast_mac,
					MCC_ETHERTYPE_IPV4, v, n + 1);
	mcc_ipv4_addr hop = dst;
	if (!on_link(self, dst)) {
		if (!self->gateway)
			return -MCC_EHOSTUNREACH;
		hop = self->gateway;
	}
	return self->arp->output(self->arp, hop, v, n + 1);
}

static int ipv4_listen(mcc_ipv4 *ip, uint8_t proto, mcc_ipv4_handler fn,
		       void *ctx)
{
	mcc_static_ipv4 *self = (mcc_static_ipv4 *)ip;
	int free_slot = -1;
	for (int i = 0; i < MCC_IPV4_PROTOS; i++) {
		if (self->handler[i].fn && self->handler[i].proto == proto) {
			self->handler[i].fn = fn;
			self->handler[i].ctx = ctx;
			return 0;
		}
		if (!self->handler[i].fn && free_slot < 0)
			free_slot = i;
	}
	if (!fn)
		return 0;
	if (free_slot < 0)
		return -MCC_ENOSPC;
	self->handler[free_slot].proto = proto;
	self->handler[free_slot].fn = fn;
	self->handler[free_slot].ctx = ctx;
	return 0;
}

static mcc_ipv4_addr ipv4_address(mcc_ipv4 *ip)
{
	return ((mcc_static_ipv4 *)ip)->addr;
}

static unsigned ipv4_mtu(mcc_ipv4 *ip)
{
	return ((mcc_static_ipv4 *)ip)->mtu - MCC_IP4_HLEN;
}

static void echo(mcc_static_ipv4 *self, const mcc_ip4_hdr *h,
		 const uint8_t *p, size_t len)
{
	/* Never answer broadcasts (smurf amplification). */
	if (h->dst != self->addr || len > self->mtu - MCC_IP4_HLEN)
		return;
	long n = mcc_icmp_echo_reply(p, len, self->icmp_buf);
	if (n < 0)
		return;
	mcc_iov v = {self->icmp_buf, (size_t)n};
	if (ipv4_write(&self->ip, h->src, MCC_IPPROTO_ICMP, &v, 1) == 0)
		self->echo_replies++;
}

static void deliver(mcc_static_ipv4 *self, const mcc_ip4_hdr *h,
		    const uint8_t *p, size_t len)
{
	if (h->proto == MCC_IPPROTO_ICMP) {
		echo(self, h, p, len);
		return;
	}
	if (h->proto == MCC_IPPROTO_UDP && self->udp_hook &&
	    self->udp_hook(self->udp_hook_ctx, h->src, h->dst, p, len))
		return;
	for (int i = 0; i < MCC_IPV4_PROTOS; i++)
		if (self->handler[i].fn && self->handler[i].proto == h->proto) {
			self->handler[i].fn(self->handler[i].ctx, h->src, h->dst,
					    p, len);
			return;
		}
	self->rx_dropped++;
}

static void on_frame(void *ctx, const uint8_t src[6], const uint8_t *p,
		     size_t len)
{
	mcc_static_ipv4 *self = ctx;
	mcc_ip4_hdr h;
	(void)src;

	if (mcc_ip4_parse(p, len, &h) < 0) {
		self->rx_dropped++;
		return;
	}
	/* Ours, broadcast, or anything while unconfigured (DHCP offers). */
	if (self->addr && h.dst != self->addr && !is_broadcast(self, h.dst)) {
		self->rx_dropped++;
		return;
	}
	/* Source sanity: no broadcast/multicast/loopback senders. */
	if (h.src == BROADCAST || (h.src >> 28) == 0xe || (h.src >> 24) == 127) {
		self->rx_dropped++;
		return;
	}
	self->rx_packets++;
	uint64_t now = mcc_now_ns();
	mcc_ip4r_tick(&self->reasm, now);
	if (h.more_frags || h.frag_off) {
		const uint8_t *whole;
		size_t wlen;
		if (mcc_ip4r_input(&self->reasm, &h, now, &whole, &wlen) == 1)
			deliver(self, &h, whole, wlen);
		return;
	}
	deliver(self, &h, h.payload, h.payload_len);
}

static int ipv4_disconnect(mcc_device *d)
{
	mcc_static_ipv4 *self = (mcc_static_ipv4 *)d;
	self->eth->listen(self->eth, MCC_ETHERTYPE_IPV4, NULL, NULL);
	mcc_ip4r_fini(&self->reasm);
	if (self->icmp_buf)
		mcc_plat_free(self->icmp_buf, self->mtu);
	self->icmp_buf = NULL;
	return 0;
}

int mcc_ipv4_base_init(mcc_static_ipv4 *self, mcc_ethernet *eth, mcc_arp *arp)
{
	wire_zero(self, sizeof *self);
	self->ip.dev.kind = "static_ipv4";
	self->ip.dev.disconnect = ipv4_disconnect;
	self->ip.write = ipv4_write;
	self->ip.listen = ipv4_listen;
	self->ip.address = ipv4_address;
	self->ip.mtu = ipv4_mtu;
	self->eth = eth;
	self->arp = arp;
	self->mtu = eth->mtu(eth);
	if (self->mtu < 576)
		return -MCC_EINVAL;
	self->netmask = BROADCAST;
	self->next_id = (uint16_t)mcc_now_ns();
	mcc_ip4r_init(&self->reasm);
	self->icmp_buf = mcc_plat_alloc(self->mtu);
	if (!self->icmp_buf)
		return -MCC_ENOMEM;
	return eth->listen(eth, MCC_ETHERTYPE_IPV4, on_frame, self);
}

int mcc_ipv4_base_configure(mcc_static_ipv4 *self, mcc_ipv4_addr addr,
			    int prefix, mcc_ipv4_addr gateway)
{
	if (prefix < 0 || prefix > 32)
		return -MCC_EINVAL;
	self->addr = addr;
	self->netmask = prefix ? BROADCAST << (32 - prefix) : 0;
	self->gateway = gateway;
	if (gateway && !on_link(self, gateway))
		return -MCC_EINVAL;
	return self->arp->set_ips(self->arp, &addr, addr ? 1 : 0);
}

int mcc_static_ipv4_connect(mcc_static_ipv4 *self, const char *cidr,
			    const char *gateway, mcc_ethernet *eth,
			    mcc_arp *arp)
{
	mcc_ipv4_addr addr, gw = 0;
	int prefix;

	if (mcc_ipv4_parse_cidr(cidr, &addr, &prefix) < 0 || addr == 0)
		return -MCC_EINVAL;
	if (gateway && *gateway && mcc_ipv4_parse_addr(gateway, &gw) < 0)
		return -MCC_EINVAL;
	int r = mcc_ipv4_base_init(self, eth, arp);
	if (r < 0)
		return r;
	return mcc_ipv4_base_configure(self, addr, prefix, gw);
}
