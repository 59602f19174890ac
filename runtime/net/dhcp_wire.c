/* net/dhcp_wire.c - DHCP client messages and states (RFC 2131/2132):
 * DISCOVER -> OFFER -> REQUEST -> ACK, then RENEWING at T1 (unicast),
 * REBINDING at T2 (broadcast), expiry at the lease end. */
#include "net/dhcp_wire.h"
#include "net/wire.h"

enum {
	BOOTREQUEST = 1, BOOTREPLY = 2,
	DISCOVER = 1, OFFER = 2, REQUEST = 3, DECLINE = 4, ACK = 5, NAK = 6,
	OPT_PAD = 0, OPT_MASK = 1, OPT_ROUTER = 3, OPT_DNS = 6,
	OPT_REQ_IP = 50, OPT_LEASE = 51, OPT_MSGTYPE = 53, OPT_SERVER = 54,
	OPT_PARAMS = 55, OPT_T1 = 58, OPT_T2 = 59, OPT_END = 255,
	FIXED = 236,               /* BOOTP header before the magic cookie */
};

#define SEC 1000000000ull
static const uint8_t cookie[4] = {99, 130, 83, 99};

static uint32_t rnd(mcc_dhcpc *c)
{
	c->rng ^= c->rng << 13;
	c->rng ^= c->rng >> 7;
	c->rng ^= c->rng << 17;
	return (uint32_t)(c->rng >> 16);
}

void mcc_dhcpc_init(mcc_dhcpc *c, const uint8_t mac[6], uint64_t seed,
		    mcc_dhcpc_emit emit, void *ctx)
{
	wire_zero(c, sizeof *c);
	wire_copy(c->mac, mac, 6);
	c->rng = seed | 1;
	c->emit = emit;
	c->ctx = ctx;
	c->state = DHCPC_INIT;
}

int mcc_dhcp_prefix(mcc_ipv4_addr mask)
{
	int n = 0;
	while (n < 32 && (mask & (0x80000000u >> n)))
		n++;
	if (n < 32 && (mask << n) != 0)
		return -1;
	return n;
}

/* Build and send a message of type with the options the state needs. */
static void send_msg(mcc_dhcpc *c, int type, uint64_t now)
{
	uint8_t *m = c->msg;
	bool renew = c->state == DHCPC_RENEWING || c->state == DHCPC_REBINDING;
	(void)now;

	wire_zero(m, sizeof c->msg);
	m[0] = BOOTREQUEST;
	m[1] = 1;                  /* Ethernet */
	m[2] = 6;
	wire_put32(m + 4, c->xid);
	if (!renew)
		wire_put16(m + 10, 0x8000);   /* reply by broadcast: no addr */
	else
		wire_put32(m + 12, c->lease.addr);  /* ciaddr */
	wire_copy(m + 28, c->mac, 6);
	wire_copy(m + FIXED, cookie, 4);
	uint8_t *o = m + FIXED + 4;
	*o++ = OPT_MSGTYPE; *o++ = 1; *o++ = (uint8_t)type;
	if (type == REQUEST && c->state == DHCPC_REQUESTING) {
		*o++ = OPT_REQ_IP; *o++ = 4; wire_put32(o, c->offer.addr); o += 4;
		*o++ = OPT_SERVER; *o++ = 4; wire_put32(o, c->offer.server); o += 4;
	}
	*o++ = OPT_PARAMS; *o++ = 5;
	*o++ = OPT_MASK; *o++ = OPT_ROUTER; *o++ = OPT_DNS; *o++ = OPT_LEASE;
	*o++ = OPT_SERVER;
	*o++ = OPT_END;
	size_t len = (size_t)(o - m);
	if (len < 300)
		len = 300;             /* BOOTP minimum some servers insist on */
	mcc_ipv4_addr dst = c->state == DHCPC_RENEWING ? c->lease.server
						       : 0xffffffffu;
	c->emit(c->ctx, dst, m, len);
}

/* RFC 2131 4.1: 4 s, 8 s, ... up to 64 s, randomised by +-1 s. */
static void arm_retry(mcc_dhcpc *c, uint64_t now)
{
	c->retry_ns = c->retry_ns ? c->retry_ns * 2 : 4 * SEC;
	if (c->retry_ns > 64 * SEC)
		c->retry_ns = 64 * SEC;
	c->deadline = now + c->retry_ns - SEC + rnd(c) % (2 * SEC);
}

void mcc_dhcpc_start(mcc_dhcpc *c, uint64_t now)
{
	c->state = DHCPC_SELECTING;
	c->xid = rnd(c);
	c->retry_ns = 0;
	send_msg(c, DISCOVER, now);
	arm_retry(c, now);
}

/* Options of a reply into l; returns the message type or -1. */
static int parse_options(const uint8_t *o, size_t n, mcc_dhcp_lease *l)
{
	int type = -1;
	size_t i = 0;
	while (i < n) {
		uint8_t code = o[i++];
		if (code == OPT_PAD)
			continue;
		if (code == OPT_END)
			break;
		if (i >= n || i + 1 + o[i] > n)
			return -1;           /* option runs past the end */
		uint8_t len = o[i++];
		const uint8_t *v = o + i;
		i += len;
		if (code == OPT_MSGTYPE && len == 1)
			type = v[0];
		else if (len < 4)
			continue;
		else if (code == OPT_MASK)
			l->mask = wire_get32(v);
		else if (code == OPT_ROUTER)
			l->router = wire_get32(v);
		else if (code == OPT_DNS)
			l->dns = wire_get32(v);
		else if (code == OPT_SERVER)
			l->server = wire_get32(v);
		else if (code == OPT_LEASE)
			l->lease_s = wire_get32(v);
		else if (code == OPT_T1)
			l->t1_s = wire_get32(v);
		else if (code == OPT_T2)
			l->t2_s = wire_get32(v);
	}
	return type;
}

static void take_lease(mcc_dhcpc *c, const mcc_dhcp_lease *l, uint64_t now)
{
	c->lease = *l;
	if (c->lease.lease_s < 60)
		c->lease.lease_s = 60;  /* guard against absurd leases */
	if (c->lease.lease_s != 0xffffffffu) {
		if (!c->lease.t1_s || c->lease.t1_s >= c->lease.lease_s)
			c->lease.t1_s = c->lease.lease_s / 2;
		if (!c->lease.t2_s || c->lease.t2_s >= c->lease.lease_s ||
		    c->lease.t2_s <= c->lease.t1_s)
			c->lease.t2_s = c->lease.lease_s / 8 * 7;
	}
	c->state = DHCPC_BOUND;
	c->bound_at = now;
	c->retry_ns = 0;
	c->deadline = c->lease.lease_s == 0xffffffffu
		? UINT64_MAX : now + (uint64_t)c->lease.t1_s * SEC;
}

int mcc_dhcpc_input(mcc_dhcpc *c, const uint8_t *p, size_t len, uint64_t now)
{
	mcc_dhcp_lease l;

	if (len < FIXED + 4 || p[0] != BOOTREPLY || p[1] != 1 || p[2] != 6 ||
	    wire_get32(p + 4) != c->xid || !wire_equal(p + 28, c->mac, 6) ||
	    !wire_equal(p + FIXED, cookie, 4))
		return 0;
	wire_zero(&l, sizeof l);
	l.addr = wire_get32(p + 16);            /* yiaddr */
	int type = parse_options(p + FIXED + 4, len - FIXED - 4, &l);
	if (!l.mask)
		l.mask = 0xffffff00u;
	if (mcc_dhcp_prefix(l.mask) < 0)
		return 0;
	switch (c->state) {
	case DHCPC_SELECTING:
		if (type != OFFER || !l.addr || !l.server)
			return 0;
		c->offer = l;
		c->state = DHCPC_REQUESTING;
		c->retry_ns = 0;
		send_msg(c, REQUEST, now);
		arm_retry(c, now);
		return 0;
	case DHCPC_REQUESTING:
	case DHCPC_RENEWING:
	case DHCPC_REBINDING:
		if (type == NAK) {
			bool had = c->state != DHCPC_REQUESTING;
			mcc_dhcpc_start(c, now);
			return had ? -1 : 0;
		}
		if (type != ACK || !l.addr)
			return 0;
		if (c->state == DHCPC_REQUESTING && l.addr != c->offer.addr)
			return 0;
		if (!l.server)
			l.server = c->state == DHCPC_REQUESTING ? c->offer.server
								: c->lease.server;
		take_lease(c, &l, now);
		return 1;
	default:
		return 0;
	}
}

int mcc_dhcpc_tick(mcc_dhcpc *c, uint64_t now, uint64_t *next)
{
	int r = 0;
	if (c->state != DHCPC_INIT && now >= c->deadline) {
		uint64_t end = c->bound_at + (uint64_t)c->lease.lease_s * SEC;
		switch (c->state) {
		case DHCPC_SELECTING:
		case DHCPC_REQUESTING:
			if (c->state == DHCPC_REQUESTING && c->retry_ns >= 32 * SEC) {
				mcc_dhcpc_start(c, now);   /* start over */
				break;
			}
			send_msg(c, c->state == DHCPC_SELECTING ? DISCOVER : REQUEST, now);
			arm_retry(c, now);
			break;
		case DHCPC_BOUND:
			c->state = DHCPC_RENEWING;
			c->xid = rnd(c);
			/* fall through */
		case DHCPC_RENEWING:
		case DHCPC_REBINDING: {
			uint64_t t2 = c->bound_at + (uint64_t)c->lease.t2_s * SEC;
			if (now >= end) {
				mcc_dhcpc_start(c, now);
				r = -1;
				break;
			}
			if (now >= t2)
				c->state = DHCPC_REBINDING;
			send_msg(c, REQUEST, now);
			/* RFC 2131 4.4.5: half the remaining time, >= 60 s. */
			uint64_t until = c->state == DHCPC_RENEWING ? t2 : end;
			uint64_t wait = (until - now) / 2;
			if (wait < 60 * SEC)
				wait = until - now < 60 * SEC ? until - now : 60 * SEC;
			c->deadline = now + wait;
			break;
		}
		case DHCPC_INIT:
			break;
		}
	}
	*next = c->state == DHCPC_INIT ? UINT64_MAX : c->deadline;
	return r;
}
