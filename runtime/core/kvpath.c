/* core/kvpath.c - key validation shared by crunch, direct_kv and any
 * future kv_ro: one place decides what may name a file (see kvpath.h). */
#include "mcc/kvpath.h"
#include "mcc/error.h"
#include "core/mem.h"

static long kvpath_check_segment(const char *s, size_t n)
{
	if (n == 0)
		return -MCC_EINVAL;                 /* "a//b", "a/" */
	if (s[0] == '.' && (n == 1 || (n == 2 && s[1] == '.')))
		return -MCC_EINVAL;                 /* "." and ".." */
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\0' || s[i] == '\\')
			return -MCC_EINVAL;
	return 0;
}

long mcc_kvpath_normalize_n(const char *key, size_t len, char *out, size_t cap)
{
	if (!key || !out || cap == 0)
		return -MCC_EINVAL;
	if (len && key[0] == '/') {
		key++;
		len--;
	}
	if (len >= cap)
		return -MCC_ERANGE;
	size_t start = 0;
	for (size_t i = 0; len && i <= len; i++) {
		if (i < len && key[i] != '/')
			continue;
		long err = kvpath_check_segment(key + start, i - start);
		if (err)
			return err;
		start = i + 1;
	}
	mcc_memcpy(out, key, len);
	out[len] = '\0';
	return (long)len;
}

long mcc_kvpath_normalize(const char *key, char *out, size_t cap)
{
	if (!key)
		return -MCC_EINVAL;
	return mcc_kvpath_normalize_n(key, mcc_strlen(key), out, cap);
}
