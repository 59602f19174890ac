/* xen_chacha.h - ChaCha20 (RFC 8439 block function) and a CSPRNG built on
 * it with fast key erasure: every request ends by replacing the key with
 * fresh keystream, so a later memory disclosure does not reveal earlier
 * output. */
#ifndef MCC_XEN_CHACHA_H
#define MCC_XEN_CHACHA_H

#include <stddef.h>
#include <stdint.h>

/* One 64-byte block for key, 32-bit counter and 96-bit nonce. */
void mcc_chacha20_block(const uint8_t key[32], uint32_t counter,
			const uint8_t nonce[12], uint8_t out[64]);

typedef struct mcc_xen_csprng {
	uint8_t key[32];
	uint64_t requests;   /* used as the nonce: never repeats per key */
	int seeded;
} mcc_xen_csprng;

/* Key the generator with SHA-256 of the seed material. */
void mcc_xen_csprng_seed(mcc_xen_csprng *g, const void *seed, size_t n);
/* Mix more material into the key (key' = SHA-256(key || data)). */
void mcc_xen_csprng_mix(mcc_xen_csprng *g, const void *data, size_t n);
void mcc_xen_csprng_fill(mcc_xen_csprng *g, void *buf, size_t n);

#endif
