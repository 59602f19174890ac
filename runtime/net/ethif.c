/* net/ethif.c - Ethernet II framing and EtherType dispatch. */
#include "net/ethif.h"
#include "net/wire.h"
#include "mcc/platform.h"

enum { ETH_HLEN = 14 };

static int ethif_write(mcc_ethernet *e, const uint8_t dst[6], uint16_t type,
		       const mcc_iov *iov, int n)
{
	mcc_ethif *self = (mcc_ethif *)e;
	size_t len = ETH_HLEN;

	for (int i = 0; i < n; i++) {
		if (iov[i].len > self->mtu || len + iov[i].len > ETH_HLEN + self->mtu)
			return -MCC_EMSGSIZE;
		len += iov[i].len;
	}
	uint8_t *f = self->txbuf;
	wire_copy(f, dst, 6);
	wire_copy(f + 6, self->mac, 6);
	wire_put16(f + 12, type);
	size_t off = ETH_HLEN;
	for (int i = 0; i < n; i++) {
		wire_copy(f + off, iov[i].base, iov[i].len);
		off += iov[i].len;
	}
	/* Pad to the 60-byte minimum frame. */
	if (len < 60) {
		wire_zero(f + len, 60 - len);
		len = 60;
	}
	int r = self->net->send(self->net, f, len);
	if (r < 0)
		self->tx_dropped++;
	else
		self->tx_frames++;
	return r < 0 ? r : 0;
}

static int ethif_listen(mcc_ethernet *e, uint16_t type,
			mcc_ethernet_handler fn, void *ctx)
{
	mcc_ethif *self = (mcc_ethif *)e;
	int free_slot = -1;

	for (int i = 0; i < MCC_ETHIF_TYPES; i++) {
		if (self->handler[i].fn && self->handler[i].type == type) {
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
	self->handler[free_slot].type = type;
	self->handler[free_slot].fn = fn;
	self->handler[free_slot].ctx = ctx;
	return 0;
}

static void ethif_mac(mcc_ethernet *e, uint8_t out[6])
{
	wire_copy(out, ((mcc_ethif *)e)->mac, 6);
}

static unsigned ethif_mtu(mcc_ethernet *e)
{
	return ((mcc_ethif *)e)->mtu;
}

static void dispatch(mcc_ethif *self, const uint8_t *f, size_t len)
{
	static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

	if (len < ETH_HLEN || len > self->bufsize) {
		self->rx_dropped++;
		return;
	}
	/* Ours or broadcast only: other multicast has no listener here. */
	if (!wire_equal(f, self->mac, 6) && !wire_equal(f, bcast, 6)) {
		self->rx_dropped++;
		return;
	}
	uint16_t type = wire_get16(f + 12);
	for (int i = 0; i < MCC_ETHIF_TYPES; i++)
		if (self->handler[i].fn && self->handler[i].type == type) {
			self->rx_frames++;
			self->handler[i].fn(self->handler[i].ctx, f + 6,
					    f + ETH_HLEN, len - ETH_HLEN);
			return;
		}
	self->rx_dropped++;
}

static int rx_job(void *arg)
{
	mcc_ethif *self = arg;

	for (;;) {
		long n = self->net->recv(self->net, self->rxbuf, self->bufsize);
		if (n == -MCC_ECANCELED || mcc_job_cancelled())
			return 0;
		if (n < 0) {
			/* A failing device: do not spin. */
			if (mcc_sleep_ns(10000000ull) == -MCC_ECANCELED)
				return 0;
			continue;
		}
		dispatch(self, self->rxbuf, (size_t)n);
	}
}

static int ethif_disconnect(mcc_device *d)
{
	mcc_ethif *self = (mcc_ethif *)d;
	if (self->rx) {
		mcc_job_cancel(self->rx);
		mcc_job_join(self->rx);
		self->rx = NULL;
	}
	if (self->rxbuf)
		mcc_plat_free(self->rxbuf, self->bufsize);
	if (self->txbuf)
		mcc_plat_free(self->txbuf, self->bufsize);
	self->rxbuf = self->txbuf = NULL;
	return 0;
}

int mcc_ethif_connect(mcc_ethif *self, mcc_network *net)
{
	wire_zero(self, sizeof *self);
	self->eth.dev.kind = "ethif";
	self->eth.dev.disconnect = ethif_disconnect;
	self->eth.write = ethif_write;
	self->eth.listen = ethif_listen;
	self->eth.mac = ethif_mac;
	self->eth.mtu = ethif_mtu;
	self->net = net;
	net->mac(net, self->mac);
	self->mtu = net->mtu(net);
	if (self->mtu < 576 || self->mtu > 9000)
		return -MCC_EINVAL;
	self->bufsize = ETH_HLEN + self->mtu;
	self->rxbuf = mcc_plat_alloc(self->bufsize);
	self->txbuf = mcc_plat_alloc(self->bufsize);
	if (!self->rxbuf || !self->txbuf) {
		ethif_disconnect(&self->eth.dev);
		return -MCC_ENOMEM;
	}
	self->rx = mcc_job_spawn("ethif-rx", rx_job, self, 0);
	if (!self->rx) {
		ethif_disconnect(&self->eth.dev);
		return -MCC_ENOMEM;
	}
	return 0;
}
