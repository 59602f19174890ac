/* core/crunch_kv.c - kv_ro over the generated mcc_crunch_file table.
 *
 * The table is sorted, so every path under a directory "d" sits in one
 * contiguous run starting at the first path >= "d/"; kind, size, read
 * and list are binary searches plus a scan of that run. */
#include "core/crunch_kv.h"
#include "core/mem.h"
#include "mcc/kvpath.h"
#include "mcc/sha256.h"
#include "mcc/platform.h"

/* Compare a NUL-terminated path with k[0..klen) as byte strings. */
static int crunch_cmp(const char *path, const char *k, size_t klen)
{
	for (size_t i = 0; i < klen; i++) {
		unsigned char a = (unsigned char)path[i], b = (unsigned char)k[i];
		if (a != b)
			return a < b ? -1 : 1;   /* also when path ends first */
	}
	return path[klen] ? 1 : 0;
}

static size_t crunch_lower_bound(const mcc_crunch_kv *c, const char *k, size_t klen)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (crunch_cmp(c->files[mid].path, k, klen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool crunch_has_prefix(const char *path, const char *k, size_t klen)
{
	/* k holds no NUL, so a match means path is at least klen long. */
	return mcc_strncmp(path, k, klen) == 0;
}

/* Canonical key in buf (room for one more '/'); its length or < 0. */
static long crunch_key(const char *key, char *buf)
{
	long n = mcc_kvpath_normalize(key, buf, MCC_KVPATH_MAX);
	return n < 0 ? -MCC_ENOENT : n;
}

static const mcc_crunch_file *crunch_file(const mcc_crunch_kv *c, const char *k, size_t klen)
{
	size_t i = crunch_lower_bound(c, k, klen);
	if (i < c->n && crunch_cmp(c->files[i].path, k, klen) == 0)
		return &c->files[i];
	return NULL;
}

/* Index of the first path under directory k (k has room for the '/'),
 * and through *end one past the last.  False if k is no directory. */
static bool crunch_dir_run(const mcc_crunch_kv *c, char *k, size_t klen,
			   size_t *begin, size_t *end)
{
	if (klen)
		k[klen++] = '/';
	size_t i = crunch_lower_bound(c, k, klen), j = i;
	while (j < c->n && crunch_has_prefix(c->files[j].path, k, klen))
		j++;
	if (klen)
		k[--klen] = '\0';
	*begin = i;
	*end = j;
	return klen == 0 || i < j;   /* the root exists even when empty */
}

static int crunch_kind(mcc_kv_ro *kv, const char *key)
{
	mcc_crunch_kv *c = (mcc_crunch_kv *)kv;
	char k[MCC_KVPATH_MAX + 1];
	long n = crunch_key(key, k);
	if (n < 0)
		return (int)n;
	if (crunch_file(c, k, (size_t)n))
		return MCC_KV_FILE;
	size_t b, e;
	return crunch_dir_run(c, k, (size_t)n, &b, &e) ? MCC_KV_DIR : -MCC_ENOENT;
}

/* The file for key, or NULL with *err set (ENOENT, or EISDIR). */
static const mcc_crunch_file *crunch_lookup(mcc_crunch_kv *c, const char *key, int *err)
{
	char k[MCC_KVPATH_MAX + 1];
	long n = crunch_key(key, k);
	if (n < 0) {
		*err = (int)n;
		return NULL;
	}
	const mcc_crunch_file *f = crunch_file(c, k, (size_t)n);
	if (!f) {
		size_t b, e;
		*err = crunch_dir_run(c, k, (size_t)n, &b, &e) ? -MCC_EISDIR : -MCC_ENOENT;
	}
	return f;
}

static int crunch_size(mcc_kv_ro *kv, const char *key, uint64_t *size)
{
	int err = 0;
	const mcc_crunch_file *f = crunch_lookup((mcc_crunch_kv *)kv, key, &err);
	if (!f)
		return err;
	*size = f->size;
	return 0;
}

static long crunch_read(mcc_kv_ro *kv, const char *key, uint64_t off,
			void *buf, size_t len)
{
	int err = 0;
	const mcc_crunch_file *f = crunch_lookup((mcc_crunch_kv *)kv, key, &err);
	if (!f)
		return err;
	if (off >= f->size)
		return 0;
	uint64_t left = f->size - off;
	if ((uint64_t)len > left)
		len = (size_t)left;
	if (len > (size_t)0x7fffffff)   /* keep the count representable */
		len = 0x7fffffff;
	mcc_memcpy(buf, f->data + off, len);
	return (long)len;
}

static int crunch_digest(mcc_kv_ro *kv, const char *key, char out[65])
{
	int err = 0;
	const mcc_crunch_file *f = crunch_lookup((mcc_crunch_kv *)kv, key, &err);
	if (!f)
		return err;
	if (f->sha256) {
		mcc_memcpy(out, f->sha256, 64);
		out[64] = '\0';
		return 0;
	}
	uint8_t d[32];
	mcc_sha256(f->data, (size_t)f->size, d);
	mcc_sha256_hex(d, out);
	return 0;
}

/* One entry of a listing: a name inside some path of the table. */
typedef struct crunch_child {
	const char *name;
	size_t len;
	int kind;
} crunch_child;

static int crunch_child_cmp(const crunch_child *a, const crunch_child *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int r = mcc_memcmp(a->name, b->name, n);
	if (r)
		return r;
	return a->len < b->len ? -1 : a->len > b->len;
}

/* Children of the run [b, e) whose paths start with a prefix of plen
 * bytes, deduplicated (a subdirectory's paths are contiguous).  Fills
 * out when non-NULL; returns the count. */
static size_t crunch_children(const mcc_crunch_kv *c, size_t b, size_t e,
			      size_t plen, crunch_child *out)
{
	size_t count = 0;
	crunch_child last = { NULL, 0, 0 };
	for (size_t i = b; i < e; i++) {
		crunch_child ch = { c->files[i].path + plen, 0, MCC_KV_FILE };
		while (ch.name[ch.len] && ch.name[ch.len] != '/')
			ch.len++;
		if (ch.name[ch.len] == '/')
			ch.kind = MCC_KV_DIR;
		if (last.name && crunch_child_cmp(&last, &ch) == 0)
			continue;
		last = ch;
		if (out)
			out[count] = ch;
		count++;
	}
	return count;
}

static int crunch_list(mcc_kv_ro *kv, const char *dir,
		       int (*fn)(void *ctx, const char *name, int kind), void *ctx)
{
	mcc_crunch_kv *c = (mcc_crunch_kv *)kv;
	char k[MCC_KVPATH_MAX + 1];
	long n = crunch_key(dir, k);
	if (n < 0)
		return (int)n;
	if (crunch_file(c, k, (size_t)n))
		return -MCC_ENOTDIR;
	size_t b, e;
	if (!crunch_dir_run(c, k, (size_t)n, &b, &e))
		return -MCC_ENOENT;
	size_t plen = n ? (size_t)n + 1 : 0;
	size_t count = crunch_children(c, b, e, plen, NULL);
	if (count == 0)
		return 0;
	size_t bytes = count * sizeof(crunch_child);
	crunch_child *ch = mcc_plat_alloc(bytes);
	if (!ch)
		return -MCC_ENOMEM;
	crunch_children(c, b, e, plen, ch);
	/* Names come out nearly sorted ("b" follows "b-c" only because '-' <
	 * '/'), so an insertion sort is close to linear here. */
	for (size_t i = 1; i < count; i++) {
		crunch_child t = ch[i];
		size_t j = i;
		for (; j > 0 && crunch_child_cmp(&ch[j - 1], &t) > 0; j--)
			ch[j] = ch[j - 1];
		ch[j] = t;
	}
	int ret = 0;
	for (size_t i = 0; i < count && ret == 0; i++) {
		mcc_memcpy(k, ch[i].name, ch[i].len);
		k[ch[i].len] = '\0';
		ret = fn(ctx, k, ch[i].kind);
	}
	mcc_plat_free(ch, bytes);
	return ret;
}

/* The table comes from the backend, but a hand-written or stale one must
 * not break the binary search: check it once (c->files is set). */
static int crunch_validate(const mcc_crunch_kv *c)
{
	char k[MCC_KVPATH_MAX];
	for (size_t i = 0; i < c->n; i++) {
		const char *p = c->files[i].path;
		if (!p || (c->files[i].size && !c->files[i].data))
			return -MCC_EINVAL;
		long len = mcc_kvpath_normalize(p, k, sizeof k);
		if (len <= 0 || p[0] == '/')
			return -MCC_EINVAL;
		if (i > 0 && mcc_strcmp(c->files[i - 1].path, p) >= 0)
			return -MCC_EINVAL;
	}
	/* No directory of a path may also be a file ("a" and "a/b"). */
	for (size_t i = 0; i < c->n; i++) {
		const char *p = c->files[i].path;
		for (size_t j = 0; p[j]; j++)
			if (p[j] == '/' && crunch_file(c, p, j))
				return -MCC_EINVAL;
	}
	return 0;
}

int mcc_crunch_kv_connect(mcc_crunch_kv *self, const mcc_crunch_file *files,
			  size_t n)
{
	if (!self || (n && !files))
		return -MCC_EINVAL;
	mcc_crunch_kv c = { .files = files, .n = n };
	int err = crunch_validate(&c);
	if (err)
		return err;
	mcc_memset(self, 0, sizeof *self);
	self->kv.dev.kind = "crunch";
	self->kv.kind = crunch_kind;
	self->kv.size = crunch_size;
	self->kv.read = crunch_read;
	self->kv.digest = crunch_digest;
	self->kv.list = crunch_list;
	self->files = files;
	self->n = n;
	return 0;
}
