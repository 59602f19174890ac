/* tests/net/net_test.h - helpers shared by the net unit tests. */
#ifndef NET_TEST_H
#define NET_TEST_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "mcc/ethernet.h"

/* Bytes allocated through mcc_plat_alloc and not yet freed. */
extern long net_test_live_bytes;

/* Flatten iov[0..n) into out (cap bytes); returns the total length. */
static inline size_t net_test_flatten(const mcc_iov *iov, int n, uint8_t *out,
				      size_t cap)
{
	size_t len = 0;
	for (int i = 0; i < n; i++) {
		size_t k = iov[i].len;
		if (len + k > cap)
			k = cap - len;
		memcpy(out + len, iov[i].base, k);
		len += k;
	}
	return len;
}

#define IP(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | \
			(uint32_t)(c) << 8 | (uint32_t)(d))

#endif
