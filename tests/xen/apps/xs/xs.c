/* xs: exercise the platform's xenstore client and grant table under a
 * real toolstack (the production tier): read our name and domid, write
 * and read back a key, list our home directory, watch a key, grant a
 * page to dom0 and revoke it. */
#include "mcc/console.h"
#include "mcc/time.h"
#include "xen/common/xen_gnttab.h"
#include "xen/common/xen_heap.h"
#include "xen/common/xen_xs.h"

int xs_start(mcc_console *c, mcc_time *t)
{
	(void)t;
	char buf[256];
	int r = mcc_xs_init();
	if (r) {
		mcc_console_printf(c, "xs: no xenstore (%d)\n", r);
		return 4;
	}
	long n = mcc_xs_read(0, "name", buf, sizeof buf);
	if (n < 0)
		return 5;
	mcc_console_printf(c, "xs: name=%s\n", buf);
	if (mcc_xs_read(0, "domid", buf, sizeof buf) < 0)
		return 6;
	mcc_console_printf(c, "xs: domid=%s\n", buf);
	if (mcc_xs_write(0, "data/mcc", "written-by-mcc") ||
	    mcc_xs_read(0, "data/mcc", buf, sizeof buf) < 0)
		return 7;
	mcc_console_printf(c, "xs: data/mcc=%s\n", buf);
	n = mcc_xs_directory(0, "data", buf, sizeof buf);
	mcc_console_printf(c, "xs: data has %ld entries, first %s\n", n, n > 0 ? buf : "-");
	mcc_xs_watch w;
	if (mcc_xs_watch_add(&w, "data/mcc") ||
	    mcc_xs_watch_wait(&w, buf, sizeof buf, mcc_now_ns() + 2000000000ull))
		return 8;
	mcc_console_printf(c, "xs: watch fired for %s\n", buf);
	mcc_xs_watch_remove(&w, "data/mcc");
	uint32_t tx;
	if (mcc_xs_transaction_start(&tx) || mcc_xs_write(tx, "data/tx", "1") ||
	    mcc_xs_transaction_end(tx, true))
		return 9;
	mcc_console_printf(c, "xs: transaction committed\n");
	if (mcc_xs_read(0, "does/not/exist", buf, sizeof buf) != -MCC_ENOENT)
		return 10;
	r = mcc_xen_gnttab_init();
	if (r)
		return 11;
	void *page = mcc_xen_pages_alloc(1);
	int ref = mcc_xen_gnttab_grant(0, (uintptr_t)page >> 12, true);
	if (ref < 0 || mcc_xen_gnttab_end((grant_ref_t)ref))
		return 12;
	mcc_xen_pages_free(page, 1);
	mcc_console_printf(c, "xs: granted and revoked ref %d\n", ref);
	mcc_console_printf(c, "xs: done\n");
	return 0;
}
