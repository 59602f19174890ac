/* net/tcp_core.h - TCP as a pure state machine ("the core").
 *
 * The core holds every connection and listener of one TCP instance.  It
 * never blocks and never reads a clock: each call takes the current time,
 * segments go out through the emit callback and state changes are
 * reported through the event callback.  net/tcp.c puts the blocking flow
 * API on top; tests drive the core directly with a simulated clock.
 *
 * Implemented: three-way handshake (and simultaneous open), MSS and window
 * scale options, sliding windows, RFC 6298 retransmission timer with
 * Karn's rule and backoff, fast retransmit and NewReno (RFC 6582), slow
 * start / congestion avoidance (RFC 5681), out-of-order reassembly in the
 * receive buffer, zero-window probes, RST in and out, FIN / TIME_WAIT,
 * bounded listen backlogs.  Not implemented: SACK, timestamps, urgent
 * data, keep-alives. */
#ifndef MCC_NET_TCP_CORE_H
#define MCC_NET_TCP_CORE_H

#include "mcc/ipv4.h"
#include "net/tcp_wire.h"

enum mcc_tcpc_state {
	TCPS_CLOSED, TCPS_SYN_SENT, TCPS_SYN_RCVD, TCPS_ESTABLISHED,
	TCPS_FIN_WAIT_1, TCPS_FIN_WAIT_2, TCPS_CLOSE_WAIT, TCPS_CLOSING,
	TCPS_LAST_ACK, TCPS_TIME_WAIT,
};

/* Events passed to the event callback (a bit set). */
enum {
	MCC_TCPC_READABLE = 1,     /* data, end of stream or an error */
	MCC_TCPC_WRITABLE = 2,     /* send space, connected, or an error */
	MCC_TCPC_ACCEPTABLE = 4,   /* a listener has a connection to accept */
};

#define MCC_TCPC_OOO_RANGES 32
#define MCC_TCPC_MAX_SEG 9000      /* largest MSS used (jumbo frames) */
#define MCC_TCPC_HASH 1024         /* lookup buckets (power of two) */
#define MCC_TCPC_SPARE 32          /* ring buffers kept for reuse */

/* A byte ring; cap is a power of two. */
typedef struct mcc_tcpc_ring {
	uint8_t *buf;
	uint32_t cap, head, len;
} mcc_tcpc_ring;

typedef struct mcc_tcpc mcc_tcpc;
typedef struct mcc_tcpc_conn mcc_tcpc_conn;
typedef struct mcc_tcpc_listener mcc_tcpc_listener;

struct mcc_tcpc_listener {
	mcc_tcpc_listener *next;
	uint16_t port;
	int backlog;
	int pending;               /* SYN_RCVD plus not yet accepted */
	mcc_tcpc_conn *queue_head, *queue_tail;  /* established, unaccepted */
	void *user;
};

struct mcc_tcpc_conn {
	mcc_tcpc_conn *next, *prev;  /* in the active or the TIME_WAIT list */
	mcc_tcpc_conn *hnext;      /* in the lookup hash chain */
	bool in_tw;                /* which list: TIME_WAIT (FIFO) */
	mcc_tcpc_conn *qnext;      /* in a listener's accept queue */
	mcc_tcpc *core;
	mcc_tcpc_listener *listener;  /* until accepted */
	enum mcc_tcpc_state state;
	mcc_ipv4_addr lip, rip;
	uint16_t lport, rport;
	int err;                   /* sticky error (negative) once failed */
	bool released;             /* the user let go of it */
	bool user_closed;          /* no more sends: FIN queued */
	bool fin_sent;             /* our FIN is (logically) in flight */
	bool fin_acked;
	bool peer_fin;             /* FIN received and processed */
	bool ooo_fin;              /* FIN received beyond a gap */
	uint32_t ooo_fin_seq;

	/* send side: snd.buf holds bytes from snd_una on */
	uint32_t iss, snd_una, snd_nxt, snd_max, snd_wnd, snd_wl1, snd_wl2;
	uint16_t snd_mss;
	uint8_t snd_wscale, rcv_wscale;
	bool wscale_ok;
	mcc_tcpc_ring snd;

	/* receive side: rcv.buf holds unread in-order bytes, then space
	 * where out-of-order segments land at their final position */
	uint32_t irs, rcv_nxt, rcv_adv;   /* rcv_adv: right edge advertised */
	mcc_tcpc_ring rcv;
	uint32_t ooo_start[MCC_TCPC_OOO_RANGES], ooo_end[MCC_TCPC_OOO_RANGES];
	int nooo;
	bool ack_now;

	/* RFC 6298 */
	uint64_t srtt, rttvar, rto;
	bool rtt_timing;
	uint32_t rtt_seq;
	uint64_t rtt_start;
	uint64_t rto_at;           /* 0 = not armed; also SYN and persist */
	uint64_t tw_at;            /* TIME_WAIT end; orphaned FIN_WAIT_2 end */
	int retries;

	/* RFC 5681 / 6582 */
	uint32_t cwnd, ssthresh, recover;
	int dupacks;
	bool in_recovery;

	void *user;
	uint64_t stat_retransmits;
};

typedef int (*mcc_tcpc_emit)(void *ctx, mcc_ipv4_addr src, mcc_ipv4_addr dst,
			     const mcc_iov *iov, int n);
/* Exactly one of c and l is non-NULL. */
typedef void (*mcc_tcpc_event)(void *ctx, mcc_tcpc_conn *c,
			       mcc_tcpc_listener *l, unsigned ev);

struct mcc_tcpc {
	mcc_tcpc_emit emit;
	mcc_tcpc_event event;
	void *ctx;
	mcc_tcpc_conn *conns;      /* every connection not in TIME_WAIT */
	mcc_tcpc_conn *tw_head, *tw_tail;  /* TIME_WAIT, oldest first */
	mcc_tcpc_conn *hash[MCC_TCPC_HASH];
	mcc_tcpc_listener *listeners;
	uint64_t secret;           /* for initial sequence numbers */
	uint16_t next_port;
	uint16_t mss;              /* ours: link MTU - 40 */
	uint32_t sndbuf, rcvbuf;   /* per connection, powers of two */
	int max_conns, nconns, max_time_wait, ntime_wait;
	uint64_t rto_min, rto_max, rto_initial, time_wait_ns, fin_wait_ns;
	int max_retries, max_syn_retries;
	/* Freed ring buffers kept for the next connections: allocating
	 * 2 x 128 KiB per connection is the cost of a short one. */
	uint8_t *spare[MCC_TCPC_SPARE];
	uint32_t spare_size[MCC_TCPC_SPARE];
	int nspare;
	uint8_t hdr[MCC_TCP_MAX_HLEN];
	uint8_t seg[MCC_TCPC_MAX_SEG];    /* payload being sent */
};

/* Defaults: MSS from mtu (IP payload size), 128 KiB buffers. */
void mcc_tcpc_init(mcc_tcpc *t, unsigned mtu, mcc_tcpc_emit emit,
		   mcc_tcpc_event event, void *ctx, uint64_t seed);
/* Free every connection and listener (no segments are sent). */
void mcc_tcpc_fini(mcc_tcpc *t);

int mcc_tcpc_listen(mcc_tcpc *t, uint16_t port, int backlog,
		    mcc_tcpc_listener **out);
/* Stop listening: unaccepted connections are reset, l is freed. */
void mcc_tcpc_unlisten(mcc_tcpc *t, mcc_tcpc_listener *l, uint64_t now);
/* The next established connection of l, or NULL. */
mcc_tcpc_conn *mcc_tcpc_accept(mcc_tcpc *t, mcc_tcpc_listener *l);
/* Start opening a connection from src (an ephemeral port) to dst:port;
 * WRITABLE is signalled when it is established or failed. */
int mcc_tcpc_connect(mcc_tcpc *t, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		     uint16_t port, uint64_t now, mcc_tcpc_conn **out);

/* Queue up to len bytes; returns the count queued (0 when the buffer is
 * full), -MCC_EAGAIN while the handshake is in progress, or the error. */
long mcc_tcpc_send(mcc_tcpc_conn *c, const void *buf, size_t len,
		   uint64_t now);
/* Take up to len received bytes: the count, 0 at end of stream,
 * -MCC_EAGAIN when nothing is available yet, or the error. */
long mcc_tcpc_recv(mcc_tcpc_conn *c, void *buf, size_t len, uint64_t now);
/* Whether recv/send would not return -MCC_EAGAIN / 0 now. */
bool mcc_tcpc_readable(const mcc_tcpc_conn *c);
bool mcc_tcpc_writable(const mcc_tcpc_conn *c);
/* True when everything queued has been acknowledged. */
bool mcc_tcpc_drained(const mcc_tcpc_conn *c);
/* Release c: send FIN after queued data; received data not read yet,
 * and any that still arrives, is dropped.  The core frees c when the
 * connection is over; the caller must not use c afterwards. */
void mcc_tcpc_close(mcc_tcpc_conn *c, uint64_t now);
/* Release c with a RST. */
void mcc_tcpc_abort(mcc_tcpc_conn *c, uint64_t now);

/* A segment (IP payload) from src to dst. */
void mcc_tcpc_input(mcc_tcpc *t, mcc_ipv4_addr src, mcc_ipv4_addr dst,
		    const uint8_t *p, size_t len, uint64_t now);
/* Run the timers due at now; returns the next deadline (UINT64_MAX if
 * none). */
uint64_t mcc_tcpc_tick(mcc_tcpc *t, uint64_t now);
/* The earliest armed timer, without running anything. */
uint64_t mcc_tcpc_next_deadline(const mcc_tcpc *t);

/* Internal, shared by tcp_core.c, tcp_input.c, tcp_output.c. */
void mcc_tcpc_output(mcc_tcpc_conn *c, uint64_t now, bool force_one);
void mcc_tcpc_send_ctl(mcc_tcpc_conn *c, uint8_t flags, uint32_t seq);
void mcc_tcpc_send_rst_for(mcc_tcpc *t, mcc_ipv4_addr src, mcc_ipv4_addr dst,
			   const mcc_tcp_seg *s);
void mcc_tcpc_set_state(mcc_tcpc_conn *c, enum mcc_tcpc_state st,
			uint64_t now);
void mcc_tcpc_fail(mcc_tcpc_conn *c, int err);
void mcc_tcpc_maybe_free(mcc_tcpc_conn *c);
mcc_tcpc_conn *mcc_tcpc_conn_new(mcc_tcpc *t, mcc_ipv4_addr lip,
				 uint16_t lport, mcc_ipv4_addr rip,
				 uint16_t rport, uint64_t now);
void mcc_tcpc_notify(mcc_tcpc_conn *c, unsigned ev);
uint32_t mcc_tcpc_rcv_window(const mcc_tcpc_conn *c);
mcc_tcpc_conn *mcc_tcpc_lookup(mcc_tcpc *t, mcc_ipv4_addr src, uint16_t sport,
			       mcc_ipv4_addr dst, uint16_t dport);
void mcc_tcpc_tw_restart(mcc_tcpc_conn *c, uint64_t now);
uint32_t mcc_tcpc_ring_free(const mcc_tcpc_ring *r);
void mcc_tcpc_ring_put(mcc_tcpc_ring *r, uint32_t off, const uint8_t *src,
		       uint32_t n);
void mcc_tcpc_ring_get(const mcc_tcpc_ring *r, uint32_t off, uint8_t *dst,
		       uint32_t n);
void mcc_tcpc_retransmit_first(mcc_tcpc_conn *c, uint64_t now);

#endif
