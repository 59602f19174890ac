#!/bin/sh
# tests/e2e/glue.sh - the generated main.c of every sample, per target:
# compared with tests/e2e/glue/SAMPLE.TARGET.main.c (the source tree's path
# written as @TOP@), byte-identical across two runs, and warning-free
# under gcc and clang with -Wall -Wextra -Werror.  UPDATE=1 rewrites the
# expected files: review them.
set -u
srcdir=${srcdir:-.}
top=$(cd "$srcdir" && pwd)
MCC=${MCC:-$(pwd)/mcc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

while read -r sample target; do
	case $sample in ''|'#'*) continue ;; esac
	case_=$sample.$target
	want=$top/tests/e2e/glue/$case_.main.c
	out=$tmp/$case_
	if ! (cd "$top/samples/$sample" && "$MCC" configure -t "$target" -o "$out" config.mcfg) \
		>"$tmp/log" 2>&1; then
		bad "$case_: configure failed"; cat "$tmp/log"; continue
	fi
	sed "s|$top|@TOP@|g" "$out/main.c" >"$tmp/got.c"
	if [ -n "${UPDATE:-}" ]; then
		cp "$tmp/got.c" "$want"; echo "UPDATED: $case_"
	elif cmp -s "$tmp/got.c" "$want"; then
		ok "$case_: main.c as expected"
	else
		bad "$case_: main.c differs"; diff -u "$want" "$tmp/got.c" | head -30
	fi
	(cd "$top/samples/$sample" && "$MCC" configure -t "$target" -o "$out.again" config.mcfg) \
		>/dev/null 2>&1
	if cmp -s "$out/main.c" "$out.again/main.c" && cmp -s "$out/Makefile" "$out.again/Makefile"; then
		ok "$case_: output byte-identical across runs"
	else
		bad "$case_: output differs between two runs"
	fi
	[ "$target" = unix ] || continue
	for cc in gcc clang; do
		command -v $cc >/dev/null || continue
		if $cc -std=gnu11 -Wall -Wextra -Werror -I"$top/runtime/include" -I"$top/runtime" \
			-I"$out" -c -o "$tmp/main.o" "$out/main.c" 2>"$tmp/cc.log"; then
			ok "$case_: main.c compiles with $cc -Wall -Wextra -Werror"
		else
			bad "$case_: $cc warns"; cat "$tmp/cc.log"
		fi
	done
done <"$top/tests/e2e/glue/cases"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
