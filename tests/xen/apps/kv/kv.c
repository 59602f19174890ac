/* kv: read files from a crunched kv_ro and print them with their size
 * and digest; list the root. */
#include "mcc/console.h"
#include "mcc/kv_ro.h"

static int show(void *ctx, const char *name, int kind)
{
	mcc_console *c = ctx;
	mcc_console_printf(c, "kv: entry %s (%s)\n", name,
			   kind == MCC_KV_DIR ? "dir" : "file");
	return 0;
}

int kv_start(mcc_console *c, mcc_kv_ro *kv)
{
	char buf[128];
	uint64_t size = 0;
	int r = kv->size(kv, "secret.txt", &size);
	if (r)
		return r;
	long n = kv->read(kv, "secret.txt", 0, buf, sizeof buf - 1);
	if (n < 0)
		return (int)n;
	buf[n] = 0;
	mcc_console_printf(c, "kv: secret.txt (%llu bytes): %s",
			   (unsigned long long)size, buf);
	char digest[65];
	r = kv->digest(kv, "www/index.html", digest);
	if (r)
		return r;
	mcc_console_printf(c, "kv: www/index.html sha256 %s\n", digest);
	if (kv->kind(kv, "../secret.txt") != -MCC_ENOENT)
		return 9;
	r = kv->list(kv, "", show, c);
	if (r)
		return r;
	mcc_console_printf(c, "kv: done\n");
	return 0;
}
