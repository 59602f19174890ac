/* mcc/sha256.h - SHA-256 (FIPS 180-4), incremental.
 *
 * Dependency-free: the compiler compiles core/sha256.c too, to compute
 * crunch digests at configure time. */
#ifndef MCC_SHA256_H
#define MCC_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct mcc_sha256_ctx {
	uint32_t h[8];
	uint64_t total;          /* bytes hashed so far */
	uint8_t block[64];
	size_t used;             /* bytes waiting in block */
} mcc_sha256_ctx;

void mcc_sha256_init(mcc_sha256_ctx *c);
void mcc_sha256_update(mcc_sha256_ctx *c, const void *data, size_t len);
/* Write the 32-byte digest; c must be re-initialised before reuse. */
void mcc_sha256_final(mcc_sha256_ctx *c, uint8_t out[32]);
/* One-shot digest of data. */
void mcc_sha256(const void *data, size_t len, uint8_t out[32]);
/* 64 lower-case hex digits and a NUL. */
void mcc_sha256_hex(const uint8_t digest[32], char out[65]);

#endif
