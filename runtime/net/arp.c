/* net/arp.c - the ARP device: the pure table (arp_table.c) plus a timer
 * job for retries and expiry, and a blocking query. */
#include "net/arp.h"
#include "net/wire.h"

static int emit(void *ctx, const uint8_t dst[6], uint16_t type,
		const mcc_iov *iov, int n)
{
	mcc_arpv4 *self = ctx;
	return self->eth->write(self->eth, dst, type, iov, n);
}

/* Let the timer job recompute its deadline (a request started). */
static void kick(mcc_arpv4 *self)
{
	mcc_wake_one(&self->timerq);
}

static void on_frame(void *ctx, const uint8_t src[6], const uint8_t *p,
		     size_t len)
{
	mcc_arpv4 *self = ctx;
	(void)src;
	if (mcc_arpt_input(&self->table, p, len, mcc_now_ns()) == 0)
		mcc_wake_all(&self->changed);
}

static int timer_job(void *arg)
{
	mcc_arpv4 *self = arg;
	for (;;) {
		uint64_t next = mcc_arpt_tick(&self->table, mcc_now_ns());
		/* Failures are news for query() too. */
		mcc_wake_all(&self->changed);
		self->timer_at = next;
		int r = mcc_wait(&self->timerq, next == UINT64_MAX ? 0 : next);
		if (r == -MCC_ECANCELED)
			return 0;
	}
}

static int arp_set_ips(mcc_arp *a, const mcc_ipv4_addr *ips, int n)
{
	mcc_arpv4 *self = (mcc_arpv4 *)a;
	return mcc_arpt_set_ips(&self->table, ips, n);
}

static int arp_output(mcc_arp *a, mcc_ipv4_addr next_hop, const mcc_iov *iov,
		      int n)
{
	mcc_arpv4 *self = (mcc_arpv4 *)a;
	int r = mcc_arpt_output(&self->table, next_hop, iov, n, mcc_now_ns());
	if (r == 1) {
		kick(self);             /* a request may have started */
		r = 0;
	}
	return r;
}

static int arp_query(mcc_arp *a, mcc_ipv4_addr ip, uint8_t mac[6])
{
	mcc_arpv4 *self = (mcc_arpv4 *)a;
	for (;;) {
		int r = mcc_arpt_lookup(&self->table, ip, mac, mcc_now_ns());
		if (r != -MCC_EAGAIN)
			return r;
		kick(self);
		r = mcc_wait(&self->changed, 0);
		if (r < 0)
			return r;
	}
}

static int arp_disconnect(mcc_device *d)
{
	mcc_arpv4 *self = (mcc_arpv4 *)d;
	self->eth->listen(self->eth, MCC_ETHERTYPE_ARP, NULL, NULL);
	if (self->timer) {
		mcc_job_cancel(self->timer);
		mcc_job_join(self->timer);
		self->timer = NULL;
	}
	mcc_arpt_fini(&self->table);
	return 0;
}

int mcc_arpv4_connect(mcc_arpv4 *self, mcc_ethernet *eth)
{
	uint8_t mac[6];

	wire_zero(self, sizeof *self);
	self->arp.dev.kind = "arpv4";
	self->arp.dev.disconnect = arp_disconnect;
	self->arp.set_ips = arp_set_ips;
	self->arp.output = arp_output;
	self->arp.query = arp_query;
	self->eth = eth;
	eth->mac(eth, mac);
	mcc_arpt_init(&self->table, mac, emit, self);
	self->timer_at = UINT64_MAX;
	self->timer = mcc_job_spawn("arp-timer", timer_job, self, 0);
	if (!self->timer)
		return -MCC_ENOMEM;
	return eth->listen(eth, MCC_ETHERTYPE_ARP, on_frame, self);
}
