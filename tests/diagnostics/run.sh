#!/bin/sh
# tests/diagnostics/run.sh - the diagnostics corpus.
#
# Each NAME.mcfg here is a broken configuration.  mcc is run on it from
# this directory (so file names in the output are stable) and must give
#   NAME.expected       the text diagnostics (--color=never), exactly;
#   NAME.expected.json  the JSON diagnostics, exactly, GCC-schema shaped;
#   SARIF               valid SARIF 2.1.0 reporting the same results;
#   the exit status     1 unless the case says otherwise.
# A case may start with header comments that this script reads:
#   # mcc-args: ARGS       extra options (-k NAME=VALUE, -o DIR, ...)
#   # mcc-target: T        -t T
#   # mcc-cmd: CMD         check (default), configure or run; configure and
#                          run get -o into a scratch directory
#   # mcc-exit: N          expected exit status (default 1)
#   # mcc-config: FILE     give mcc FILE instead of NAME.mcfg
#   # mcc-stdlib: DIR      --stdlib DIR (a broken stdlib of this directory)
# Absolute paths of this directory and of the scratch directory are
# written as `' and `@TMP@' in the expected files.
#
# Also checked: colours, that every code of compiler/diag_codes.h has an
# entry in docs/diagnostics.md and a case here (or a reason in
# uncovered.txt), that the examples of docs/diagnostics.md are the real
# output, and that every file here is in Makefile.inc's EXTRA_DIST.
#
# MCC: the mcc binary (default ./mcc, relative to the build directory
# where `make check' runs); srcdir: the top source directory.
# UPDATE=1 rewrites the expected files from the current output: review
# every changed file by eye (line, column, caret, message) before
# committing it.

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
dir=$(cd "$srcdir/tests/diagnostics" && pwd -P) || exit 99
top=$(cd "$srcdir" && pwd -P) || exit 99
PYTHON=${PYTHON:-python3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mcc-diag.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

# header NAME.mcfg KEY: the value of `# mcc-KEY: VALUE'.
header() {
	sed -n "s/^# mcc-$2: *//p" "$1" | head -n 1
}

# Replaces the machine-dependent absolute paths by stable ones.
normalize() {
	awk -v d="$dir/" -v t="$tmp" '
	function subst(s, from, to,    i, out) {
		out = ""
		while ((i = index(s, from)) > 0) {
			out = out substr(s, 1, i - 1) to
			s = substr(s, i + length(from))
		}
		return out s
	}
	{ print subst(subst($0, d, ""), t, "@TMP@") }' "$1"
}

# run_mcc CASE FORMAT OUT: runs the case, diagnostics to OUT; sets st.
run_mcc() {
	f=$dir/$1.mcfg
	cmd=$(header "$f" cmd)
	target=$(header "$f" target)
	args=$(header "$f" args)
	config=$(header "$f" config)
	stdlib=$(header "$f" stdlib)
	out=
	case $cmd in
	configure | build | run)
		case " $args " in *" -o "*) ;; *) out="-o $tmp/out" ;; esac ;;
	esac
	rm -rf "$tmp/out"
	# Word splitting of $args and $out is intended: they are option lists
	# written without quotes.
	(cd "$dir" && "$MCC" ${cmd:-check} ${target:+-t "$target"} \
		${stdlib:+--stdlib "$stdlib"} $args $out "--diagnostics-format=$2" \
		--color=never "${config:-$1.mcfg}") >"$tmp/stdout" 2>"$tmp/raw" </dev/null
	st=$?
	normalize "$tmp/raw" >"$3"
}

# compare NAME WANT GOT: exact comparison, or update in UPDATE mode.
compare() {
	if cmp -s "$2" "$3"; then
		return 0
	fi
	if [ -n "${UPDATE:-}" ]; then
		cp "$3" "$2" && echo "UPDATED: $(basename "$2")"
		return 0
	fi
	echo "--- $1: output differs from $(basename "$2"):"
	diff -u "$2" "$3" | head -n 40
	return 1
}

have_python=yes
"$PYTHON" -c 'import json' 2>/dev/null || have_python=no

for f in "$dir"/*.mcfg; do
	name=$(basename "$f" .mcfg)
	want_st=$(header "$f" exit)
	want_st=${want_st:-1}
	why=
	run_mcc "$name" text "$tmp/text"
	[ "$st" = "$want_st" ] || why="$why text exit $st (want $want_st);"
	compare "$name" "$dir/$name.expected" "$tmp/text" || why="$why text differs;"
	run_mcc "$name" json "$tmp/json"
	[ "$st" = "$want_st" ] || why="$why json exit $st;"
	compare "$name" "$dir/$name.expected.json" "$tmp/json" || why="$why json differs;"
	run_mcc "$name" sarif "$tmp/sarif"
	[ "$st" = "$want_st" ] || why="$why sarif exit $st;"
	if [ $have_python = yes ]; then
		if ! "$PYTHON" "$dir/diagcheck.py" json "$tmp/json" "$tmp/sarif" >"$tmp/py"; then
			sed 's/^/    /' "$tmp/py"
			why="$why JSON/SARIF structure;"
		fi
	else
		why="$why no $PYTHON to validate JSON/SARIF;"
	fi
	if [ -z "$why" ]; then ok "$name"; else bad "$name:$why"; fi
done

# Colour: escapes with --color=always only; without them the text is the
# same as --color=never.  stderr is not a terminal here, so auto is off.
c=unbound_typo
(cd "$dir" && "$MCC" check --color=always $c.mcfg) 2>"$tmp/always"
(cd "$dir" && "$MCC" check --color=never $c.mcfg) 2>"$tmp/never"
(cd "$dir" && TERM=xterm "$MCC" check $c.mcfg) 2>"$tmp/auto"
esc=$(printf '\033')
sed "s/$esc\[[0-9;]*m//g" "$tmp/always" >"$tmp/stripped"
if grep -q "$esc\[" "$tmp/always" && ! grep -q "$esc" "$tmp/never" &&
   ! grep -q "$esc" "$tmp/auto" && cmp -s "$tmp/stripped" "$tmp/never" &&
   cmp -s "$tmp/never" "$dir/$c.expected"; then
	ok "colour: --color=always has ANSI escapes, never and not-a-tty none"
else
	bad "colour: --color=always/never/auto"
fi

# Every code: documented, and triggered by a case unless uncovered.txt
# says why it cannot be.
codes=$(sed -n 's/^[[:space:]]*X([A-Z_]*, *\([0-9]*\),.*/\1/p' "$top/compiler/diag_codes.h")
why=
[ -n "$codes" ] || why=" no codes found in compiler/diag_codes.h;"
for n in $codes; do
	code=$(printf 'MCC%04d' "$n")
	grep -q "^## $code" "$top/docs/diagnostics.md" 2>/dev/null ||
		why="$why $code not in docs/diagnostics.md;"
	if grep -q "^$code " "$dir/uncovered.txt"; then
		if cat "$dir"/*.expected.json | grep -q "\"code\": \"$code\""; then
			why="$why $code is covered now: drop it from uncovered.txt;"
		fi
	elif ! cat "$dir"/*.expected.json | grep -q "\"code\": \"$code\""; then
		why="$why $code has no case;"
	fi
done
if [ -z "$why" ]; then ok "codes: every code documented and covered"; else bad "codes:$why"; fi

# The examples of docs/diagnostics.md are the corpus' real output.
if [ $have_python = yes ] &&
   "$PYTHON" "$dir/diagcheck.py" docs "$top/docs/diagnostics.md" "$dir" >"$tmp/py"; then
	ok "docs: examples in docs/diagnostics.md match the corpus"
else
	sed 's/^/    /' "$tmp/py" 2>/dev/null
	bad "docs: examples in docs/diagnostics.md"
fi

# Everything here is distributed.  UPDATE=1 rewrites the list.
. "$top/tests/dist_list.sh"
dist_check diagnostics "the diagnostics corpus"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
