/* net/wire.h - byte-order helpers and memory helpers for net/ and http/.
 *
 * Everything here is inline and libc-free so the protocol code builds
 * freestanding (Xen) as well as on Unix.  Multi-byte wire fields are big
 * endian; these helpers never assume alignment. */
#ifndef MCC_NET_WIRE_H
#define MCC_NET_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

static inline uint16_t wire_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t wire_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static inline void wire_put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void wire_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline void wire_copy(void *dst, const void *src, size_t n)
{
	if (n)
		__builtin_memcpy(dst, src, n);
}

static inline void wire_move(void *dst, const void *src, size_t n)
{
	if (n)
		__builtin_memmove(dst, src, n);
}

static inline void wire_zero(void *dst, size_t n)
{
	if (n)
		__builtin_memset(dst, 0, n);
}

static inline bool wire_equal(const void *a, const void *b, size_t n)
{
	return n == 0 || __builtin_memcmp(a, b, n) == 0;
}

/* Sequence-number comparisons modulo 2^32 (RFC 793 section 3.3). */
static inline bool seq_lt(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }
static inline bool seq_le(uint32_t a, uint32_t b) { return (int32_t)(a - b) <= 0; }
static inline bool seq_gt(uint32_t a, uint32_t b) { return (int32_t)(a - b) > 0; }
static inline bool seq_ge(uint32_t a, uint32_t b) { return (int32_t)(a - b) >= 0; }

#endif
