/* xen_chacha.c - ChaCha20 block function and the CSPRNG. */
#include "xen/common/xen_chacha.h"
#include "mcc/sha256.h"

static uint32_t rotl(uint32_t v, int c) { return (v << c) | (v >> (32 - c)); }

#define QR(a, b, c, d) do { \
	a += b; d ^= a; d = rotl(d, 16); \
	c += d; b ^= c; b = rotl(b, 12); \
	a += b; d ^= a; d = rotl(d, 8);  \
	c += d; b ^= c; b = rotl(b, 7);  \
} while (0)

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

void mcc_chacha20_block(const uint8_t key[32], uint32_t counter,
			const uint8_t nonce[12], uint8_t out[64])
{
	uint32_t s[16], x[16];
	s[0] = 0x61707865; s[1] = 0x3320646e; s[2] = 0x79622d32; s[3] = 0x6b206574;
	for (int i = 0; i < 8; i++)
		s[4 + i] = le32(key + 4 * i);
	s[12] = counter;
	for (int i = 0; i < 3; i++)
		s[13 + i] = le32(nonce + 4 * i);
	for (int i = 0; i < 16; i++)
		x[i] = s[i];
	for (int i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]); QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]); QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]); QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]); QR(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++) {
		uint32_t v = x[i] + s[i];
		out[4 * i] = (uint8_t)v;
		out[4 * i + 1] = (uint8_t)(v >> 8);
		out[4 * i + 2] = (uint8_t)(v >> 16);
		out[4 * i + 3] = (uint8_t)(v >> 24);
	}
}

static void wipe(void *p, size_t n)
{
	volatile uint8_t *b = p;
	while (n--)
		*b++ = 0;
}

void mcc_xen_csprng_seed(mcc_xen_csprng *g, const void *seed, size_t n)
{
	mcc_sha256(seed, n, g->key);
	g->requests = 0;
	g->seeded = 1;
}

void mcc_xen_csprng_mix(mcc_xen_csprng *g, const void *data, size_t n)
{
	mcc_sha256_ctx c;
	mcc_sha256_init(&c);
	mcc_sha256_update(&c, g->key, sizeof g->key);
	mcc_sha256_update(&c, data, n);
	mcc_sha256_final(&c, g->key);
	wipe(&c, sizeof c);
}

void mcc_xen_csprng_fill(mcc_xen_csprng *g, void *buf, size_t n)
{
	uint8_t nonce[12] = {0}, block[64];
	uint64_t r = g->requests++;
	for (int i = 0; i < 8; i++)
		nonce[i] = (uint8_t)(r >> (8 * i));
	/* Block 0 rekeys; output starts at block 1.  The 32-bit counter
	 * bounds one request to 256 GiB, far beyond any caller here. */
	uint32_t ctr = 1;
	uint8_t *out = buf;
	while (n) {
		mcc_chacha20_block(g->key, ctr++, nonce, block);
		size_t k = n < 64 ? n : 64;
		for (size_t i = 0; i < k; i++)
			out[i] = block[i];
		out += k;
		n -= k;
	}
	mcc_chacha20_block(g->key, 0, nonce, block);
	for (int i = 0; i < 32; i++)
		g->key[i] = block[i];
	wipe(block, sizeof block);
}
