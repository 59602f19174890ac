/* tests/net/net_test_plat.c - the two platform functions the pure
 * protocol code uses (mcc_plat_alloc/free), on malloc, counting what is
 * outstanding so tests can assert that everything was freed. */
#include <stdlib.h>
#include "mcc/platform.h"
#include "net_test.h"

long net_test_live_bytes;

void *mcc_plat_alloc(size_t size)
{
	void *p = malloc(size);
	if (p)
		net_test_live_bytes += (long)size;
	return p;
}

void mcc_plat_free(void *p, size_t size)
{
	if (p)
		net_test_live_bytes -= (long)size;
	free(p);
}
