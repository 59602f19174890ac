/* unix/platform.c - mcc/platform.h for a Unix process.
 *
 * Time is CLOCK_MONOTONIC, waiting is epoll (unix/io.c), contexts are in
 * unix/ctx.c.  Allocations of 16 KiB and more - job stacks above all -
 * come from mmap with a PROT_NONE guard page below them, so a stack
 * overflow faults instead of corrupting a neighbour. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include "mcc/platform.h"
#include "unix/io.h"

#define PLAT_MMAP_MIN (16u * 1024)

uint64_t mcc_plat_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void mcc_plat_wait(uint64_t deadline_ns)
{
	mcc_unix_io_poll(deadline_ns);
}

void mcc_plat_errlog(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(2, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

_Noreturn void mcc_plat_exit(int status)
{
	exit(status);   /* flushes the console (stdio) */
}

static size_t plat_page(void)
{
	static size_t page;
	if (!page) {
		long p = sysconf(_SC_PAGESIZE);
		page = p > 0 ? (size_t)p : 4096;
	}
	return page;
}

void *mcc_plat_alloc(size_t size)
{
	if (size < PLAT_MMAP_MIN)
		return malloc(size ? size : 1);
	size_t page = plat_page();
	if (size > SIZE_MAX - 2 * page)
		return NULL;
	size_t len = ((size + page - 1) & ~(page - 1)) + page;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	if (mprotect(p, page, PROT_NONE) < 0) {
		munmap(p, len);
		return NULL;
	}
	return p + page;
}

void mcc_plat_free(void *p, size_t size)
{
	if (!p)
		return;
	if (size < PLAT_MMAP_MIN) {
		free(p);
		return;
	}
	size_t page = plat_page();
	size_t len = ((size + page - 1) & ~(page - 1)) + page;
	munmap((unsigned char *)p - page, len);
}
