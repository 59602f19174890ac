/* unix/block.c - sectors of a file through pread/pwrite.
 *
 * File I/O on a local disk does not block for long, and epoll cannot wait
 * for regular files anyway, so the calls are made directly. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "unix/block.h"

#define BLOCK_SECTOR 512u

static int block_errno(int e)
{
	switch (e) {
	case ENOENT: return -MCC_ENOENT;
	case EACCES: case EPERM: return -MCC_EPERM;
	case EROFS: return -MCC_EROFS;
	case ENOSPC: case EDQUOT: return -MCC_ENOSPC;
	case EISDIR: return -MCC_EISDIR;
	case ENOTDIR: return -MCC_ENOTDIR;
	case ENOMEM: return -MCC_ENOMEM;
	default: return -MCC_EIO;
	}
}

static int block_info(mcc_block *b, mcc_block_info *out)
{
	mcc_unix_block *u = (mcc_unix_block *)b;
	if (!out)
		return -MCC_EINVAL;
	out->sector_size = BLOCK_SECTOR;
	out->sectors = u->sectors;
	out->writable = u->writable;
	return 0;
}

static int block_range(mcc_unix_block *u, uint64_t sector, uint32_t n)
{
	if (u->fd < 0)
		return -MCC_ECLOSED;
	if (sector > u->sectors || n > u->sectors - sector)
		return -MCC_ERANGE;
	return 0;
}

static int block_read(mcc_block *b, uint64_t sector, void *buf, uint32_t n)
{
	mcc_unix_block *u = (mcc_unix_block *)b;
	int rc = block_range(u, sector, n);
	if (rc)
		return rc;
	unsigned char *p = buf;
	size_t left = (size_t)n * BLOCK_SECTOR;
	off_t off = (off_t)(sector * BLOCK_SECTOR);
	while (left > 0) {
		ssize_t r = pread(u->fd, p, left, off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return block_errno(errno);
		if (r == 0)
			return -MCC_EIO;   /* the file shrank under us */
		p += r;
		off += r;
		left -= (size_t)r;
	}
	return 0;
}

static int block_write(mcc_block *b, uint64_t sector, const void *buf, uint32_t n)
{
	mcc_unix_block *u = (mcc_unix_block *)b;
	if (u->fd >= 0 && !u->writable)
		return -MCC_EROFS;
	int rc = block_range(u, sector, n);
	if (rc)
		return rc;
	const unsigned char *p = buf;
	size_t left = (size_t)n * BLOCK_SECTOR;
	off_t off = (off_t)(sector * BLOCK_SECTOR);
	while (left > 0) {
		ssize_t w = pwrite(u->fd, p, left, off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? block_errno(errno) : -MCC_EIO;
		p += w;
		off += w;
		left -= (size_t)w;
	}
	return 0;
}

static int block_flush(mcc_block *b)
{
	mcc_unix_block *u = (mcc_unix_block *)b;
	if (u->fd < 0)
		return -MCC_ECLOSED;
	if (!u->writable)
		return 0;
	return fdatasync(u->fd) == 0 ? 0 : block_errno(errno);
}

static int block_disconnect(mcc_device *d)
{
	mcc_unix_block *u = (mcc_unix_block *)d;
	if (u->fd < 0)
		return 0;
	int rc = close(u->fd) == 0 ? 0 : -MCC_EIO;
	u->fd = -1;
	return rc;
}

int mcc_unix_block_connect(mcc_unix_block *self, const char *path)
{
	if (!self || !path)
		return -MCC_EINVAL;
	memset(self, 0, sizeof *self);
	self->fd = -1;
	bool writable = true;
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
		writable = false;
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0)
		return block_errno(errno);
	struct stat st;
	int err = 0;
	if (fstat(fd, &st) < 0)
		err = -MCC_EIO;
	else if (S_ISDIR(st.st_mode))
		err = -MCC_EISDIR;
	else if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode))
		err = -MCC_EINVAL;
	if (err) {
		close(fd);
		return err;
	}
	off_t size = lseek(fd, 0, SEEK_END);   /* works for block devices too */
	if (size < 0) {
		close(fd);
		return -MCC_EIO;
	}
	self->fd = fd;
	self->sectors = (uint64_t)size / BLOCK_SECTOR;
	self->writable = writable;
	self->b.dev.kind = "unix_block";
	self->b.dev.disconnect = block_disconnect;
	self->b.info = block_info;
	self->b.read = block_read;
	self->b.write = block_write;
	self->b.flush = block_flush;
	return 0;
}
