/* net/checksum.h - the Internet checksum (RFC 1071). */
#ifndef MCC_NET_CHECKSUM_H
#define MCC_NET_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* Add len bytes at p to a running 32-bit one's-complement sum.  Chunks
 * after the first must start at an even offset of the whole message. */
uint32_t mcc_csum_add(uint32_t sum, const void *p, size_t len);
/* Fold a running sum into the final 16-bit checksum (complemented). */
uint16_t mcc_csum_fold(uint32_t sum);
/* The sum of the TCP/UDP pseudo-header (addresses host order). */
uint32_t mcc_csum_pseudo(uint32_t src, uint32_t dst, uint8_t proto,
			 uint16_t len);

#endif
