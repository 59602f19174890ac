#!/bin/sh
# tests/golden/run.sh - golden device graphs: `mcc describe' output of
#   graphs/NAME.mcfg  -> graphs/NAME.describe (and graphs/NAME.dot with
#                        `# mcc-dot: yes'); header comments as in
#                        tests/diagnostics: `# mcc-args: ...',
#                        `# mcc-target: T';
#   the samples listed in samples.list (SAMPLE TARGET [dot])
#                     -> samples/SAMPLE.TARGET.describe (and .dot).
# mcc runs from the directory of the config with a relative name, so the
# locations in the output are stable.  Every case must exit 0 with
# nothing on stderr, and every sample must be listed for unix at least.
#
# MCC: the mcc binary (default ./mcc, relative to the build directory);
# srcdir: the top source directory.  UPDATE=1 rewrites the expected files
# (and Makefile.inc's EXTRA_DIST) from the current output: review every
# changed file by eye before committing it.

LC_ALL=C
export LC_ALL
unset MCC_STDLIB MCC_RUNTIME

: "${srcdir:=$(dirname "$0")/../..}"
: "${MCC:=./mcc}"
case $MCC in /*) ;; *) MCC=$(pwd)/$MCC ;; esac
if [ ! -x "$MCC" ]; then
	echo "error: mcc binary \`$MCC' not found (set MCC)"
	exit 99
fi
dir=$(cd "$srcdir/tests/golden" && pwd -P) || exit 99
top=$(cd "$srcdir" && pwd -P) || exit 99

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mcc-golden.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

header() {
	sed -n "s/^# mcc-$2: *//p" "$1" | head -n 1
}

# compare WANT GOT: exact, or update in UPDATE mode.
compare() {
	if cmp -s "$1" "$2"; then
		return 0
	fi
	if [ -n "${UPDATE:-}" ]; then
		cp "$2" "$1" && echo "UPDATED: ${1#"$dir"/}"
		return 0
	fi
	echo "--- output differs from ${1#"$dir"/}:"
	diff -u "$1" "$2" | head -n 40
	return 1
}

# describe CASE DIR CONFIG WANT [OPTIONS...]: runs `mcc describe' in DIR
# and compares stdout with WANT; sets why.
describe() {
	name=$1 cdir=$2 cfg=$3 want=$4
	shift 4
	(cd "$cdir" && "$MCC" describe --color=never "$@" "$cfg") \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	st=$?
	[ "$st" -eq 0 ] || why="$why exit $st;"
	if [ -s "$tmp/err" ]; then
		why="$why stderr not empty;"
		sed 's/^/    /' "$tmp/err" | head -n 10
	fi
	compare "$want" "$tmp/out" || why="$why $(basename "$want") differs;"
}

for f in "$dir"/graphs/*.mcfg; do
	name=$(basename "$f" .mcfg)
	target=$(header "$f" target)
	args=$(header "$f" args)
	why=
	# $args is an option list written without quotes: split it.
	describe "$name" "$dir/graphs" "$name.mcfg" "$dir/graphs/$name.describe" \
		${target:+-t "$target"} $args
	if [ "$(header "$f" dot)" = yes ]; then
		describe "$name" "$dir/graphs" "$name.mcfg" "$dir/graphs/$name.dot" \
			${target:+-t "$target"} $args --dot
	fi
	if [ -z "$why" ]; then ok "graphs/$name"; else bad "graphs/$name:$why"; fi
done

listed=
while read -r sample target dot; do
	case $sample in '' | '#'*) continue ;; esac
	listed="$listed $sample.$target"
	why=
	sdir=$top/samples/$sample
	if [ ! -f "$sdir/config.mcfg" ]; then
		bad "samples/$sample ($target): samples/$sample/config.mcfg not found (not distributed?)"
		continue
	fi
	describe "$sample" "$sdir" config.mcfg "$dir/samples/$sample.$target.describe" -t "$target"
	if [ "$dot" = dot ]; then
		describe "$sample" "$sdir" config.mcfg "$dir/samples/$sample.$target.dot" -t "$target" --dot
	fi
	if [ -z "$why" ]; then ok "samples/$sample ($target)"; else bad "samples/$sample ($target):$why"; fi
done <"$dir/samples.list"

# Every sample has a golden graph, for unix at least.
why=
for s in "$top"/samples/*/config.mcfg; do
	[ -f "$s" ] || continue
	s=$(basename "$(dirname "$s")")
	case "$listed " in *" $s.unix "*) ;; *) why="$why $s" ;; esac
done
if [ -z "$why" ]; then ok "samples.list: every sample listed"; else bad "samples.list: not listed:$why"; fi

# Everything here is distributed.  UPDATE=1 rewrites the list.
. "$top/tests/dist_list.sh"
dist_check golden "golden device graphs"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
