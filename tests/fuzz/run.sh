#!/bin/sh
# tests/fuzz/run.sh - build every libFuzzer target in tests/fuzz/ with
# clang -fsanitize=fuzzer,address,undefined and run each for FUZZ_SECONDS
# (default 60) over its seed corpus.  Exits non-zero if a target does not
# build or finds a crash, a leak, a timeout or an out-of-memory.
#
# usage: tests/fuzz/run.sh [build] [TARGET...]
#   TARGET is a harness name without .c (compiler_fuzz, net_arp_fuzz, ...);
#   default: every tests/fuzz/*.c.  `build' only builds.
#
# Environment:
#   FUZZ_SECONDS  run time per target (60)
#   FUZZ_OUT      work directory (/tmp/mcc-fuzz): binaries, the growing
#                 corpus, crash artifacts and logs; the seed corpus in the
#                 source tree is never written
#   FUZZ_FLAGS    extra libFuzzer flags, e.g. "-jobs=2 -workers=2"
#   FUZZ_CFLAGS   extra compiler flags, e.g. "-fno-sanitize=nonnull-attribute"
#                 to fuzz past a known report
#   CC            clang (must support -fsanitize=fuzzer)
#
# What a harness links:
#   compiler_*.c  the compiler front end (compiler/ + grammar/, as
#                 libmccfront.a), with the stdlib directory compiled in;
#   any harness   the sources named on a line of its own text
#                 `fuzz-sources: runtime/net/arp.c runtime/net/util.c'
#                 (paths relative to the top of the tree; several lines
#                 add up).
# Seeds: tests/fuzz/corpus/NAME/ where NAME is the harness name without
# `_fuzz' (falling back to the part before the first `_'); compiler
# targets also get every .mcfg of samples/, stdlib/, tests/diagnostics/ and
# tests/golden/.  A dictionary NAME_fuzz.dict beside the harness is used.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${FUZZ_OUT:-/tmp/mcc-fuzz}
secs=${FUZZ_SECONDS:-60}
cc=${CC:-clang}
# FUZZ_CFLAGS come last so they can turn a sanitizer check off.
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined ${FUZZ_CFLAGS:-}"
cflags="-std=gnu11 -g -O1 -fno-omit-frame-pointer -Wall -Wextra"
inc="-I$top/compiler -I$out/gen -I$top/grammar -I$top/runtime/include -I$top/runtime"

build_only=0
if [ "${1:-}" = build ]; then
	build_only=1
	shift
fi
if [ $# -eq 0 ]; then
	set --
	for f in "$here"/*.c; do
		[ -e "$f" ] || continue
		case $f in *_replay.c) continue ;; esac	# drivers, not targets
		set -- "$@" "$(basename "$f" .c)"
	done
fi
if [ $# -eq 0 ]; then
	echo "run.sh: no fuzz targets in $here" >&2
	exit 1
fi

mkdir -p "$out/gen" "$out/obj" "$out/bin" "$out/log" "$out/artifacts"

# The front end, instrumented, once: bison and flex outputs, then each
# compiler/ source of libmccfront.a (the list in compiler/Makefile.inc).
front_objs=
build_front() {
	[ -n "$front_objs" ] && return 0
	: > "$out/gen/config.h"
	bison -d -Wall -Wno-yacc -o "$out/gen/parser.c" "$top/grammar/parser.y"
	# lexer.l names its output lex.yy.c itself, so run flex in gen/.
	(cd "$out/gen" && flex "$top/grammar/lexer.l" && mv lex.yy.c lexer.c)
	srcs=$(sed -n '/^libmccfront_a_SOURCES/,/^$/p' "$top/compiler/Makefile.inc" |
		tr ' \t\\' '\n\n\n' | grep '^compiler/.*\.c$')
	for s in $srcs "$out/gen/parser.c" "$out/gen/lexer.c"; do
		case $s in /*) path=$s ;; *) path=$top/$s ;; esac
		o="$out/obj/front_$(basename "$s" .c).o"
		# Flex's generated code has unused functions; keep it quiet.
		$cc $cflags -Wno-unused-function -Wno-sign-compare $san \
			-fsanitize=fuzzer-no-link $inc -c "$path" -o "$o"
		front_objs="$front_objs $o"
	done
}

seed_dir() {
	name=${1%_fuzz}
	if [ -d "$here/corpus/$name" ]; then
		echo "$here/corpus/$name"
	elif [ -d "$here/corpus/${name%%_*}" ]; then
		echo "$here/corpus/${name%%_*}"
	fi
}

build_target() {
	t=$1
	src="$here/$t.c"
	if [ ! -f "$src" ]; then
		echo "run.sh: no harness $src" >&2
		return 1
	fi
	extra=
	for s in $(sed -n 's/.*fuzz-sources:\(.*\)$/\1/p' "$src" | sed 's,\*/,,'); do
		extra="$extra $top/$s"
	done
	defs=
	objs=
	case $t in
	compiler_*)
		build_front
		objs=$front_objs
		defs="-DMCC_FUZZ_STDLIB=\"$top/stdlib\""
		;;
	esac
	# shellcheck disable=SC2086
	$cc $cflags $san -fsanitize=fuzzer $inc $defs -o "$out/bin/$t" "$src" $extra $objs
}

run_target() {
	t=$1
	work="$out/corpus/$t"
	mkdir -p "$work"
	case $t in
	compiler_*)
		for d in samples stdlib tests/diagnostics tests/golden; do
			[ -d "$top/$d" ] || continue
			find "$top/$d" -name '*.mcfg' -type f | while read -r f; do
				cp "$f" "$work/seed_$(echo "${f#$top/}" | tr '/' '_')"
			done
		done
		;;
	esac
	seeds=$(seed_dir "$t")
	dict=
	[ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
	log="$out/log/$t.log"
	echo "== $t: ${secs}s, corpus $work ${seeds:+(seeds $seeds)}"
	set +e
	# shellcheck disable=SC2086
	"$out/bin/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len=16384 -print_final_stats=1 \
		-artifact_prefix="$out/artifacts/$t-" $dict ${FUZZ_FLAGS:-} \
		"$work" $seeds >"$log" 2>&1
	st=$?
	set -e
	grep -E '^#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$log" | sed 's/^/   /'
	if [ $st -ne 0 ]; then
		echo "== $t FAILED (status $st); see $log" >&2
		grep -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error|Test unit written' "$log" | head -5 >&2
		return 1
	fi
	return 0
}

fail=0
for t in "$@"; do
	if ! build_target "$t"; then
		echo "== $t: build FAILED" >&2
		fail=1
		continue
	fi
	[ $build_only -eq 1 ] && continue
	run_target "$t" || fail=1
done
exit $fail
