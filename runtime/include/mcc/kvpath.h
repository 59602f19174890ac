/* mcc/kvpath.h - canonical keys for every kv_ro implementation.
 *
 * A key is '/'-separated.  One leading '/' is ignored; then every segment
 * must be non-empty, not "." or "..", and free of '\\' and NUL.  The
 * canonical form has no leading or trailing '/'; "" (or "/") is the root.
 * Anything else is refused, so a key can never name something outside
 * the store. */
#ifndef MCC_KVPATH_H
#define MCC_KVPATH_H

#include <stddef.h>

#define MCC_KVPATH_MAX 4096   /* bytes of a canonical key, NUL included */

/* Copy the canonical form of key[0..len) into out (cap bytes, NUL
 * terminated).  Returns its length (0 for the root), -MCC_EINVAL for an
 * invalid key, -MCC_ERANGE when it does not fit in cap. */
long mcc_kvpath_normalize_n(const char *key, size_t len, char *out, size_t cap);
/* Same for a NUL-terminated key. */
long mcc_kvpath_normalize(const char *key, char *out, size_t cap);

#endif
