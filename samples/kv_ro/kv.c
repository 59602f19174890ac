/* samples/kv_ro: print secret.txt from two stores and check they agree. */
#include <string.h>
#include "mcc/console.h"
#include "mcc/kv_ro.h"

static int show(mcc_console *c, const char *what, mcc_kv_ro *kv, char *buf,
		size_t cap)
{
	uint64_t size;
	int err = kv->size(kv, "secret.txt", &size);
	if (err < 0) {
		mcc_console_printf(c, "%s: secret.txt: %s\n", what, mcc_strerror(err));
		return err;
	}
	long n = kv->read(kv, "secret.txt", 0, buf, cap - 1);
	if (n < 0)
		return (int)n;
	buf[n] = 0;
	char digest[65];
	kv->digest(kv, "secret.txt", digest);
	mcc_console_printf(c, "%s: %llu bytes, sha256 %.16s...: %s", what,
			   (unsigned long long)size, digest, buf);
	return 0;
}

int kv_start(mcc_console *c, mcc_kv_ro *baked, mcc_kv_ro *direct)
{
	char a[256], b[256];
	int err = show(c, "crunch", baked, a, sizeof a);
	if (!err)
		err = show(c, "direct", direct, b, sizeof b);
	if (err)
		return 1;
	if (strcmp(a, b)) {
		mcc_console_printf(c, "the two stores disagree\n");
		return 1;
	}
	/* Keys never leave the store. */
	if (baked->kind(baked, "../config.mcfg") >= 0 ||
	    direct->kind(direct, "../config.mcfg") >= 0) {
		mcc_console_printf(c, "a key escaped the store\n");
		return 1;
	}
	mcc_console_printf(c, "kv_ro ok\n");
	return 0;
}
