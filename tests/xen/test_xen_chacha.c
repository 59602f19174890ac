/* test_xen_chacha.c - ChaCha20 against RFC 8439 section 2.3.2, and the
 * CSPRNG's determinism, distinctness and key erasure. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "xen/common/xen_chacha.h"

static void test_rfc8439_block(void **st)
{
	(void)st;
	uint8_t key[32], out[64];
	for (int i = 0; i < 32; i++)
		key[i] = (uint8_t)i;
	static const uint8_t nonce[12] = { 0, 0, 0, 9, 0, 0, 0, 0x4a, 0, 0, 0, 0 };
	static const uint8_t want[64] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15, 0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4,
		0xc7, 0xd1, 0xf4, 0xc7, 0x33, 0xc0, 0x68, 0x03, 0x04, 0x22, 0xaa, 0x9a, 0xc3, 0xd4, 0x6c, 0x4e,
		0xd2, 0x82, 0x64, 0x46, 0x07, 0x9f, 0xaa, 0x09, 0x14, 0xc2, 0xd7, 0x05, 0xd9, 0x8b, 0x02, 0xa2,
		0xb5, 0x12, 0x9c, 0xd1, 0xde, 0x16, 0x4e, 0xb9, 0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e,
	};
	mcc_chacha20_block(key, 1, nonce, out);
	assert_memory_equal(out, want, 64);
}

static void test_csprng(void **st)
{
	(void)st;
	mcc_xen_csprng a, b;
	mcc_xen_csprng_seed(&a, "seed", 4);
	mcc_xen_csprng_seed(&b, "seed", 4);
	uint8_t x[100], y[100], z[100];
	mcc_xen_csprng_fill(&a, x, sizeof x);
	mcc_xen_csprng_fill(&b, y, sizeof y);
	assert_memory_equal(x, y, sizeof x);      /* same seed, same stream */
	uint8_t key_before[32];
	memcpy(key_before, a.key, 32);
	mcc_xen_csprng_fill(&a, z, sizeof z);
	assert_memory_not_equal(x, z, sizeof x);  /* next request differs */
	assert_memory_not_equal(key_before, a.key, 32);   /* rekeyed */
	mcc_xen_csprng_mix(&b, "more", 4);
	mcc_xen_csprng_fill(&b, y, sizeof y);
	assert_memory_not_equal(y, z, sizeof y);  /* mixing changes it */
	mcc_xen_csprng_seed(&b, "other", 5);
	mcc_xen_csprng_fill(&b, y, sizeof y);
	assert_memory_not_equal(x, y, sizeof x);
	/* Zero and odd lengths. */
	mcc_xen_csprng_fill(&a, z, 0);
	mcc_xen_csprng_fill(&a, z, 65);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc8439_block),
		cmocka_unit_test(test_csprng),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
