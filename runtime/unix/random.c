/* unix/random.c - fill buffers from getrandom(2). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/random.h>
#include "unix/random.h"

static int unix_random_fill(mcc_random *self, void *buf, size_t len)
{
	(void)self;
	unsigned char *p = buf;
	while (len > 0) {
		/* Reads of up to 256 bytes are never interrupted. */
		size_t chunk = len > 256 ? 256 : len;
		ssize_t n = getrandom(p, chunk, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -MCC_EIO;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int mcc_unix_random_connect(mcc_unix_random *self)
{
	if (!self)
		return -MCC_EINVAL;
	/* Check once that the kernel has the call (Linux >= 3.17). */
	unsigned char probe;
	if (getrandom(&probe, 1, GRND_NONBLOCK) < 0 && errno == ENOSYS)
		return -MCC_ENOTSUP;
	self->r.dev.kind = "unix_random";
	self->r.dev.disconnect = NULL;
	self->r.fill = unix_random_fill;
	return 0;
}
