#!/bin/sh
# bench/loop.sh - the edit-run loop on samples/hello: from source to the
# first line of output and exit, median of N runs, for
#   (a) mcc run (libtcc, in memory)
#   (b) mcc build with gcc -O0, then run the binary
#   (c) mcc build with gcc -O2, then run the binary
# and the size of every sample's Unix binary (-O2, stripped and not).
# Usage: bench/loop.sh [BUILD_DIR]   (default ./build)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
MCC=$build/mcc
N=${N:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cfg=$top/samples/hello/config.mcfg

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

time_a() {
	t0=$(now)
	"$MCC" run -o "$tmp/run" "$cfg" -- --count=1 >/dev/null
	echo $(( ($(now) - t0) / 1000 ))
}
time_b() { # $1 = CFLAGS
	rm -rf "$tmp/b"
	t0=$(now)
	CFLAGS="$1" "$MCC" build -o "$tmp/b" "$cfg" >/dev/null
	"$tmp/b/hello" --count=1 >/dev/null
	echo $(( ($(now) - t0) / 1000 ))
}

"$MCC" run -o "$tmp/run" "$cfg" -- --count=1 >/dev/null   # warm the caches
a=$(for i in $(seq $N); do time_a; done | median)
b=$(for i in $(seq $N); do time_b "-O0 -g"; done | median)
c=$(for i in $(seq $N); do time_b "-O2 -g"; done | median)
echo "edit-run loop, samples/hello, median of $N (microseconds, then ms):"
printf '  (a) mcc run (libtcc)         %8d us  %7.1f ms\n' "$a" "$(echo "$a/1000" | bc -l)"
printf '  (b) mcc build -O0 + run      %8d us  %7.1f ms\n' "$b" "$(echo "$b/1000" | bc -l)"
printf '  (c) mcc build -O2 + run      %8d us  %7.1f ms\n' "$c" "$(echo "$c/1000" | bc -l)"
printf '  ratio a/b = %.3f (goal <= 0.100), a < 50 ms: %s\n' "$(echo "$a/$b" | bc -l)" \
	"$([ "$a" -lt 50000 ] && echo yes || echo NO)"

echo "unix binary sizes (gcc -O2 -g, --gc-sections; stripped):"
for d in "$top"/samples/*/; do
	s=$(basename "$d")
	if CFLAGS="-O2 -g" "$MCC" build -o "$tmp/size-$s" "$d/config.mcfg" >/dev/null 2>&1; then
		name=$(sed -n 's/^NAME = //p' "$tmp/size-$s/Makefile")
		bin=$tmp/size-$s/$name
		strip -o "$bin.s" "$bin"
		printf '  %-16s %8d bytes  %8d stripped\n' "$s" "$(stat -c %s "$bin")" "$(stat -c %s "$bin.s")"
	else
		printf '  %-16s (does not build for unix)\n' "$s"
	fi
done
