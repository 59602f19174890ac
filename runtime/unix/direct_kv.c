/* unix/direct_kv.c - kv_ro over a directory of the host.
 *
 * Keys are resolved afresh from the directory's fd (the last one opened is
 * kept for 100 ms, see dkv_open), so the store follows changes on disk
 * within that time.  Resolution uses openat2 with
 * RESOLVE_BENEATH (Linux >= 5.6), which refuses any path - through ".."
 * or a symlink - that leaves the directory.  Where openat2 is missing the
 * key is walked one segment at a time with O_NOFOLLOW, which refuses
 * every symlink: stricter, never looser. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#if defined(SYS_openat2) && !defined(MCC_DKV_NO_OPENAT2)
#include <linux/openat2.h>
#endif
#include "unix/direct_kv.h"
#include "mcc/kvpath.h"
#include "mcc/sha256.h"
#include "mcc/sched.h"

#define DKV_DIGEST_CACHE 128
#define DKV_CHUNK 65536

struct mcc_direct_kv_digest {
	struct mcc_direct_kv_digest *next;
	char *key;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	char hex[65];
};

/* Open flags: O_NONBLOCK so that a FIFO in the tree cannot hang open. */
#define DKV_OPEN (O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)

static int dkv_walk(int dirfd, const char *path)
{
	char seg[MCC_KVPATH_MAX];
	int cur = dirfd;
	while (*path) {
		size_t n = strcspn(path, "/");
		memcpy(seg, path, n);
		seg[n] = '\0';
		path += n + (path[n] == '/');
		int fd = openat(cur, seg, DKV_OPEN | O_NOFOLLOW | (*path ? O_DIRECTORY : 0));
		int e = errno;
		if (cur != dirfd)
			close(cur);
		if (fd < 0) {
			errno = e;
			return -1;
		}
		cur = fd;
	}
	return cur == dirfd ? openat(dirfd, ".", DKV_OPEN | O_DIRECTORY) : cur;
}

/* An fd for the canonical path beneath dirfd, or -1 with errno. */
static int dkv_open_beneath(int dirfd, const char *path)
{
#if defined(SYS_openat2) && !defined(MCC_DKV_NO_OPENAT2)
	static bool no_openat2;
	if (!no_openat2) {
		struct open_how how = {
			.flags = DKV_OPEN,
			.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
		};
		long fd = syscall(SYS_openat2, dirfd, *path ? path : ".", &how, sizeof how);
		if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
			return (int)fd;
		no_openat2 = true;   /* kernel or sandbox without it */
	}
#endif
	return dkv_walk(dirfd, path);
}

/* Open key; kind and stat through the out parameters.  Anything but a
 * regular file or a directory (device, FIFO, escaping link) is ENOENT. */
/* Serving one file asks kind, size, digest and then reads of the same key
 * in a burst; reopening it for each call was three system calls per kv
 * operation.  So the last key opened stays open for DKV_HOLD_NS: a change
 * on disk shows within that time.  dkv_put() instead of close(). */
#define DKV_HOLD_NS 100000000ull

static uint64_t dkv_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void dkv_hold(mcc_direct_kv *d, const char *k, int fd, const struct stat *st)
{
	if (d->hold_fd >= 0)
		close(d->hold_fd);
	d->hold_fd = fd;
	d->hold_st = *st;
	d->hold_until = dkv_now() + DKV_HOLD_NS;
	snprintf(d->hold_key, sizeof d->hold_key, "%s", k);
}

static void dkv_put(mcc_direct_kv *d, int fd)
{
	if (fd != d->hold_fd)
		close(fd);
}

/* A fresh descriptor for key (not held): for callers that keep it across
 * a yield or give it away. */
static int dkv_open_raw(mcc_direct_kv *d, const char *k, struct stat *st)
{
	int fd = dkv_open_beneath(d->dirfd, k);
	if (fd < 0)
		return errno == ENOMEM ? -MCC_ENOMEM : errno == EMFILE ? -MCC_EIO : -MCC_ENOENT;
	if (fstat(fd, st) < 0 || !(S_ISREG(st->st_mode) || S_ISDIR(st->st_mode))) {
		close(fd);
		return -MCC_ENOENT;
	}
	return fd;
}

static int dkv_open(mcc_direct_kv *d, const char *key, struct stat *st)
{
	char k[MCC_KVPATH_MAX];
	if (d->dirfd < 0)
		return -MCC_ECLOSED;
	if (mcc_kvpath_normalize(key, k, sizeof k) < 0)
		return -MCC_ENOENT;
	if (d->hold_fd >= 0 && !strcmp(d->hold_key, k) && dkv_now() < d->hold_until) {
		*st = d->hold_st;
		return d->hold_fd;
	}
	int fd = dkv_open_raw(d, k, st);
	if (fd >= 0)
		dkv_hold(d, k, fd, st);
	return fd;
}

static int dkv_kind(mcc_kv_ro *kv, const char *key)
{
	struct stat st;
	int fd = dkv_open((mcc_direct_kv *)kv, key, &st);
	if (fd < 0)
		return fd;
	dkv_put((mcc_direct_kv *)kv, fd);
	return S_ISDIR(st.st_mode) ? MCC_KV_DIR : MCC_KV_FILE;
}

/* Open a regular file: EISDIR for a directory. */
static int dkv_open_file(mcc_direct_kv *d, const char *key, struct stat *st)
{
	int fd = dkv_open(d, key, st);
	if (fd >= 0 && S_ISDIR(st->st_mode)) {
		dkv_put(d, fd);
		return -MCC_EISDIR;
	}
	return fd;
}

static int dkv_size(mcc_kv_ro *kv, const char *key, uint64_t *size)
{
	struct stat st;
	int fd = dkv_open_file((mcc_direct_kv *)kv, key, &st);
	if (fd < 0)
		return fd;
	dkv_put((mcc_direct_kv *)kv, fd);
	*size = (uint64_t)st.st_size;
	return 0;
}

static long dkv_read(mcc_kv_ro *kv, const char *key, uint64_t off,
		     void *buf, size_t len)
{
	struct stat st;
	int fd = dkv_open_file((mcc_direct_kv *)kv, key, &st);
	if (fd < 0)
		return fd;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	long rc = 0;
	if (off < (uint64_t)st.st_size) {
		ssize_t n;
		do
			n = pread(fd, buf, len, (off_t)off);
		while (n < 0 && errno == EINTR);
		rc = n < 0 ? -MCC_EIO : (long)n;
	}
	dkv_put((mcc_direct_kv *)kv, fd);
	return rc;
}

static bool dkv_same_file(const struct mcc_direct_kv_digest *c, const struct stat *st)
{
	return c->dev == st->st_dev && c->ino == st->st_ino && c->size == st->st_size &&
	       c->mtime.tv_sec == st->st_mtim.tv_sec && c->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

static int dkv_hash_fd(int fd, char out[65])
{
	unsigned char *buf = malloc(DKV_CHUNK);
	if (!buf)
		return -MCC_ENOMEM;
	mcc_sha256_ctx c;
	mcc_sha256_init(&c);
	off_t off = 0;
	int rc = 0;
	for (;;) {
		ssize_t n = pread(fd, buf, DKV_CHUNK, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = -MCC_EIO;
			break;
		}
		if (n == 0)
			break;
		mcc_sha256_update(&c, buf, (size_t)n);
		off += n;
		/* A large file must not stall the other jobs. */
		if (mcc_job_self())
			mcc_yield();
	}
	free(buf);
	if (rc == 0) {
		uint8_t d[32];
		mcc_sha256_final(&c, d);
		mcc_sha256_hex(d, out);
	}
	return rc;
}

static void dkv_cache_drop_tail(mcc_direct_kv *d)
{
	struct mcc_direct_kv_digest **pp = &d->digests;
	while (*pp && (*pp)->next)
		pp = &(*pp)->next;
	if (*pp) {
		free((*pp)->key);
		free(*pp);
		*pp = NULL;
		d->ndigests--;
	}
}

static int dkv_digest(mcc_kv_ro *kv, const char *key, char out[65])
{
	mcc_direct_kv *d = (mcc_direct_kv *)kv;
	char k[MCC_KVPATH_MAX];
	struct stat st;
	int fd = dkv_open_file(d, key, &st);
	if (fd < 0)
		return fd;
	mcc_kvpath_normalize(key, k, sizeof k);   /* valid: it opened */
	for (struct mcc_direct_kv_digest **pp = &d->digests; *pp; pp = &(*pp)->next) {
		struct mcc_direct_kv_digest *c = *pp;
		if (strcmp(c->key, k) != 0)
			continue;
		if (dkv_same_file(c, &st)) {
			memcpy(out, c->hex, 65);
			dkv_put(d, fd);
			return 0;
		}
		*pp = c->next;   /* stale: recompute below */
		free(c->key);
		free(c);
		d->ndigests--;
		break;
	}
	/* Hashing yields to other jobs, which may replace the held
	 * descriptor: hash through one of our own. */
	char hex[65];
	int own = dup(fd);
	dkv_put(d, fd);
	if (own < 0)
		return -MCC_EIO;
	int rc = dkv_hash_fd(own, hex);
	close(own);
	if (rc)
		return rc;
	memcpy(out, hex, 65);
	struct mcc_direct_kv_digest *c = calloc(1, sizeof *c);
	if (c && (c->key = strdup(k))) {
		c->dev = st.st_dev;
		c->ino = st.st_ino;
		c->size = st.st_size;
		c->mtime = st.st_mtim;
		memcpy(c->hex, hex, 65);
		c->next = d->digests;
		d->digests = c;
		if (++d->ndigests > DKV_DIGEST_CACHE)
			dkv_cache_drop_tail(d);
	} else {
		free(c);   /* no cache entry: still a correct answer */
	}
	return 0;
}

typedef struct dkv_entry {
	char *name;
	int kind;
} dkv_entry;

static int dkv_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const dkv_entry *)a)->name, ((const dkv_entry *)b)->name);
}

static void dkv_entries_free(dkv_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].name);
	free(e);
}

static int dkv_list(mcc_kv_ro *kv, const char *dir,
		    int (*fn)(void *ctx, const char *name, int kind), void *ctx)
{
	mcc_direct_kv *d = (mcc_direct_kv *)kv;
	char k[MCC_KVPATH_MAX], sub[MCC_KVPATH_MAX];
	struct stat st;
	/* fdopendir takes the descriptor and readdir moves its offset: a
	 * fresh one, never the held one. */
	if (d->dirfd < 0)
		return -MCC_ECLOSED;
	long klen = mcc_kvpath_normalize(dir, k, sizeof k);
	if (klen < 0)
		return -MCC_ENOENT;
	int fd = dkv_open_raw(d, k, &st);
	if (fd < 0)
		return fd;
	if (!S_ISDIR(st.st_mode)) {
		close(fd);
		return -MCC_ENOTDIR;
	}
	DIR *dp = fdopendir(fd);
	if (!dp) {
		close(fd);
		return -MCC_EIO;
	}
	dkv_entry *e = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	for (struct dirent *de; (de = readdir(dp)); ) {
		const char *name = de->d_name;
		int len = snprintf(sub, sizeof sub, "%s%s%s", k, klen ? "/" : "", name);
		/* Skip ".", "..", names no key can reach, and entries that are
		 * not plain files or directories beneath the root. */
		if (len < 0 || (size_t)len >= sizeof sub ||
		    mcc_kvpath_normalize(sub, sub, sizeof sub) < 0)
			continue;
		int kind = dkv_kind(kv, sub);
		if (kind < 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			dkv_entry *ne = realloc(e, cap * sizeof *ne);
			if (!ne) {
				rc = -MCC_ENOMEM;
				break;
			}
			e = ne;
		}
		if (!(e[n].name = strdup(name))) {
			rc = -MCC_ENOMEM;
			break;
		}
		e[n++].kind = kind;
	}
	closedir(dp);
	if (rc == 0) {
		if (n)
			qsort(e, n, sizeof *e, dkv_entry_cmp);
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = fn(ctx, e[i].name, e[i].kind);
	}
	dkv_entries_free(e, n);
	return rc;
}

static int dkv_disconnect(mcc_device *dev)
{
	mcc_direct_kv *d = (mcc_direct_kv *)dev;
	while (d->digests)
		dkv_cache_drop_tail(d);
	if (d->hold_fd >= 0)
		close(d->hold_fd);
	d->hold_fd = -1;
	if (d->dirfd >= 0)
		close(d->dirfd);
	d->dirfd = -1;
	return 0;
}

int mcc_direct_kv_connect(mcc_direct_kv *self, const char *dir)
{
	if (!self || !dir)
		return -MCC_EINVAL;
	memset(self, 0, sizeof *self);
	self->dirfd = -1;
	self->hold_fd = -1;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOTDIR ? -MCC_ENOTDIR :
		       errno == EACCES || errno == EPERM ? -MCC_EPERM : -MCC_ENOENT;
	self->dirfd = fd;
	self->kv.dev.kind = "direct_kv_ro";
	self->kv.dev.disconnect = dkv_disconnect;
	self->kv.kind = dkv_kind;
	self->kv.size = dkv_size;
	self->kv.read = dkv_read;
	self->kv.digest = dkv_digest;
	self->kv.list = dkv_list;
	return 0;
}
