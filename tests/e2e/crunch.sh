#!/bin/sh
# tests/e2e/crunch.sh - `crunch DIR' bakes a directory into the unikernel:
# binary and empty files, nested directories and names that need escaping
# in C come back byte for byte with the right SHA-256, through mcc build
# and through mcc run.
set -u
srcdir=${srcdir:-.}
MCC=${MCC:-$(pwd)/mcc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

app=$tmp/app
mkdir -p "$app/store/a/b/c" "$app/store/empty_dir"
head -c 70000 /dev/urandom >"$app/store/random.bin"
: >"$app/store/empty.txt"
printf 'quote " backslash \\ question ?? tab\t\n' >"$app/store/a/b/c/deep.txt"
printf 'x' >"$app/store/a/we\"ird ??= %d name.txt"
printf '\0\1\2\377' >"$app/store/a/nul.bin"
cat >"$app/config.mcfg" <<'CFG'
let main = foreign "check_start" (console @-> kv_ro @-> job)
register "crunchtest" [ main $ default_console $ crunch "store" ]
CFG
cat >"$app/check.c" <<'C'
/* Prints every file: path, size, digest, and the digest of what read()
 * returns, so the test can compare with the host's files. */
#include <stdio.h>
#include <string.h>
#include "mcc/console.h"
#include "mcc/kv_ro.h"
#include "mcc/sha256.h"

static mcc_console *con;
static mcc_kv_ro *kv;

static int walk(const char *dir);

static int visit(void *ctx, const char *name, int kind)
{
	const char *dir = ctx;
	char path[512];
	snprintf(path, sizeof path, "%s%s%s", dir, *dir ? "/" : "", name);
	if (kind == MCC_KV_DIR)
		return walk(path);
	uint64_t size;
	char digest[65], got[65];
	if (kv->size(kv, path, &size) < 0 || kv->digest(kv, path, digest) < 0)
		return 1;
	mcc_sha256_ctx c;
	mcc_sha256_init(&c);
	unsigned char buf[1000];
	uint64_t off = 0;
	long n;
	while ((n = kv->read(kv, path, off, buf, sizeof buf)) > 0) {
		mcc_sha256_update(&c, buf, (size_t)n);
		off += (uint64_t)n;
	}
	uint8_t d[32];
	mcc_sha256_final(&c, d);
	mcc_sha256_hex(d, got);
	mcc_console_printf(con, "%s|%llu|%s|%s\n", path, (unsigned long long)size,
			   digest, strcmp(digest, got) ? "MISMATCH" : "read-ok");
	return 0;
}

static int walk(const char *dir)
{
	return kv->list(kv, dir, visit, (void *)dir);
}

int check_start(mcc_console *c, mcc_kv_ro *k)
{
	con = c;
	kv = k;
	return walk("");
}
C
# What the host says: path|size|sha256, sorted like the store.
(cd "$app/store" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | while IFS= read -r f; do
	printf '%s|%s|%s|read-ok\n' "$f" "$(stat -c %s "$f")" "$(sha256sum <"$f" | cut -d' ' -f1)"
done) >"$tmp/want"

if "$MCC" build -o "$tmp/b" "$app/config.mcfg" >"$tmp/log" 2>&1 && "$tmp/b/crunchtest" >"$tmp/got.build" 2>&1; then
	LC_ALL=C sort "$tmp/got.build" >"$tmp/got.build.s"
	if cmp -s "$tmp/want" "$tmp/got.build.s"; then ok "crunch via mcc build: $(wc -l <"$tmp/want") files intact"
	else bad "crunch via mcc build"; diff "$tmp/want" "$tmp/got.build.s" | head; fi
else
	bad "crunch: mcc build failed"; tail -20 "$tmp/log"; cat "$tmp/got.build" 2>/dev/null | tail
fi
if "$MCC" run -o "$tmp/r" "$app/config.mcfg" >"$tmp/got.run" 2>&1; then
	LC_ALL=C sort "$tmp/got.run" >"$tmp/got.run.s"
	if cmp -s "$tmp/want" "$tmp/got.run.s"; then ok "crunch via mcc run: files intact"
	else bad "crunch via mcc run"; diff "$tmp/want" "$tmp/got.run.s" | head; fi
else
	bad "crunch: mcc run failed"; tail "$tmp/got.run"
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
