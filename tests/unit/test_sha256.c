/* tests/unit/test_sha256.c - SHA-256 against the FIPS 180-4 vectors. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "mcc/sha256.h"

static void hex_of(const void *data, size_t len, char out[65])
{
	uint8_t d[32];
	mcc_sha256(data, len, d);
	mcc_sha256_hex(d, out);
}

static void test_vectors(void **state)
{
	(void)state;
	char h[65];
	hex_of("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	hex_of("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	hex_of(two, strlen(two), h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
			   "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	hex_of(four, strlen(four), h);
	assert_string_equal(h, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a_incremental(void **state)
{
	(void)state;
	mcc_sha256_ctx c;
	mcc_sha256_init(&c);
	char chunk[1000];
	memset(chunk, 'a', sizeof chunk);
	/* Odd-sized pieces exercise the partial-block path. */
	size_t left = 1000000;
	for (size_t step = 1; left; step = step % 997 + 1) {
		size_t n = step < left ? step : left;
		mcc_sha256_update(&c, chunk, n);
		left -= n;
	}
	uint8_t d[32];
	char h[65];
	mcc_sha256_final(&c, d);
	mcc_sha256_hex(d, h);
	assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_block_boundaries(void **state)
{
	(void)state;
	/* Lengths around the 56- and 64-byte padding edges, one shot versus
	 * byte by byte. */
	unsigned char buf[130];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 7 + 1);
	for (size_t len = 50; len <= 130; len++) {
		uint8_t a[32], b[32];
		mcc_sha256(buf, len, a);
		mcc_sha256_ctx c;
		mcc_sha256_init(&c);
		for (size_t i = 0; i < len; i++)
			mcc_sha256_update(&c, buf + i, 1);
		mcc_sha256_final(&c, b);
		assert_memory_equal(a, b, 32);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_million_a_incremental),
		cmocka_unit_test(test_block_boundaries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
