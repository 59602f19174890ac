/* xen_xs.c - xenstore client.  The event channel handler drains the
 * response ring into one reply slot (for the request in flight) and the
 * watches' event counters; requests are written by the calling job. */
#include "xen/common/xen_xs.h"
#include "xen/common/xen_evtchn.h"
#include "xen/common/xen_hcall.h"
#include "mcc/error.h"

static volatile struct xenstore_domain_interface *ring;
static uint32_t port;
static mcc_waitq space_q, reply_q, busy_q;
static bool busy;
static uint32_t next_req_id = 1;
static mcc_xs_watch *watches;
static unsigned watch_counter;

/* The reply being assembled from the ring and the finished one. */
static struct xsd_sockmsg in_hdr;
static char in_body[XENSTORE_PAYLOAD_MAX + 1];
static uint32_t in_have;            /* bytes of header+body read so far */
static bool reply_ready;
static struct xsd_sockmsg reply_hdr;
static char reply_body[XENSTORE_PAYLOAD_MAX + 1];
static bool broken;                 /* protocol error: fail every call */
static uint32_t want_id;            /* req_id of the request in flight */

#define MB() __atomic_thread_fence(__ATOMIC_SEQ_CST)

static size_t slen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

static void copy(void *d, const void *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((char *)d)[i] = ((const char *)s)[i];
}

static bool str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static void watch_event(const char *body, uint32_t len)
{
	/* body: path NUL token NUL */
	uint32_t plen = 0;
	while (plen < len && body[plen])
		plen++;
	if (plen + 1 >= len)
		return;
	const char *token = body + plen + 1;
	for (mcc_xs_watch *w = watches; w; w = w->next) {
		if (!str_eq(w->token, token))
			continue;
		size_t n = plen < sizeof w->last_path - 1 ? plen : sizeof w->last_path - 1;
		copy(w->last_path, body, n);
		w->last_path[n] = 0;
		w->pending++;
		mcc_wake_all(&w->q);
	}
}

/* Take what the ring holds; complete messages are delivered. */
static void drain(void)
{
	if (!ring)
		return;
	for (;;) {
		XENSTORE_RING_IDX cons = ring->rsp_cons, prod = ring->rsp_prod;
		MB();
		if (prod - cons > XENSTORE_RING_SIZE) {
			broken = true;
			return;
		}
		if (cons == prod)
			break;
		while (cons != prod) {
			char c = ring->rsp[MASK_XENSTORE_IDX(cons)];
			cons++;
			if (in_have < sizeof in_hdr) {
				((char *)&in_hdr)[in_have++] = c;
				if (in_have == sizeof in_hdr && in_hdr.len > XENSTORE_PAYLOAD_MAX) {
					broken = true;
					break;
				}
			} else {
				in_body[in_have++ - sizeof in_hdr] = c;
			}
			if (in_have >= sizeof in_hdr && in_have == sizeof in_hdr + in_hdr.len) {
				in_body[in_hdr.len] = 0;
				if (in_hdr.type == XS_WATCH_EVENT) {
					watch_event(in_body, in_hdr.len);
				} else if (want_id && in_hdr.req_id == want_id && !reply_ready) {
					reply_hdr = in_hdr;
					copy(reply_body, in_body, in_hdr.len + 1);
					reply_ready = true;
					mcc_wake_all(&reply_q);
				}
				/* else: the reply to a request whose caller was
				 * cancelled; dropped. */
				in_have = 0;
			}
		}
		MB();
		ring->rsp_cons = cons;
		mcc_xen_evtchn_notify(port);
	}
	if (broken) {
		mcc_wake_all(&reply_q);
		mcc_wake_all(&space_q);
	}
}

static void on_event(evtchn_port_t p, void *ctx)
{
	(void)p;
	(void)ctx;
	drain();
	mcc_wake_all(&space_q);
}

int mcc_xs_init_ring(void *r, uint32_t p)
{
	ring = r;
	port = p;
	broken = false;
	in_have = 0;
	reply_ready = false;
	return mcc_xen_evtchn_attach(p, on_event, NULL);
}

int mcc_xs_init(void)
{
	uint64_t pfn = 0, evt = 0;
	if (ring)
		return 0;
	if (xen_hvm_get_param(HVM_PARAM_STORE_PFN, &pfn) || !pfn ||
	    xen_hvm_get_param(HVM_PARAM_STORE_EVTCHN, &evt) || !evt)
		return -MCC_ENOENT;
	return mcc_xs_init_ring((void *)(uintptr_t)(pfn << 12), (uint32_t)evt);
}

static int put(const void *data, size_t n)
{
	const char *d = data;
	while (n) {
		if (broken)
			return -MCC_EIO;
		XENSTORE_RING_IDX cons = ring->req_cons, prod = ring->req_prod;
		MB();
		if (prod - cons > XENSTORE_RING_SIZE)
			return -MCC_EIO;
		size_t room = XENSTORE_RING_SIZE - (prod - cons);
		if (room == 0) {
			mcc_xen_evtchn_notify(port);
			int r = mcc_wait(&space_q, 0);
			if (r)
				return r;
			continue;
		}
		while (room && n) {
			ring->req[MASK_XENSTORE_IDX(prod)] = *d++;
			prod++;
			room--;
			n--;
		}
		MB();
		ring->req_prod = prod;
	}
	return 0;
}

static int errno_of(const char *e)
{
	static const struct { const char *name; int err; } map[] = {
		{ "ENOENT", MCC_ENOENT }, { "EACCES", MCC_EPERM },
		{ "EPERM", MCC_EPERM }, { "EAGAIN", MCC_EAGAIN },
		{ "EINVAL", MCC_EINVAL }, { "ENOSPC", MCC_ENOSPC },
		{ "EROFS", MCC_EROFS }, { "EEXIST", MCC_EINVAL },
		{ "E2BIG", MCC_EMSGSIZE }, { "ENOMEM", MCC_ENOMEM },
	};
	for (unsigned i = 0; i < sizeof map / sizeof map[0]; i++)
		if (str_eq(map[i].name, e))
			return -map[i].err;
	return -MCC_EIO;
}

/* Send one request made of parts (each NUL-terminated on the wire when
 * term says so) and wait for its reply, left in reply_hdr/reply_body. */
static int request(uint32_t type, uint32_t tx, const char *const *parts,
		   const bool *term, int nparts)
{
	if (!ring)
		return -MCC_ENOENT;
	size_t len = 0;
	for (int i = 0; i < nparts; i++)
		len += slen(parts[i]) + (term[i] ? 1 : 0);
	if (len > XENSTORE_PAYLOAD_MAX)
		return -MCC_EMSGSIZE;
	while (busy) {
		int r = mcc_wait(&busy_q, 0);
		if (r)
			return r;
	}
	busy = true;
	struct xsd_sockmsg h = { .type = type, .req_id = next_req_id++,
				 .tx_id = tx, .len = (uint32_t)len };
	if (next_req_id == 0)
		next_req_id = 1;
	want_id = h.req_id;
	reply_ready = false;
	int r = put(&h, sizeof h);
	for (int i = 0; !r && i < nparts; i++)
		r = put(parts[i], slen(parts[i]) + (term[i] ? 1 : 0));
	if (!r)
		mcc_xen_evtchn_notify(port);
	while (!r && !reply_ready && !broken) {
		drain();
		if (reply_ready || broken)
			break;
		r = mcc_wait(&reply_q, 0);
	}
	if (!r && broken)
		r = -MCC_EIO;
	if (!r && reply_hdr.req_id != h.req_id)
		r = -MCC_EIO;
	if (!r && reply_hdr.type == XS_ERROR)
		r = errno_of(reply_body);
	else if (!r && reply_hdr.type != type)
		r = -MCC_EIO;
	reply_ready = false;
	want_id = 0;
	busy = false;
	mcc_wake_one(&busy_q);
	return r;
}

long mcc_xs_read(uint32_t tx, const char *path, char *buf, size_t cap)
{
	const char *p[] = { path };
	const bool t[] = { true };
	int r = request(XS_READ, tx, p, t, 1);
	if (r)
		return r;
	if (reply_hdr.len + 1 > cap)
		return -MCC_EMSGSIZE;
	copy(buf, reply_body, reply_hdr.len);
	buf[reply_hdr.len] = 0;
	return reply_hdr.len;
}

int mcc_xs_write(uint32_t tx, const char *path, const char *value)
{
	const char *p[] = { path, value };
	const bool t[] = { true, false };
	return request(XS_WRITE, tx, p, t, 2);
}

int mcc_xs_rm(uint32_t tx, const char *path)
{
	const char *p[] = { path };
	const bool t[] = { true };
	return request(XS_RM, tx, p, t, 1);
}

long mcc_xs_directory(uint32_t tx, const char *path, char *buf, size_t cap)
{
	const char *p[] = { path };
	const bool t[] = { true };
	int r = request(XS_DIRECTORY, tx, p, t, 1);
	if (r)
		return r;
	if (reply_hdr.len > cap)
		return -MCC_EMSGSIZE;
	copy(buf, reply_body, reply_hdr.len);
	long count = 0;
	for (uint32_t i = 0; i < reply_hdr.len; i++)
		count += buf[i] == 0;
	return count;
}

int mcc_xs_transaction_start(uint32_t *tx)
{
	const char *p[] = { "" };
	const bool t[] = { true };
	int r = request(XS_TRANSACTION_START, 0, p, t, 1);
	if (r)
		return r;
	uint32_t v = 0;
	for (const char *s = reply_body; *s; s++) {
		if (*s < '0' || *s > '9')
			return -MCC_EIO;
		v = v * 10 + (uint32_t)(*s - '0');
	}
	*tx = v;
	return 0;
}

int mcc_xs_transaction_end(uint32_t tx, bool commit)
{
	const char *p[] = { commit ? "T" : "F" };
	const bool t[] = { true };
	return request(XS_TRANSACTION_END, tx, p, t, 1);
}

int mcc_xs_watch_add(mcc_xs_watch *w, const char *path)
{
	/* A token unique within the guest: "mcc" and a counter. */
	unsigned n = ++watch_counter, i = 0;
	char digits[12];
	do {
		digits[i++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	w->token[0] = 'm', w->token[1] = 'c', w->token[2] = 'c';
	unsigned k = 3;
	while (i)
		w->token[k++] = digits[--i];
	w->token[k] = 0;
	w->pending = 0;
	w->q = (mcc_waitq){0};
	w->last_path[0] = 0;
	w->next = watches;
	watches = w;
	const char *p[] = { path, w->token };
	const bool t[] = { true, true };
	int r = request(XS_WATCH, 0, p, t, 2);
	if (r)
		watches = w->next;
	return r;
}

int mcc_xs_watch_wait(mcc_xs_watch *w, char *path, size_t cap, uint64_t deadline_ns)
{
	while (!w->pending) {
		drain();
		if (w->pending)
			break;
		if (broken)
			return -MCC_EIO;
		int r = mcc_wait(&w->q, deadline_ns);
		if (r)
			return r;
	}
	w->pending--;
	if (path && cap) {
		size_t n = slen(w->last_path);
		if (n >= cap)
			n = cap - 1;
		copy(path, w->last_path, n);
		path[n] = 0;
	}
	return 0;
}

int mcc_xs_watch_remove(mcc_xs_watch *w, const char *path)
{
	for (mcc_xs_watch **pp = &watches; *pp; pp = &(*pp)->next)
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	const char *p[] = { path, w->token };
	const bool t[] = { true, true };
	return request(XS_UNWATCH, 0, p, t, 2);
}
