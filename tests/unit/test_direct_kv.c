/* tests/unit/test_direct_kv.c - direct_kv_ro over a real directory,
 * including every way out of it we could think of. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "unix/direct_kv.h"
#include "mcc/sha256.h"

static char top[256], root[300];
static mcc_direct_kv dkv;
static mcc_kv_ro *ro;

static void put(const char *rel, const char *text)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", top, rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void link_at(const char *target, const char *rel)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", top, rel);
	assert_int_equal(symlink(target, p), 0);
}

static void dir_at(const char *rel)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", top, rel);
	assert_int_equal(mkdir(p, 0755), 0);
}

static int setup(void **state)
{
	(void)state;
	strcpy(top, "/tmp/mcc-dkv-XXXXXX");
	assert_non_null(mkdtemp(top));
	snprintf(root, sizeof root, "%s/root", top);
	put("secret", "TOP SECRET\n");
	dir_at("root");
	put("root/index.html", "hello\n");
	put("root/empty", "");
	dir_at("root/sub");
	put("root/sub/a.txt", "a\n");
	dir_at("root/sub/deeper");
	put("root/sub/deeper/b.bin", "bb");
	link_at("sub/a.txt", "root/in_link");
	link_at("../secret", "root/out_link");
	link_at("/etc/passwd", "root/abs_link");
	link_at("..", "root/dir_out");
	link_at("../../secret", "root/sub/up2");
	put("root/back\\slash", "x");
	char p[512];
	snprintf(p, sizeof p, "%s/fifo", root);
	assert_int_equal(mkfifo(p, 0644), 0);
	assert_int_equal(mcc_direct_kv_connect(&dkv, root), 0);
	ro = &dkv.kv;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(ro->dev.disconnect(&ro->dev), 0);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static void test_read_files(void **state)
{
	(void)state;
	char buf[64];
	uint64_t size;
	assert_int_equal(ro->kind(ro, "index.html"), MCC_KV_FILE);
	assert_int_equal(ro->kind(ro, "/sub"), MCC_KV_DIR);
	assert_int_equal(ro->kind(ro, ""), MCC_KV_DIR);
	assert_int_equal(ro->size(ro, "sub/deeper/b.bin", &size), 0);
	assert_int_equal(size, 2);
	assert_int_equal(ro->size(ro, "sub", &size), -MCC_EISDIR);
	long n = ro->read(ro, "/index.html", 0, buf, sizeof buf);
	assert_int_equal(n, 6);
	assert_memory_equal(buf, "hello\n", 6);
	assert_int_equal(ro->read(ro, "index.html", 4, buf, sizeof buf), 2);
	assert_int_equal(ro->read(ro, "index.html", 6, buf, sizeof buf), 0);
	assert_int_equal(ro->read(ro, "index.html", 1ull << 62, buf, sizeof buf), 0);
	assert_int_equal(ro->read(ro, "empty", 0, buf, sizeof buf), 0);
	assert_int_equal(ro->read(ro, "sub", 0, buf, sizeof buf), -MCC_EISDIR);
	assert_int_equal(ro->read(ro, "missing", 0, buf, sizeof buf), -MCC_ENOENT);
}

static void test_escapes(void **state)
{
	(void)state;
	const char *bad[] = {
		"../secret", "/../secret", "sub/../../secret", "sub/../index.html",
		"out_link", "abs_link", "dir_out", "dir_out/secret", "dir_out/root/index.html",
		"sub/up2", "./index.html", "sub//a.txt", "back\\slash", "fifo",
	};
	char buf[64];
	uint64_t size;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(ro->kind(ro, bad[i]), -MCC_ENOENT);
		assert_int_equal(ro->size(ro, bad[i], &size), -MCC_ENOENT);
		assert_int_equal(ro->read(ro, bad[i], 0, buf, sizeof buf), -MCC_ENOENT);
	}
}

static void test_inner_symlink(void **state)
{
	(void)state;
#ifdef MCC_DKV_NO_OPENAT2
	/* Without openat2 every symlink is refused. */
	assert_int_equal(ro->kind(ro, "in_link"), -MCC_ENOENT);
#else
	char buf[8];
	assert_int_equal(ro->kind(ro, "in_link"), MCC_KV_FILE);
	assert_int_equal(ro->read(ro, "in_link", 0, buf, sizeof buf), 2);
	assert_memory_equal(buf, "a\n", 2);
#endif
}

static void test_digest_cached_and_refreshed(void **state)
{
	(void)state;
	char d[65], want[65];
	uint8_t raw[32];
	mcc_sha256("hello\n", 6, raw);
	mcc_sha256_hex(raw, want);
	assert_int_equal(ro->digest(ro, "index.html", d), 0);
	assert_string_equal(d, want);
	assert_int_equal(ro->digest(ro, "index.html", d), 0);   /* from the cache */
	assert_string_equal(d, want);
	assert_int_equal(dkv.ndigests, 1);
	put("root/index.html", "changed content\n");
	mcc_sha256("changed content\n", 16, raw);
	mcc_sha256_hex(raw, want);
	/* The last file opened is held for 100 ms (DKV_HOLD_NS): a change on
	 * disk shows once that has passed. */
	usleep(150 * 1000);
	assert_int_equal(ro->digest(ro, "index.html", d), 0);
	assert_string_equal(d, want);
	assert_int_equal(dkv.ndigests, 1);
	assert_int_equal(ro->digest(ro, "sub", d), -MCC_EISDIR);
	assert_int_equal(ro->digest(ro, "../secret", d), -MCC_ENOENT);
}

typedef struct listing {
	char text[512];
} listing;

static int collect(void *ctx, const char *name, int kind)
{
	listing *l = ctx;
	strcat(l->text, name);
	strcat(l->text, kind == MCC_KV_DIR ? "/ " : " ");
	return 0;
}

static int stop_now(void *ctx, const char *name, int kind)
{
	(void)ctx, (void)name, (void)kind;
	return -7;
}

static void test_list(void **state)
{
	(void)state;
	listing l = { "" };
	assert_int_equal(ro->list(ro, "", collect, &l), 0);
#ifdef MCC_DKV_NO_OPENAT2
	assert_string_equal(l.text, "empty index.html sub/ ");
#else
	assert_string_equal(l.text, "empty in_link index.html sub/ ");
#endif
	memset(&l, 0, sizeof l);
	assert_int_equal(ro->list(ro, "sub", collect, &l), 0);
	assert_string_equal(l.text, "a.txt deeper/ ");
	assert_int_equal(ro->list(ro, "sub", stop_now, NULL), -7);
	assert_int_equal(ro->list(ro, "index.html", collect, &l), -MCC_ENOTDIR);
	assert_int_equal(ro->list(ro, "dir_out", collect, &l), -MCC_ENOENT);
	assert_int_equal(ro->list(ro, "..", collect, &l), -MCC_ENOENT);
}

static void test_connect_errors(void **state)
{
	(void)state;
	mcc_direct_kv d;
	char p[512];
	assert_int_equal(mcc_direct_kv_connect(&d, "/nonexistent/mcc/dir"), -MCC_ENOENT);
	snprintf(p, sizeof p, "%s/index.html", root);
	assert_int_equal(mcc_direct_kv_connect(&d, p), -MCC_ENOTDIR);
	assert_int_equal(mcc_direct_kv_connect(&d, NULL), -MCC_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inner_symlink, setup, teardown),
		cmocka_unit_test_setup_teardown(test_digest_cached_and_refreshed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_connect_errors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
