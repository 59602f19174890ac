/* test_xen_xs.c - the xenstore client against a fake xenstored that
 * answers on the shared ring when the client notifies its port. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit_stubs.h"
#include "xen/common/xen_evtchn.h"
#include "xen/common/xen_shinfo.h"
#include "xen/common/xen_xs.h"
#include "mcc/error.h"

#define PORT 11
static struct xenstore_domain_interface ring;
static struct shared_info fake_shinfo;
static char store_key[8][64], store_val[8][64];
static int nstore;
static int corrupt_next;        /* send a reply with a bad length */
static int fire_watch;          /* queue a watch event before the reply */
static char last_token[32];
static uint32_t last_tx;

static void rsp_put(const void *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ring.rsp[MASK_XENSTORE_IDX(ring.rsp_prod++)] = ((const char *)d)[i];
}

static void reply(uint32_t type, uint32_t id, const char *body, uint32_t len)
{
	struct xsd_sockmsg h = { .type = type, .req_id = id, .len = len };
	if (corrupt_next) {
		h.len = XENSTORE_PAYLOAD_MAX + 10;
		corrupt_next = 0;
	}
	rsp_put(&h, sizeof h);
	rsp_put(body, len);
}

static int find(const char *k)
{
	for (int i = 0; i < nstore; i++)
		if (!strcmp(store_key[i], k))
			return i;
	return -1;
}

/* The fake daemon: take one whole request off the ring, answer it. */
static void xenstored(void)
{
	while (ring.req_prod - ring.req_cons >= sizeof(struct xsd_sockmsg)) {
		struct xsd_sockmsg h;
		char body[XENSTORE_PAYLOAD_MAX + 1];
		char *p = (char *)&h;
		XENSTORE_RING_IDX c = ring.req_cons;
		for (size_t i = 0; i < sizeof h; i++)
			p[i] = ring.req[MASK_XENSTORE_IDX(c++)];
		if (ring.req_prod - c < h.len)
			return;
		for (uint32_t i = 0; i < h.len; i++)
			body[i] = ring.req[MASK_XENSTORE_IDX(c++)];
		body[h.len] = 0;
		ring.req_cons = c;
		last_tx = h.tx_id;
		if (fire_watch) {
			static const char ev[] = "/local/domain/1/x\0mcc1";
			reply(XS_WATCH_EVENT, 0, ev, sizeof ev);
			fire_watch = 0;
		}
		int k;
		switch (h.type) {
		case XS_READ:
			k = find(body);
			if (k < 0)
				reply(XS_ERROR, h.req_id, "ENOENT", 7);
			else
				reply(XS_READ, h.req_id, store_val[k], (uint32_t)strlen(store_val[k]));
			break;
		case XS_WRITE:
			k = find(body);
			if (k < 0 && nstore < 8)
				k = nstore++;
			strcpy(store_key[k], body);
			memcpy(store_val[k], body + strlen(body) + 1, h.len - strlen(body) - 1);
			store_val[k][h.len - strlen(body) - 1] = 0;
			reply(XS_WRITE, h.req_id, "OK", 3);
			break;
		case XS_DIRECTORY:
			reply(XS_DIRECTORY, h.req_id, "backend\0device\0name", 20);
			break;
		case XS_TRANSACTION_START:
			reply(XS_TRANSACTION_START, h.req_id, "17", 3);
			break;
		case XS_TRANSACTION_END:
			if (!strcmp(body, "T") && h.tx_id == 17)
				reply(XS_ERROR, h.req_id, "EAGAIN", 7);
			else
				reply(XS_TRANSACTION_END, h.req_id, "OK", 3);
			break;
		case XS_WATCH: {
			strcpy(last_token, body + strlen(body) + 1);
			reply(XS_WATCH, h.req_id, "OK", 3);
			/* xenstored fires a new watch once at once. */
			char ev[128];
			int n = snprintf(ev, sizeof ev, "%s", body);
			strcpy(ev + n + 1, last_token);
			reply(XS_WATCH_EVENT, 0, ev, (uint32_t)(n + 1 + strlen(last_token) + 1));
			break;
		}
		case XS_UNWATCH:
		case XS_RM:
			reply(h.type, h.req_id, "OK", 3);
			break;
		default:
			reply(XS_ERROR, h.req_id, "EINVAL", 7);
		}
	}
}

static long hcall(unsigned long nr, unsigned long a1, unsigned long a2, unsigned long a3)
{
	(void)a3;
	if (nr == __HYPERVISOR_event_channel_op && a1 == EVTCHNOP_send &&
	    ((struct evtchn_send *)a2)->port == PORT)
		xenstored();
	return 0;
}

static int setup(void **st)
{
	(void)st;
	memset(&ring, 0, sizeof ring);
	mcc_xen_shinfo = &fake_shinfo;
	stub_hcall = hcall;
	nstore = 0;
	return mcc_xs_init_ring(&ring, PORT);
}

static void test_read_write(void **st)
{
	(void)st;
	char buf[64];
	assert_int_equal(mcc_xs_read(0, "name", buf, sizeof buf), -MCC_ENOENT);
	assert_int_equal(mcc_xs_write(0, "name", "www"), 0);
	assert_int_equal(mcc_xs_read(0, "name", buf, sizeof buf), 3);
	assert_string_equal(buf, "www");
	assert_int_equal(mcc_xs_read(0, "name", buf, 3), -MCC_EMSGSIZE);
	assert_int_equal(mcc_xs_rm(0, "name"), 0);
	/* Many requests: the ring indexes wrap around several times. */
	for (int i = 0; i < 300; i++) {
		char v[16];
		snprintf(v, sizeof v, "v%d", i);
		assert_int_equal(mcc_xs_write(0, "k", v), 0);
		assert_int_equal(mcc_xs_read(0, "k", buf, sizeof buf), (long)strlen(v));
		assert_string_equal(buf, v);
	}
	char huge[XENSTORE_PAYLOAD_MAX + 10];
	memset(huge, 'a', sizeof huge - 1);
	huge[sizeof huge - 1] = 0;
	assert_int_equal(mcc_xs_write(0, "k", huge), -MCC_EMSGSIZE);
}

static void test_directory_and_transactions(void **st)
{
	(void)st;
	char buf[64];
	assert_int_equal(mcc_xs_directory(0, "device/vif/0", buf, sizeof buf), 3);
	assert_string_equal(buf, "backend");
	assert_string_equal(buf + 8, "device");
	assert_int_equal(mcc_xs_directory(0, "x", buf, 4), -MCC_EMSGSIZE);
	uint32_t tx = 0;
	assert_int_equal(mcc_xs_transaction_start(&tx), 0);
	assert_int_equal(tx, 17);
	assert_int_equal(mcc_xs_write(tx, "a", "b"), 0);
	assert_int_equal(last_tx, 17);
	assert_int_equal(mcc_xs_transaction_end(tx, true), -MCC_EAGAIN);
	assert_int_equal(mcc_xs_transaction_end(tx, false), 0);
}

static void test_watch(void **st)
{
	(void)st;
	mcc_xs_watch w;
	char path[64];
	assert_int_equal(mcc_xs_watch_add(&w, "/local/domain/1/x"), 0);
	assert_string_equal(last_token, w.token);
	/* The initial event xenstored sends when a watch is set. */
	assert_int_equal(mcc_xs_watch_wait(&w, path, sizeof path, 0), 0);
	assert_string_equal(path, "/local/domain/1/x");
	/* An event interleaved before another request's reply. */
	fire_watch = 1;
	char buf[16];
	assert_int_equal(mcc_xs_read(0, "missing", buf, sizeof buf), -MCC_ENOENT);
	if (strcmp(w.token, "mcc1") == 0) {
		assert_int_equal(mcc_xs_watch_wait(&w, path, sizeof path, 0), 0);
		assert_string_equal(path, "/local/domain/1/x");
	}
	assert_int_equal(mcc_xs_watch_remove(&w, "/local/domain/1/x"), 0);
}

static void test_corrupt_reply(void **st)
{
	(void)st;
	char buf[16];
	corrupt_next = 1;
	assert_int_equal(mcc_xs_read(0, "name", buf, sizeof buf), -MCC_EIO);
	/* Once the stream is out of step, every call fails (no hang). */
	assert_int_equal(mcc_xs_read(0, "name", buf, sizeof buf), -MCC_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_read_write, setup),
		cmocka_unit_test_setup(test_directory_and_transactions, setup),
		cmocka_unit_test_setup(test_watch, setup),
		cmocka_unit_test_setup(test_corrupt_reply, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
