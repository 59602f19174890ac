/* net/tcp_core.c - TCP connections: creation, the user side (send, recv,
 * close), listeners and timers.  Segment arrival is in tcp_input.c,
 * segment departure in tcp_output.c. */
#include "net/tcp_core.h"
#include "net/wire.h"
#include "mcc/platform.h"

static uint64_t mix64(uint64_t x)
{
	/* splitmix64's finaliser: cheap and well spread. */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

void mcc_tcpc_init(mcc_tcpc *t, unsigned mtu, mcc_tcpc_emit emit,
		   mcc_tcpc_event event, void *ctx, uint64_t seed)
{
	wire_zero(t, sizeof *t);
	t->emit = emit;
	t->event = event;
	t->ctx = ctx;
	t->secret = mix64(seed ^ 0x6a09e667f3bcc908ull);
	t->next_port = (uint16_t)(49152 + t->secret % 16384);
	t->mss = (uint16_t)(mtu > 576 ? mtu - 40 : 536);
	if (t->mss > MCC_TCPC_MAX_SEG)
		t->mss = MCC_TCPC_MAX_SEG;
	t->sndbuf = 128 * 1024;
	t->rcvbuf = 128 * 1024;
	t->max_conns = 1024;
	t->max_time_wait = 8192;
	t->rto_min = 200ull * 1000000;          /* as Linux; RFC says 1 s */
	t->rto_max = 60ull * 1000000000;
	t->rto_initial = 1000000000ull;
	t->time_wait_ns = 30ull * 1000000000;   /* 2 MSL with MSL = 15 s */
	t->fin_wait_ns = 60ull * 1000000000;    /* orphans in FIN_WAIT_2 */
	t->max_retries = 12;
	t->max_syn_retries = 5;
}

uint32_t mcc_tcpc_ring_free(const mcc_tcpc_ring *r)
{
	return r->cap - r->len;
}

static uint8_t *buf_get(mcc_tcpc *t, uint32_t size)
{
	for (int i = 0; i < t->nspare; i++)
		if (t->spare_size[i] == size) {
			uint8_t *b = t->spare[i];
			t->nspare--;
			t->spare[i] = t->spare[t->nspare];
			t->spare_size[i] = t->spare_size[t->nspare];
			return b;
		}
	return mcc_plat_alloc(size);
}

static void buf_put(mcc_tcpc *t, uint8_t *b, uint32_t size)
{
	if (!b)
		return;
	if (t->nspare < MCC_TCPC_SPARE) {
		t->spare[t->nspare] = b;
		t->spare_size[t->nspare++] = size;
	} else {
		mcc_plat_free(b, size);
	}
}

static void ring_free_buf(mcc_tcpc *t, mcc_tcpc_ring *r)
{
	buf_put(t, r->buf, r->cap);
	r->buf = NULL;
	r->len = r->head = r->cap = 0;
}

/* Copy n bytes into r at logical offset off from its head. */
static void ring_write_at(mcc_tcpc_ring *r, uint32_t off, const uint8_t *src,
			  uint32_t n)
{
	uint32_t pos = (r->head + off) & (r->cap - 1);
	uint32_t first = r->cap - pos < n ? r->cap - pos : n;
	wire_copy(r->buf + pos, src, first);
	wire_copy(r->buf, src + first, n - first);
}

static void ring_read_at(const mcc_tcpc_ring *r, uint32_t off, uint8_t *dst,
			 uint32_t n)
{
	uint32_t pos = (r->head + off) & (r->cap - 1);
	uint32_t first = r->cap - pos < n ? r->cap - pos : n;
	wire_copy(dst, r->buf + pos, first);
	wire_copy(dst + first, r->buf, n - first);
}

/* Exposed to tcp_input.c / tcp_output.c. */
void mcc_tcpc_ring_put(mcc_tcpc_ring *r, uint32_t off, const uint8_t *src,
		       uint32_t n)
{
	ring_write_at(r, off, src, n);
}
void mcc_tcpc_ring_get(const mcc_tcpc_ring *r, uint32_t off, uint8_t *dst,
		       uint32_t n)
{
	ring_read_at(r, off, dst, n);
}

static unsigned bucket(mcc_ipv4_addr rip, uint16_t rport, uint16_t lport)
{
	uint32_t h = (rip ^ ((uint32_t)rport << 16 | lport)) * 2654435761u;
	return h >> 22 & (MCC_TCPC_HASH - 1);
}

mcc_tcpc_conn *mcc_tcpc_lookup(mcc_tcpc *t, mcc_ipv4_addr src, uint16_t sport,
			       mcc_ipv4_addr dst, uint16_t dport)
{
	for (mcc_tcpc_conn *c = t->hash[bucket(src, sport, dport)]; c; c = c->hnext)
		if (c->lport == dport && c->rport == sport && c->rip == src &&
		    (c->lip == dst || c->lip == 0))
			return c;
	return NULL;
}

static void list_remove(mcc_tcpc *t, mcc_tcpc_conn *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else if (c->in_tw)
		t->tw_head = c->next;
	else
		t->conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	else if (c->in_tw)
		t->tw_tail = c->prev;
	c->next = c->prev = NULL;
}

static void list_push_active(mcc_tcpc *t, mcc_tcpc_conn *c)
{
	c->in_tw = false;
	c->prev = NULL;
	c->next = t->conns;
	if (t->conns)
		t->conns->prev = c;
	t->conns = c;
}

static void list_append_tw(mcc_tcpc *t, mcc_tcpc_conn *c)
{
	c->in_tw = true;
	c->next = NULL;
	c->prev = t->tw_tail;
	if (t->tw_tail)
		t->tw_tail->next = c;
	else
		t->tw_head = c;
	t->tw_tail = c;
}

/* TIME_WAIT restarted (a retransmitted FIN): keep the FIFO in order. */
void mcc_tcpc_tw_restart(mcc_tcpc_conn *c, uint64_t now)
{
	mcc_tcpc *t = c->core;
	c->tw_at = now + t->time_wait_ns;
	list_remove(t, c);
	list_append_tw(t, c);
}

static uint32_t isn(mcc_tcpc *t, mcc_ipv4_addr lip, uint16_t lport,
		    mcc_ipv4_addr rip, uint16_t rport, uint64_t now)
{
	/* RFC 6528: a keyed hash of the 4-tuple plus a 4 us clock. */
	uint64_t h = mix64(t->secret ^ ((uint64_t)lip << 32 | rip) ^
			   ((uint64_t)lport << 16 | rport) << 7);
	return (uint32_t)h + (uint32_t)(now / 4000);
}

uint32_t mcc_tcpc_rcv_window(const mcc_tcpc_conn *c)
{
	return mcc_tcpc_ring_free(&c->rcv);
}

mcc_tcpc_conn *mcc_tcpc_conn_new(mcc_tcpc *t, mcc_ipv4_addr lip,
				 uint16_t lport, mcc_ipv4_addr rip,
				 uint16_t rport, uint64_t now)
{
	if (t->nconns >= t->max_conns)
		return NULL;
	mcc_tcpc_conn *c = mcc_plat_alloc(sizeof *c);
	if (!c)
		return NULL;
	wire_zero(c, sizeof *c);
	c->snd.buf = buf_get(t, t->sndbuf);
	c->rcv.buf = buf_get(t, t->rcvbuf);
	if (!c->snd.buf || !c->rcv.buf) {
		buf_put(t, c->snd.buf, t->sndbuf);
		buf_put(t, c->rcv.buf, t->rcvbuf);
		mcc_plat_free(c, sizeof *c);
		return NULL;
	}
	c->snd.cap = t->sndbuf;
	c->rcv.cap = t->rcvbuf;
	c->core = t;
	c->lip = lip;
	c->lport = lport;
	c->rip = rip;
	c->rport = rport;
	c->iss = isn(t, lip, lport, rip, rport, now);
	c->snd_una = c->snd_nxt = c->snd_max = c->recover = c->iss;
	c->snd_mss = 536;
	/* Scale so the whole receive buffer can be advertised. */
	while (c->rcv_wscale < 14 && (t->rcvbuf >> c->rcv_wscale) > 65535)
		c->rcv_wscale++;
	c->rto = t->rto_initial;
	c->cwnd = 4380;             /* RFC 5681 IW for an MSS of 1095..2190 */
	c->ssthresh = 0x7fffffff;
	list_push_active(t, c);
	unsigned b = bucket(rip, rport, lport);
	c->hnext = t->hash[b];
	t->hash[b] = c;
	t->nconns++;
	return c;
}

static void conn_unlink(mcc_tcpc_conn *c)
{
	mcc_tcpc *t = c->core;
	list_remove(t, c);
	for (mcc_tcpc_conn **p = &t->hash[bucket(c->rip, c->rport, c->lport)];
	     *p; p = &(*p)->hnext)
		if (*p == c) {
			*p = c->hnext;
			break;
		}
	t->nconns--;
}

static void conn_free(mcc_tcpc_conn *c)
{
	mcc_tcpc *t = c->core;
	ring_free_buf(t, &c->snd);
	ring_free_buf(t, &c->rcv);
	mcc_plat_free(c, sizeof *c);
}

/* Remove c from its listener's bookkeeping (it is not accepted). */
static void listener_forget(mcc_tcpc_conn *c)
{
	mcc_tcpc_listener *l = c->listener;
	if (!l)
		return;
	for (mcc_tcpc_conn **p = &l->queue_head; *p; p = &(*p)->qnext)
		if (*p == c) {
			*p = c->qnext;
			break;
		}
	l->queue_tail = NULL;
	for (mcc_tcpc_conn *q = l->queue_head; q; q = q->qnext)
		l->queue_tail = q;
	l->pending--;
	c->listener = NULL;
	/* Nobody will ever accept it: it belongs to the core alone. */
	c->released = true;
}

void mcc_tcpc_maybe_free(mcc_tcpc_conn *c)
{
	if (c->state != TCPS_CLOSED)
		return;
	listener_forget(c);
	if (!c->released)
		return;
	conn_unlink(c);
	conn_free(c);
}

void mcc_tcpc_notify(mcc_tcpc_conn *c, unsigned ev)
{
	if (!c->released && !c->listener && c->core->event)
		c->core->event(c->core->ctx, c, NULL, ev);
}

void mcc_tcpc_set_state(mcc_tcpc_conn *c, enum mcc_tcpc_state st, uint64_t now)
{
	mcc_tcpc *t = c->core;

	if (st == TCPS_TIME_WAIT && c->state != TCPS_TIME_WAIT) {
		/* A TIME_WAIT connection keeps no buffers and does not count
		 * against max_conns. */
		t->nconns--;
		t->ntime_wait++;
		c->tw_at = now + t->time_wait_ns;
		c->rto_at = 0;
		if (c->released) {
			ring_free_buf(t, &c->snd);
			ring_free_buf(t, &c->rcv);
		}
		list_remove(t, c);
		list_append_tw(t, c);
		/* Too many: the oldest released one goes early. */
		if (t->ntime_wait > t->max_time_wait && t->tw_head != c &&
		    t->tw_head->released) {
			mcc_tcpc_conn *old = t->tw_head;
			mcc_tcpc_set_state(old, TCPS_CLOSED, now);
			mcc_tcpc_maybe_free(old);
		}
	}
	if (c->state == TCPS_TIME_WAIT && st != TCPS_TIME_WAIT) {
		t->ntime_wait--;
		t->nconns++;
		list_remove(t, c);
		list_push_active(t, c);
	}
	c->state = st;
	if (st == TCPS_FIN_WAIT_2 && c->released)
		c->tw_at = now + t->fin_wait_ns;
	if (st == TCPS_CLOSED)
		c->rto_at = c->tw_at = 0;
}

void mcc_tcpc_fail(mcc_tcpc_conn *c, int err)
{
	if (!c->err)
		c->err = err;
	mcc_tcpc_set_state(c, TCPS_CLOSED, 0);
	mcc_tcpc_notify(c, MCC_TCPC_READABLE | MCC_TCPC_WRITABLE);
}

void mcc_tcpc_fini(mcc_tcpc *t)
{
	while (t->conns) {
		mcc_tcpc_conn *c = t->conns;
		t->conns = c->next;
		conn_free(c);
	}
	while (t->tw_head) {
		mcc_tcpc_conn *c = t->tw_head;
		t->tw_head = c->next;
		conn_free(c);
	}
	t->tw_tail = NULL;
	for (int i = 0; i < MCC_TCPC_HASH; i++)
		t->hash[i] = NULL;
	while (t->nspare > 0) {
		t->nspare--;
		mcc_plat_free(t->spare[t->nspare], t->spare_size[t->nspare]);
	}
	while (t->listeners) {
		mcc_tcpc_listener *l = t->listeners;
		t->listeners = l->next;
		mcc_plat_free(l, sizeof *l);
	}
	t->nconns = t->ntime_wait = 0;
}

int mcc_tcpc_listen(mcc_tcpc *t, uint16_t port, int backlog,
		    mcc_tcpc_listener **out)
{
	if (port == 0 || backlog < 0)
		return -MCC_EINVAL;
	for (mcc_tcpc_listener *l = t->listeners; l; l = l->next)
		if (l->port == port)
			return -MCC_EADDRINUSE;
	mcc_tcpc_listener *l = mcc_plat_alloc(sizeof *l);
	if (!l)
		return -MCC_ENOMEM;
	wire_zero(l, sizeof *l);
	l->port = port;
	l->backlog = backlog ? backlog : 1;
	l->next = t->listeners;
	t->listeners = l;
	*out = l;
	return 0;
}

void mcc_tcpc_unlisten(mcc_tcpc *t, mcc_tcpc_listener *l, uint64_t now)
{
	for (mcc_tcpc_listener **p = &t->listeners; *p; p = &(*p)->next)
		if (*p == l) {
			*p = l->next;
			break;
		}
	/* Reset every connection still owned by the listener. */
	for (mcc_tcpc_conn *c = t->conns, *next; c; c = next) {
		next = c->next;
		if (c->listener == l) {
			mcc_tcpc_send_ctl(c, TCP_RST | TCP_ACK, c->snd_max);
			listener_forget(c);
			mcc_tcpc_set_state(c, TCPS_CLOSED, now);
			mcc_tcpc_maybe_free(c);
		}
	}
	mcc_plat_free(l, sizeof *l);
}

mcc_tcpc_conn *mcc_tcpc_accept(mcc_tcpc *t, mcc_tcpc_listener *l)
{
	(void)t;
	mcc_tcpc_conn *c = l->queue_head;
	if (!c)
		return NULL;
	l->queue_head = c->qnext;
	if (!l->queue_head)
		l->queue_tail = NULL;
	c->qnext = NULL;
	c->listener = NULL;
	l->pending--;
	return c;
}

static bool port_in_use(mcc_tcpc *t, uint16_t port)
{
	for (mcc_tcpc_listener *l = t->listeners; l; l = l->next)
		if (l->port == port)
			return true;
	for (mcc_tcpc_conn *c = t->conns; c; c = c->next)
		if (c->lport == port)
			return true;
	for (mcc_tcpc_conn *c = t->tw_head; c; c = c->next)
		if (c->lport == port)
			return true;
	return false;
}

int mcc_tcpc_connect(mcc_tcpc *t, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		     uint16_t port, uint64_t now, mcc_tcpc_conn **out)
{
	uint16_t lport = 0;

	if (port == 0 || dst == 0)
		return -MCC_EINVAL;
	for (int i = 0; i < 16384 && !lport; i++) {
		uint16_t p = t->next_port;
		t->next_port = p == 65535 ? 49152 : (uint16_t)(p + 1);
		if (!port_in_use(t, p))
			lport = p;
	}
	if (!lport)
		return -MCC_EADDRINUSE;
	mcc_tcpc_conn *c = mcc_tcpc_conn_new(t, src, lport, dst, port, now);
	if (!c)
		return -MCC_ENOMEM;
	c->state = TCPS_SYN_SENT;
	mcc_tcpc_output(c, now, false);
	*out = c;
	return 0;
}

long mcc_tcpc_send(mcc_tcpc_conn *c, const void *buf, size_t len,
		   uint64_t now)
{
	if (c->err)
		return c->err;
	if (c->user_closed)
		return -MCC_ECLOSED;
	if (c->state == TCPS_SYN_SENT || c->state == TCPS_SYN_RCVD)
		return -MCC_EAGAIN;
	if (c->state != TCPS_ESTABLISHED && c->state != TCPS_CLOSE_WAIT)
		return -MCC_ECLOSED;
	uint32_t n = mcc_tcpc_ring_free(&c->snd);
	if (len < n)
		n = (uint32_t)len;
	ring_write_at(&c->snd, c->snd.len, buf, n);
	c->snd.len += n;
	if (n)
		mcc_tcpc_output(c, now, false);
	return n;
}

long mcc_tcpc_recv(mcc_tcpc_conn *c, void *buf, size_t len, uint64_t now)
{
	if (c->rcv.len == 0) {
		if (c->err)
			return c->err;
		if (c->peer_fin || c->state == TCPS_CLOSED)
			return 0;
		return -MCC_EAGAIN;
	}
	uint32_t n = c->rcv.len < len ? c->rcv.len : (uint32_t)len;
	uint32_t before = mcc_tcpc_rcv_window(c);
	ring_read_at(&c->rcv, 0, buf, n);
	c->rcv.head = (c->rcv.head + n) & (c->rcv.cap - 1);
	c->rcv.len -= n;
	/* Window update when the advertised edge would move by at least
	 * two segments or half the buffer (RFC 1122 SWS avoidance). */
	uint32_t edge = c->rcv_nxt + mcc_tcpc_rcv_window(c);
	uint32_t step = 2u * c->core->mss;
	if (step > c->rcv.cap / 2)
		step = c->rcv.cap / 2;
	if (c->state >= TCPS_ESTABLISHED && c->state != TCPS_TIME_WAIT &&
	    !c->peer_fin && (edge - c->rcv_adv >= step || before == 0)) {
		c->ack_now = true;
		mcc_tcpc_output(c, now, false);
	}
	return n;
}

bool mcc_tcpc_readable(const mcc_tcpc_conn *c)
{
	return c->rcv.len > 0 || c->err || c->peer_fin ||
	       c->state == TCPS_CLOSED;
}

bool mcc_tcpc_writable(const mcc_tcpc_conn *c)
{
	if (c->err || c->state == TCPS_CLOSED)
		return true;
	if (c->state == TCPS_SYN_SENT || c->state == TCPS_SYN_RCVD)
		return false;
	return mcc_tcpc_ring_free(&c->snd) > 0;
}

bool mcc_tcpc_drained(const mcc_tcpc_conn *c)
{
	return c->snd.len == 0;
}

void mcc_tcpc_abort(mcc_tcpc_conn *c, uint64_t now)
{
	if (c->state != TCPS_CLOSED && c->state != TCPS_SYN_SENT &&
	    c->state != TCPS_TIME_WAIT)
		mcc_tcpc_send_ctl(c, TCP_RST | TCP_ACK, c->snd_max);
	c->released = true;
	mcc_tcpc_set_state(c, TCPS_CLOSED, now);
	mcc_tcpc_maybe_free(c);
}

void mcc_tcpc_close(mcc_tcpc_conn *c, uint64_t now)
{
	if (c->state == TCPS_SYN_SENT || c->state == TCPS_SYN_RCVD) {
		mcc_tcpc_abort(c, now);
		return;
	}
	/* Unread data is dropped, and so is anything arriving later
	 * (tcp_input.c): a FIN, not a RST, so that a response still in
	 * flight to a client that is sending reaches it (a lingering
	 * close, done by the stack). */
	if (c->rcv.len) {
		c->rcv.head = (c->rcv.head + c->rcv.len) & (c->rcv.cap - 1);
		c->rcv.len = 0;
	}
	c->released = true;
	c->user = NULL;
	switch (c->state) {
	case TCPS_ESTABLISHED:
		c->user_closed = true;
		mcc_tcpc_set_state(c, TCPS_FIN_WAIT_1, now);
		break;
	case TCPS_CLOSE_WAIT:
		c->user_closed = true;
		mcc_tcpc_set_state(c, TCPS_LAST_ACK, now);
		break;
	case TCPS_FIN_WAIT_2:
		c->tw_at = now + c->core->fin_wait_ns;
		return;
	case TCPS_TIME_WAIT:
		ring_free_buf(c->core, &c->snd);
		ring_free_buf(c->core, &c->rcv);
		return;
	default:
		mcc_tcpc_maybe_free(c);
		return;
	}
	mcc_tcpc_output(c, now, false);
}

/* One connection's timers. */
static void conn_timer(mcc_tcpc_conn *c, uint64_t now)
{
	mcc_tcpc *t = c->core;

	if (c->state == TCPS_TIME_WAIT ||
	    (c->state == TCPS_FIN_WAIT_2 && c->released && c->tw_at)) {
		/* TIME_WAIT over, or an orphan whose peer never closes. */
		if (now >= c->tw_at) {
			if (c->state == TCPS_FIN_WAIT_2)
				mcc_tcpc_send_ctl(c, TCP_RST | TCP_ACK, c->snd_max);
			mcc_tcpc_set_state(c, TCPS_CLOSED, now);
			mcc_tcpc_maybe_free(c);
		}
		return;
	}
	if (!c->rto_at || now < c->rto_at)
		return;
	c->rto_at = 0;
	bool syn = c->state == TCPS_SYN_SENT || c->state == TCPS_SYN_RCVD;
	if (++c->retries > (syn ? t->max_syn_retries : t->max_retries)) {
		if (!syn)
			mcc_tcpc_send_ctl(c, TCP_RST | TCP_ACK, c->snd_max);
		mcc_tcpc_fail(c, -MCC_ETIMEDOUT);
		mcc_tcpc_maybe_free(c);
		return;
	}
	c->rto = c->rto * 2 > t->rto_max ? t->rto_max : c->rto * 2;
	c->rtt_timing = false;             /* Karn: no sample from a resend */
	/* A zero window is probed with one byte, forever while the peer
	 * answers (tcp_input.c resets retries on each answer). */
	bool probe = c->snd_wnd == 0 && !syn && c->snd.len > 0;
	if (!probe && !syn) {
		/* RFC 5681 (4): loss detected by timeout. */
		uint32_t flight = c->snd_max - c->snd_una;
		c->ssthresh = flight / 2 > 2u * c->snd_mss ? flight / 2
							   : 2u * c->snd_mss;
		c->cwnd = c->snd_mss;
		c->in_recovery = false;
		c->dupacks = 0;
		c->recover = c->snd_max;
		c->stat_retransmits++;
	}
	c->snd_nxt = c->snd_una;
	if (!c->fin_acked)
		c->fin_sent = false;        /* resend the FIN too */
	mcc_tcpc_output(c, now, probe);
	if (!c->rto_at && (probe || c->snd_una != c->snd_max || syn))
		c->rto_at = now + c->rto;
}

uint64_t mcc_tcpc_tick(mcc_tcpc *t, uint64_t now)
{
	for (mcc_tcpc_conn *c = t->conns, *next; c; c = next) {
		next = c->next;
		conn_timer(c, now);
	}
	/* TIME_WAIT ends in the order it began. */
	while (t->tw_head && now >= t->tw_head->tw_at) {
		mcc_tcpc_conn *c = t->tw_head;
		conn_timer(c, now);
		if (t->tw_head == c)
			break;           /* still held by its user */
	}
	return mcc_tcpc_next_deadline(t);
}

uint64_t mcc_tcpc_next_deadline(const mcc_tcpc *t)
{
	uint64_t next = UINT64_MAX;
	for (const mcc_tcpc_conn *c = t->conns; c; c = c->next) {
		if (c->rto_at && c->rto_at < next)
			next = c->rto_at;
		if (c->state == TCPS_FIN_WAIT_2 && c->tw_at && c->tw_at < next)
			next = c->tw_at;
	}
	if (t->tw_head && t->tw_head->tw_at < next)
		next = t->tw_head->tw_at;
	return next;
}
