/* net/tcp_input.c - segment arrival (RFC 793 3.9 "SEGMENT ARRIVES" with
 * the RFC 5681 / 6582 / 6298 updates). */
#include "net/tcp_core.h"
#include "net/wire.h"
#include "mcc/platform.h"

static mcc_tcpc_listener *find_listener(mcc_tcpc *t, uint16_t port)
{
	for (mcc_tcpc_listener *l = t->listeners; l; l = l->next)
		if (l->port == port)
			return l;
	return NULL;
}

/* Options of the peer's SYN. */
static void take_syn_options(mcc_tcpc_conn *c, const mcc_tcp_seg *s)
{
	uint16_t mss = s->mss ? s->mss : 536;
	c->snd_mss = mss < c->core->mss ? mss : c->core->mss;
	if (c->snd_mss < 64)
		c->snd_mss = 64;            /* refuse absurdly small segments */
	c->wscale_ok = s->wscale >= 0;
	c->snd_wscale = c->wscale_ok ? (uint8_t)s->wscale : 0;
	if (!c->wscale_ok)
		c->rcv_wscale = 0;
	/* RFC 5681 initial window: 2..4 segments by MSS. */
	c->cwnd = c->snd_mss > 2190 ? 2u * c->snd_mss
		: c->snd_mss > 1095 ? 3u * c->snd_mss : 4u * c->snd_mss;
	c->irs = s->seq;
	c->rcv_nxt = s->seq + 1;
}

static void passive_open(mcc_tcpc *t, mcc_tcpc_listener *l, mcc_ipv4_addr src,
			 mcc_ipv4_addr dst, const mcc_tcp_seg *s, uint64_t now)
{
	if (l->pending >= l->backlog)
		return;                     /* backlog full: the peer retries */
	mcc_tcpc_conn *c = mcc_tcpc_conn_new(t, dst, s->dport, src, s->sport,
					     now);
	if (!c)
		return;
	c->state = TCPS_SYN_RCVD;
	c->listener = l;
	l->pending++;
	take_syn_options(c, s);
	c->snd_wnd = s->wnd;            /* never scaled in a SYN */
	c->snd_wl1 = s->seq;
	mcc_tcpc_output(c, now, false);
}

static void rtt_sample(mcc_tcpc_conn *c, uint64_t r)
{
	mcc_tcpc *t = c->core;
	if (c->srtt == 0) {
		c->srtt = r;
		c->rttvar = r / 2;
	} else {
		uint64_t d = c->srtt > r ? c->srtt - r : r - c->srtt;
		c->rttvar = (3 * c->rttvar + d) / 4;
		c->srtt = (7 * c->srtt + r) / 8;
	}
	uint64_t var4 = 4 * c->rttvar;
	c->rto = c->srtt + (var4 > 1000000 ? var4 : 1000000);  /* G = 1 ms */
	if (c->rto < t->rto_min)
		c->rto = t->rto_min;
	if (c->rto > t->rto_max)
		c->rto = t->rto_max;
}

static void established(mcc_tcpc_conn *c, const mcc_tcp_seg *s, uint64_t now)
{
	c->snd_una = s->ack;
	if (seq_lt(c->snd_nxt, c->snd_una))
		c->snd_nxt = c->snd_una;
	c->snd_wnd = (uint32_t)s->wnd << c->snd_wscale;
	c->snd_wl1 = s->seq;
	c->snd_wl2 = s->ack;
	c->retries = 0;
	c->rto_at = 0;
	mcc_tcpc_set_state(c, TCPS_ESTABLISHED, now);
}

static void syn_sent(mcc_tcpc_conn *c, const mcc_tcp_seg *s, uint64_t now)
{
	bool ack = s->flags & TCP_ACK;

	if (ack && (seq_le(s->ack, c->iss) || seq_gt(s->ack, c->snd_max))) {
		mcc_tcpc_send_rst_for(c->core, c->rip, c->lip, s);
		return;
	}
	if (s->flags & TCP_RST) {
		if (ack) {
			mcc_tcpc_fail(c, -MCC_ECONNREFUSED);
			mcc_tcpc_maybe_free(c);
		}
		return;
	}
	if (!(s->flags & TCP_SYN))
		return;
	take_syn_options(c, s);
	if (ack) {
		/* SYN-ACK: the peer's window is scaled from now on. */
		established(c, s, now);
		c->snd_wnd = s->wnd;
		c->ack_now = true;
		mcc_tcpc_output(c, now, false);
		mcc_tcpc_notify(c, MCC_TCPC_WRITABLE);
	} else {
		/* Simultaneous open: answer with SYN-ACK for our own SYN. */
		c->state = TCPS_SYN_RCVD;
		c->snd_nxt = c->iss;
		c->snd_wnd = s->wnd;
		mcc_tcpc_output(c, now, false);
	}
}

/* RFC 793 acceptability test against the receive window. */
static bool acceptable(const mcc_tcpc_conn *c, const mcc_tcp_seg *s)
{
	uint32_t wnd = mcc_tcpc_rcv_window(c);
	uint32_t seglen = (uint32_t)s->len + !!(s->flags & TCP_SYN) +
			  !!(s->flags & TCP_FIN);
	uint32_t lo = c->rcv_nxt, hi = c->rcv_nxt + wnd;

	if (c->state == TCPS_TIME_WAIT || !c->rcv.buf)
		wnd = 0, hi = lo;
	if (seglen == 0)
		return wnd == 0 ? s->seq == lo
				: seq_ge(s->seq, lo) && seq_lt(s->seq, hi);
	if (wnd == 0)
		return false;
	uint32_t last = s->seq + seglen - 1;
	return (seq_ge(s->seq, lo) && seq_lt(s->seq, hi)) ||
	       (seq_ge(last, lo) && seq_lt(last, hi));
}

/* Congestion control on a new ACK covering `acked` bytes. */
static void on_new_ack(mcc_tcpc_conn *c, uint32_t ack, uint32_t acked,
		       uint64_t now)
{
	uint32_t mss = c->snd_mss;

	if (c->in_recovery) {
		if (seq_ge(ack, c->recover)) {
			/* Full acknowledgement: leave fast recovery with
			 * min(ssthresh, max(FlightSize, SMSS) + SMSS). */
			uint32_t flight = c->snd_max - ack;
			if (flight < mss)
				flight = mss;
			c->cwnd = c->ssthresh < flight + mss ? c->ssthresh
							     : flight + mss;
			c->in_recovery = false;
		} else {
			/* Partial ACK: the next hole is lost too. */
			mcc_tcpc_retransmit_first(c, now);
			c->cwnd = c->cwnd > acked ? c->cwnd - acked : mss;
			if (acked >= mss)
				c->cwnd += mss;
		}
	} else if (c->cwnd < c->ssthresh) {
		c->cwnd += acked < mss ? acked : mss;      /* slow start */
	} else {
		uint32_t inc = mss * mss / c->cwnd;        /* avoidance */
		c->cwnd += inc ? inc : 1;
	}
	if (c->cwnd > (1u << 30))
		c->cwnd = 1u << 30;
}

static void on_dup_ack(mcc_tcpc_conn *c, uint64_t now)
{
	uint32_t mss = c->snd_mss;

	if (++c->dupacks == 3 && !c->in_recovery &&
	    seq_gt(c->snd_una, c->recover - 1)) {
		uint32_t flight = c->snd_max - c->snd_una;
		c->ssthresh = flight / 2 > 2 * mss ? flight / 2 : 2 * mss;
		c->recover = c->snd_max;
		c->in_recovery = true;
		mcc_tcpc_retransmit_first(c, now);
		c->cwnd = c->ssthresh + 3 * mss;
	} else if (c->in_recovery) {
		c->cwnd += mss;                            /* inflate */
	}
}

/* Process the ACK field.  Returns false when the segment is to be
 * dropped. */
static bool process_ack(mcc_tcpc_conn *c, const mcc_tcp_seg *s, uint64_t now)
{
	if (seq_gt(s->ack, c->snd_max)) {
		c->ack_now = true;           /* acks something never sent */
		return false;
	}
	if (seq_gt(s->ack, c->snd_una)) {
		uint32_t acked = s->ack - c->snd_una;
		uint32_t data = acked < c->snd.len ? acked : c->snd.len;
		if (c->rtt_timing && seq_ge(s->ack, c->rtt_seq)) {
			c->rtt_timing = false;
			rtt_sample(c, now - c->rtt_start);
		}
		c->snd.head = (c->snd.head + data) & (c->snd.cap - 1);
		c->snd.len -= data;
		if (acked > data && c->fin_sent)
			c->fin_acked = true;
		c->snd_una = s->ack;
		if (seq_lt(c->snd_nxt, c->snd_una))
			c->snd_nxt = c->snd_una;
		on_new_ack(c, s->ack, acked, now);
		c->dupacks = 0;
		c->retries = 0;
		c->rto_at = c->snd_una == c->snd_max ? 0 : now + c->rto;
		if (data)
			mcc_tcpc_notify(c, MCC_TCPC_WRITABLE);
	} else if (s->ack == c->snd_una && s->len == 0 &&
		   !(s->flags & (TCP_SYN | TCP_FIN)) &&
		   ((uint32_t)s->wnd << c->snd_wscale) == c->snd_wnd &&
		   c->snd_max != c->snd_una) {
		on_dup_ack(c, now);
	}
	/* Window update (RFC 793 SND.WL1/WL2 rule). */
	if (seq_lt(c->snd_wl1, s->seq) ||
	    (c->snd_wl1 == s->seq && seq_le(c->snd_wl2, s->ack))) {
		c->snd_wnd = (uint32_t)s->wnd << c->snd_wscale;
		c->snd_wl1 = s->seq;
		c->snd_wl2 = s->ack;
		if (c->snd_wnd == 0)
			c->retries = 0;      /* the peer answers our probes */
	}
	return true;
}

/* Record [seq, seq+n) as received out of order, merging ranges. */
static void ooo_add(mcc_tcpc_conn *c, uint32_t seq, uint32_t n)
{
	uint32_t start = seq, end = seq + n;
	int i = 0, j;

	while (i < c->nooo && seq_lt(c->ooo_end[i], start))
		i++;
	/* Ranges i..j-1 overlap or touch the new one. */
	for (j = i; j < c->nooo && seq_le(c->ooo_start[j], end); j++) {
		if (seq_lt(c->ooo_start[j], start))
			start = c->ooo_start[j];
		if (seq_gt(c->ooo_end[j], end))
			end = c->ooo_end[j];
	}
	if (j == i && c->nooo == MCC_TCPC_OOO_RANGES)
		return;                  /* too fragmented: forget this one */
	int remove = j - i;
	if (remove == 0) {
		wire_move(&c->ooo_start[i + 1], &c->ooo_start[i],
			  (size_t)(c->nooo - i) * sizeof c->ooo_start[0]);
		wire_move(&c->ooo_end[i + 1], &c->ooo_end[i],
			  (size_t)(c->nooo - i) * sizeof c->ooo_end[0]);
		c->nooo++;
	} else if (remove > 1) {
		wire_move(&c->ooo_start[i + 1], &c->ooo_start[j],
			  (size_t)(c->nooo - j) * sizeof c->ooo_start[0]);
		wire_move(&c->ooo_end[i + 1], &c->ooo_end[j],
			  (size_t)(c->nooo - j) * sizeof c->ooo_end[0]);
		c->nooo -= remove - 1;
	}
	c->ooo_start[i] = start;
	c->ooo_end[i] = end;
}

/* After rcv_nxt advanced: absorb the ranges it now reaches. */
static void ooo_pull(mcc_tcpc_conn *c)
{
	int k = 0;
	while (k < c->nooo && seq_le(c->ooo_start[k], c->rcv_nxt)) {
		if (seq_gt(c->ooo_end[k], c->rcv_nxt)) {
			uint32_t more = c->ooo_end[k] - c->rcv_nxt;
			c->rcv.len += more;
			c->rcv_nxt += more;
		}
		k++;
	}
	if (k) {
		wire_move(c->ooo_start, c->ooo_start + k,
			  (size_t)(c->nooo - k) * sizeof c->ooo_start[0]);
		wire_move(c->ooo_end, c->ooo_end + k,
			  (size_t)(c->nooo - k) * sizeof c->ooo_end[0]);
		c->nooo -= k;
	}
}

static void process_fin(mcc_tcpc_conn *c, uint64_t now)
{
	c->rcv_nxt++;
	c->peer_fin = true;
	c->ack_now = true;
	switch (c->state) {
	case TCPS_ESTABLISHED:
		mcc_tcpc_set_state(c, TCPS_CLOSE_WAIT, now);
		break;
	case TCPS_FIN_WAIT_1:
		mcc_tcpc_set_state(c, c->fin_acked ? TCPS_TIME_WAIT
						   : TCPS_CLOSING, now);
		break;
	case TCPS_FIN_WAIT_2:
		mcc_tcpc_set_state(c, TCPS_TIME_WAIT, now);
		break;
	default:
		break;
	}
	mcc_tcpc_notify(c, MCC_TCPC_READABLE);
}

/* Take the segment's data and FIN into the receive buffer. */
static void process_data(mcc_tcpc_conn *c, const mcc_tcp_seg *s, uint64_t now)
{
	uint32_t seq = s->seq;
	const uint8_t *data = s->data;
	uint32_t n = (uint32_t)s->len;
	bool fin = s->flags & TCP_FIN;

	if (c->peer_fin || !c->rcv.buf)
		return;                      /* nothing follows a FIN */
	if (seq_lt(seq, c->rcv_nxt)) {       /* trim what we already have */
		uint32_t skip = c->rcv_nxt - seq;
		if (skip >= n) {
			if (skip > n)
				fin = false;     /* that FIN was taken before */
			n = 0;
		} else {
			data += skip;
			n -= skip;
		}
		seq = c->rcv_nxt;
	}
	uint32_t wnd = mcc_tcpc_rcv_window(c);
	uint32_t off = seq - c->rcv_nxt;
	if (off >= wnd && n)
		n = 0, fin = false;
	else if (off + n > wnd) {
		n = wnd - off;
		fin = false;                 /* the FIN fell outside */
	}
	if (n || s->len)
		c->ack_now = true;
	if (n) {
		mcc_tcpc_ring_put(&c->rcv, c->rcv.len + off, data, n);
		if (off == 0) {
			c->rcv.len += n;
			c->rcv_nxt += n;
			ooo_pull(c);
			mcc_tcpc_notify(c, MCC_TCPC_READABLE);
		} else {
			ooo_add(c, seq, n);
		}
		if (c->released) {
			/* Nobody will read it: acknowledge and drop. */
			c->rcv.head = (c->rcv.head + c->rcv.len) & (c->rcv.cap - 1);
			c->rcv.len = 0;
		}
	}
	if (fin) {
		c->ooo_fin = true;
		c->ooo_fin_seq = seq + n;
	}
	if (c->ooo_fin && c->ooo_fin_seq == c->rcv_nxt) {
		c->ooo_fin = false;
		process_fin(c, now);
	}
}

static void on_fin_acked(mcc_tcpc_conn *c, uint64_t now)
{
	switch (c->state) {
	case TCPS_FIN_WAIT_1:
		mcc_tcpc_set_state(c, TCPS_FIN_WAIT_2, now);
		break;
	case TCPS_CLOSING:
		mcc_tcpc_set_state(c, TCPS_TIME_WAIT, now);
		break;
	case TCPS_LAST_ACK:
		mcc_tcpc_set_state(c, TCPS_CLOSED, now);
		break;
	default:
		break;
	}
}

static void conn_input(mcc_tcpc_conn *c, const mcc_tcp_seg *s, uint64_t now)
{
	if (c->state == TCPS_SYN_SENT) {
		syn_sent(c, s, now);
		return;
	}
	/* A retransmitted SYN: our SYN-ACK was lost. */
	if (c->state == TCPS_SYN_RCVD && (s->flags & TCP_SYN) &&
	    !(s->flags & TCP_ACK) && s->seq == c->irs) {
		c->snd_nxt = c->iss;
		mcc_tcpc_output(c, now, false);
		return;
	}
	if (!acceptable(c, s)) {
		if (!(s->flags & TCP_RST)) {
			c->ack_now = true;
			mcc_tcpc_output(c, now, false);
		}
		return;
	}
	if (s->flags & TCP_RST) {
		/* RFC 5961: only an exact match resets; otherwise ask the
		 * peer to prove it with a challenge ACK. */
		if (s->seq != c->rcv_nxt) {
			c->ack_now = true;
			mcc_tcpc_output(c, now, false);
			return;
		}
		mcc_tcpc_fail(c, c->state == TCPS_SYN_RCVD ? -MCC_ECONNREFUSED
							   : -MCC_ECONNRESET);
		mcc_tcpc_maybe_free(c);
		return;
	}
	if (s->flags & TCP_SYN) {            /* RFC 5961 challenge ACK */
		c->ack_now = true;
		mcc_tcpc_output(c, now, false);
		return;
	}
	if (!(s->flags & TCP_ACK))
		return;
	if (c->state == TCPS_SYN_RCVD) {
		if (seq_le(s->ack, c->snd_una) || seq_gt(s->ack, c->snd_max)) {
			mcc_tcpc_send_rst_for(c->core, c->rip, c->lip, s);
			return;
		}
		established(c, s, now);
		mcc_tcpc_listener *l = c->listener;
		if (l) {
			if (l->queue_tail)
				l->queue_tail->qnext = c;
			else
				l->queue_head = c;
			l->queue_tail = c;
			if (c->core->event)
				c->core->event(c->core->ctx, NULL, l,
					       MCC_TCPC_ACCEPTABLE);
		} else {
			mcc_tcpc_notify(c, MCC_TCPC_WRITABLE);
		}
	}
	bool had_fin_acked = c->fin_acked;
	if (!process_ack(c, s, now)) {
		mcc_tcpc_output(c, now, false);
		return;
	}
	if (c->fin_acked && !had_fin_acked) {
		on_fin_acked(c, now);
		if (c->state == TCPS_CLOSED) {
			mcc_tcpc_notify(c, MCC_TCPC_READABLE | MCC_TCPC_WRITABLE);
			mcc_tcpc_maybe_free(c);
			return;
		}
	}
	if (c->state == TCPS_TIME_WAIT) {
		/* A retransmitted FIN: acknowledge it, restart 2 MSL. */
		if (s->flags & TCP_FIN) {
			c->ack_now = true;
			mcc_tcpc_tw_restart(c, now);
		}
	} else {
		process_data(c, s, now);
	}
	mcc_tcpc_output(c, now, false);
}

void mcc_tcpc_input(mcc_tcpc *t, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		    const uint8_t *p, size_t len, uint64_t now)
{
	mcc_tcp_seg s;

	if (mcc_tcp_parse(p, len, src, dst, &s) < 0)
		return;
	mcc_tcpc_conn *c = mcc_tcpc_lookup(t, src, s.sport, dst, s.dport);
	/* RFC 1122 4.2.2.13: a new SYN may reopen a TIME_WAIT pair. */
	if (c && c->state == TCPS_TIME_WAIT && (s.flags & TCP_SYN) &&
	    !(s.flags & (TCP_ACK | TCP_RST)) && seq_gt(s.seq, c->rcv_nxt) &&
	    c->released) {
		mcc_tcpc_set_state(c, TCPS_CLOSED, now);
		mcc_tcpc_maybe_free(c);
		c = NULL;
	}
	if (c) {
		conn_input(c, &s, now);
		return;
	}
	mcc_tcpc_listener *l = find_listener(t, s.dport);
	if (l && (s.flags & (TCP_SYN | TCP_ACK | TCP_RST)) == TCP_SYN) {
		passive_open(t, l, src, dst, &s, now);
		return;
	}
	mcc_tcpc_send_rst_for(t, src, dst, &s);
}
