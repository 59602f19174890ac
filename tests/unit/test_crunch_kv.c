/* tests/unit/test_crunch_kv.c - crunch kv_ro over a hand-made table. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "core/crunch_kv.h"
#include "mcc/sha256.h"

static const unsigned char bin[] = { 0, 1, 2, 0xff, 0, 0x80 };
static const unsigned char hello[] = "hello\n";

/* Sorted bytewise: note "b-c" < "b.txt" < "b/..." ('-' < '.' < '/'). */
static const mcc_crunch_file files[] = {
	{ "a/b-c", hello, 6, NULL },
	{ "a/b.txt", hello, 6, NULL },
	{ "a/b/deep/x.bin", bin, sizeof bin, NULL },
	{ "a/b/y", hello, 6, "0000000000000000000000000000000000000000000000000000000000000000" },
	{ "empty", NULL, 0, NULL },
	{ "index.html", hello, 6, NULL },
	{ "z", bin, sizeof bin, NULL },
};

static mcc_crunch_kv kv;
static mcc_kv_ro *ro;

static int setup(void **state)
{
	(void)state;
	assert_int_equal(mcc_crunch_kv_connect(&kv, files, sizeof files / sizeof *files), 0);
	ro = &kv.kv;
	return 0;
}

static void test_kind(void **state)
{
	(void)state;
	assert_int_equal(ro->kind(ro, "index.html"), MCC_KV_FILE);
	assert_int_equal(ro->kind(ro, "/index.html"), MCC_KV_FILE);
	assert_int_equal(ro->kind(ro, "a"), MCC_KV_DIR);
	assert_int_equal(ro->kind(ro, "a/b"), MCC_KV_DIR);
	assert_int_equal(ro->kind(ro, "a/b/deep"), MCC_KV_DIR);
	assert_int_equal(ro->kind(ro, ""), MCC_KV_DIR);
	assert_int_equal(ro->kind(ro, "/"), MCC_KV_DIR);
	assert_int_equal(ro->kind(ro, "a/b/de"), -MCC_ENOENT);
	assert_int_equal(ro->kind(ro, "index"), -MCC_ENOENT);
	assert_int_equal(ro->kind(ro, "a/../index.html"), -MCC_ENOENT);
	assert_int_equal(ro->kind(ro, "a//b"), -MCC_ENOENT);
	assert_int_equal(ro->kind(ro, "a/"), -MCC_ENOENT);
	assert_int_equal(ro->kind(ro, "zz"), -MCC_ENOENT);
}

static void test_size_read(void **state)
{
	(void)state;
	uint64_t size = 99;
	assert_int_equal(ro->size(ro, "a/b/deep/x.bin", &size), 0);
	assert_int_equal(size, sizeof bin);
	assert_int_equal(ro->size(ro, "empty", &size), 0);
	assert_int_equal(size, 0);
	assert_int_equal(ro->size(ro, "a", &size), -MCC_EISDIR);
	assert_int_equal(ro->size(ro, "nope", &size), -MCC_ENOENT);
	unsigned char buf[16];
	assert_int_equal(ro->read(ro, "a/b/deep/x.bin", 0, buf, sizeof buf), (long)sizeof bin);
	assert_memory_equal(buf, bin, sizeof bin);
	assert_int_equal(ro->read(ro, "z", 3, buf, 2), 2);
	assert_memory_equal(buf, bin + 3, 2);
	assert_int_equal(ro->read(ro, "z", 6, buf, 2), 0);
	assert_int_equal(ro->read(ro, "z", UINT64_MAX, buf, 2), 0);
	assert_int_equal(ro->read(ro, "empty", 0, buf, sizeof buf), 0);
	assert_int_equal(ro->read(ro, "a/b", 0, buf, sizeof buf), -MCC_EISDIR);
	assert_int_equal(ro->read(ro, "../z", 0, buf, sizeof buf), -MCC_ENOENT);
}

static void test_digest(void **state)
{
	(void)state;
	char d[65], want[65];
	uint8_t raw[32];
	mcc_sha256(hello, 6, raw);
	mcc_sha256_hex(raw, want);
	assert_int_equal(ro->digest(ro, "index.html", d), 0);
	assert_string_equal(d, want);
	/* A digest in the table is used as is. */
	assert_int_equal(ro->digest(ro, "a/b/y", d), 0);
	assert_string_equal(d, "0000000000000000000000000000000000000000000000000000000000000000");
	assert_int_equal(ro->digest(ro, "empty", d), 0);
	assert_string_equal(d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_int_equal(ro->digest(ro, "a", d), -MCC_EISDIR);
}

typedef struct listing {
	char text[512];
	int stop_after;
	int calls;
} listing;

static int collect(void *ctx, const char *name, int kind)
{
	listing *l = ctx;
	strcat(l->text, name);
	strcat(l->text, kind == MCC_KV_DIR ? "/ " : " ");
	return ++l->calls == l->stop_after ? 42 : 0;
}

static void test_list(void **state)
{
	(void)state;
	listing l = { "", 0, 0 };
	assert_int_equal(ro->list(ro, "", collect, &l), 0);
	assert_string_equal(l.text, "a/ empty index.html z ");
	memset(&l, 0, sizeof l);
	/* Byte order of names: "b" < "b-c" < "b.txt". */
	assert_int_equal(ro->list(ro, "a", collect, &l), 0);
	assert_string_equal(l.text, "b/ b-c b.txt ");
	memset(&l, 0, sizeof l);
	assert_int_equal(ro->list(ro, "/a/b", collect, &l), 0);
	assert_string_equal(l.text, "deep/ y ");
	memset(&l, 0, sizeof l);
	l.stop_after = 2;
	assert_int_equal(ro->list(ro, "", collect, &l), 42);
	assert_int_equal(l.calls, 2);
	assert_int_equal(ro->list(ro, "index.html", collect, &l), -MCC_ENOTDIR);
	assert_int_equal(ro->list(ro, "nope", collect, &l), -MCC_ENOENT);
	assert_int_equal(ro->list(ro, "a/..", collect, &l), -MCC_ENOENT);
}

static void test_empty_table(void **state)
{
	(void)state;
	mcc_crunch_kv e;
	assert_int_equal(mcc_crunch_kv_connect(&e, NULL, 0), 0);
	listing l = { "", 0, 0 };
	assert_int_equal(e.kv.list(&e.kv, "", collect, &l), 0);
	assert_int_equal(l.calls, 0);
	assert_int_equal(e.kv.kind(&e.kv, ""), MCC_KV_DIR);
	assert_int_equal(e.kv.kind(&e.kv, "x"), -MCC_ENOENT);
}

static void test_bad_tables(void **state)
{
	(void)state;
	mcc_crunch_kv c;
	const mcc_crunch_file unsorted[] = { { "b", hello, 1, NULL }, { "a", hello, 1, NULL } };
	assert_int_equal(mcc_crunch_kv_connect(&c, unsorted, 2), -MCC_EINVAL);
	const mcc_crunch_file dup[] = { { "a", hello, 1, NULL }, { "a", hello, 1, NULL } };
	assert_int_equal(mcc_crunch_kv_connect(&c, dup, 2), -MCC_EINVAL);
	const mcc_crunch_file filedir[] = {
		{ "a", hello, 1, NULL }, { "a-b", hello, 1, NULL }, { "a/c", hello, 1, NULL },
	};
	assert_int_equal(mcc_crunch_kv_connect(&c, filedir, 3), -MCC_EINVAL);
	const mcc_crunch_file dots[] = { { "../x", hello, 1, NULL } };
	assert_int_equal(mcc_crunch_kv_connect(&c, dots, 1), -MCC_EINVAL);
	const mcc_crunch_file slash[] = { { "/x", hello, 1, NULL } };
	assert_int_equal(mcc_crunch_kv_connect(&c, slash, 1), -MCC_EINVAL);
	const mcc_crunch_file nodata[] = { { "x", NULL, 3, NULL } };
	assert_int_equal(mcc_crunch_kv_connect(&c, nodata, 1), -MCC_EINVAL);
	assert_int_equal(mcc_crunch_kv_connect(&c, NULL, 1), -MCC_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_kind, setup),
		cmocka_unit_test_setup(test_size_read, setup),
		cmocka_unit_test_setup(test_digest, setup),
		cmocka_unit_test_setup(test_list, setup),
		cmocka_unit_test(test_empty_table),
		cmocka_unit_test(test_bad_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
