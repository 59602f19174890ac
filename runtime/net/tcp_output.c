/* net/tcp_output.c - building and sending segments: data within the
 * congestion and peer windows, SYNs, FINs, ACKs and RSTs. */
#include "net/tcp_core.h"
#include "net/wire.h"

static uint32_t min32(uint32_t a, uint32_t b) { return a < b ? a : b; }

/* Send one segment of c carrying len bytes of the send buffer at seq. */
static void send_segment(mcc_tcpc_conn *c, uint32_t seq, uint32_t len,
			 uint8_t flags)
{
	mcc_tcpc *t = c->core;
	mcc_tcp_seg s = {
		.sport = c->lport, .dport = c->rport, .seq = seq,
		.ack = (flags & TCP_ACK) ? c->rcv_nxt : 0, .flags = flags,
		.wscale = -1, .data = t->seg, .len = len,
	};
	uint32_t shift = c->wscale_ok ? c->rcv_wscale : 0;
	uint32_t win = c->rcv.buf ? mcc_tcpc_rcv_window(c) : 0;

	if (flags & TCP_SYN) {
		s.mss = t->mss;
		if (c->state == TCPS_SYN_SENT || c->wscale_ok)
			s.wscale = c->rcv_wscale;
		shift = 0;                  /* a SYN's window is never scaled */
	}
	win >>= shift;
	s.wnd = (uint16_t)min32(win, 65535);
	if (flags & TCP_ACK)
		c->rcv_adv = c->rcv_nxt + ((uint32_t)s.wnd << shift);
	if (len)
		mcc_tcpc_ring_get(&c->snd, seq - c->snd_una, t->seg, len);
	size_t hlen = mcc_tcp_build(t->hdr, &s, c->lip, c->rip);
	mcc_iov iov[2] = {{t->hdr, hlen}, {t->seg, len}};
	t->emit(t->ctx, c->lip, c->rip, iov, len ? 2 : 1);
	if (flags & TCP_ACK)
		c->ack_now = false;
}

void mcc_tcpc_send_ctl(mcc_tcpc_conn *c, uint8_t flags, uint32_t seq)
{
	send_segment(c, seq, 0, flags);
}

void mcc_tcpc_send_rst_for(mcc_tcpc *t, mcc_ipv4_addr src, mcc_ipv4_addr dst,
			   const mcc_tcp_seg *in)
{
	/* RFC 793 "Reset Generation": take the ACK's sequence number, or
	 * acknowledge everything the offending segment occupied. */
	mcc_tcp_seg s = {
		.sport = in->dport, .dport = in->sport, .wscale = -1,
		.data = t->seg,
	};
	if (in->flags & TCP_RST)
		return;
	if (in->flags & TCP_ACK) {
		s.seq = in->ack;
		s.flags = TCP_RST;
	} else {
		s.ack = in->seq + (uint32_t)in->len +
			!!(in->flags & TCP_SYN) + !!(in->flags & TCP_FIN);
		s.flags = TCP_RST | TCP_ACK;
	}
	size_t hlen = mcc_tcp_build(t->hdr, &s, dst, src);
	mcc_iov iov = {t->hdr, hlen};
	t->emit(t->ctx, dst, src, &iov, 1);
}

void mcc_tcpc_retransmit_first(mcc_tcpc_conn *c, uint64_t now)
{
	uint32_t n = min32(min32(c->snd_mss, c->snd.len), c->snd_max - c->snd_una);
	uint8_t flags = TCP_ACK;

	if (c->fin_sent && n == c->snd.len && c->snd_max - c->snd_una > n)
		flags |= TCP_FIN;
	if (n == 0 && !(flags & TCP_FIN))
		return;
	send_segment(c, c->snd_una, n, flags);
	c->stat_retransmits++;
	c->rtt_timing = false;
	c->rto_at = now + c->rto;
}

static void output_syn(mcc_tcpc_conn *c, uint64_t now)
{
	if (c->snd_nxt == c->iss) {
		uint8_t flags = c->state == TCPS_SYN_SENT ? TCP_SYN
							  : TCP_SYN | TCP_ACK;
		send_segment(c, c->iss, 0, flags);
		c->snd_nxt = c->iss + 1;
		if (seq_gt(c->snd_nxt, c->snd_max))
			c->snd_max = c->snd_nxt;
	}
	if (!c->rto_at)
		c->rto_at = now + c->rto;
}

void mcc_tcpc_output(mcc_tcpc_conn *c, uint64_t now, bool force_one)
{
	switch (c->state) {
	case TCPS_SYN_SENT:
	case TCPS_SYN_RCVD:
		output_syn(c, now);
		return;
	case TCPS_CLOSED:
		return;
	case TCPS_TIME_WAIT:
	case TCPS_FIN_WAIT_2:
	case TCPS_CLOSE_WAIT:
	case TCPS_ESTABLISHED:
	case TCPS_FIN_WAIT_1:
	case TCPS_CLOSING:
	case TCPS_LAST_ACK:
		break;
	}
	bool can_send = c->state != TCPS_TIME_WAIT &&
			c->state != TCPS_FIN_WAIT_2;
	while (can_send && !c->fin_sent) {
		uint32_t off = c->snd_nxt - c->snd_una;
		uint32_t avail = c->snd.len > off ? c->snd.len - off : 0;
		uint32_t flight = c->snd_nxt - c->snd_una;
		uint32_t wnd = min32(c->cwnd, c->snd_wnd);
		uint32_t room = wnd > flight ? wnd - flight : 0;
		if (force_one && room == 0 && avail > 0)
			room = 1;
		force_one = false;
		uint32_t n = min32(min32(avail, room), c->snd_mss);
		bool fin = c->user_closed && n == avail;
		if (n == 0 && !fin)
			break;
		/* Sender-side SWS avoidance: no runt segments while data
		 * waits and acknowledgements are still to come. */
		if (n < c->snd_mss && n < avail && flight > 0)
			break;
		uint8_t flags = TCP_ACK;
		if (n && n == avail)
			flags |= TCP_PSH;
		if (fin)
			flags |= TCP_FIN;
		/* Karn's rule: time only segments sent for the first time. */
		if (!c->rtt_timing && n && c->snd_nxt == c->snd_max) {
			c->rtt_timing = true;
			c->rtt_seq = c->snd_nxt + n;
			c->rtt_start = now;
		}
		send_segment(c, c->snd_nxt, n, flags);
		c->snd_nxt += n + fin;
		if (fin)
			c->fin_sent = true;
		if (seq_gt(c->snd_nxt, c->snd_max))
			c->snd_max = c->snd_nxt;
		if (!c->rto_at)
			c->rto_at = now + c->rto;
	}
	/* A bare ACK carries the next new sequence number even while
	 * retransmitting from snd_una (as BSD does): an older one would fall
	 * left of the peer's window and be rejected. */
	if (c->ack_now)
		send_segment(c, c->snd_max, 0, TCP_ACK);
	/* Persist: a zero window with data waiting needs probing. */
	if (!c->rto_at && c->snd_wnd == 0 && c->snd.len > c->snd_nxt - c->snd_una)
		c->rto_at = now + c->rto;
}
