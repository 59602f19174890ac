#!/bin/sh
# tests/e2e/samples.sh - every Unix sample built with `mcc build' and run,
# and run again through `mcc run' (libtcc, in memory); the output is
# checked.  Writes only into a temporary directory.
set -u
srcdir=${srcdir:-.}
top=$(cd "$srcdir" && pwd)
MCC=${MCC:-$(pwd)/mcc}
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect NAME FILE PATTERN...: every extended regex must match a line.
expect() {
	what=$1 file=$2
	shift 2
	for re in "$@"; do
		if ! grep -Eq "$re" "$file"; then
			bad "$what: no line matches /$re/"
			sed 's/^/    | /' "$file" | head -20
			return 1
		fi
	done
	ok "$what"
}

# both NAME SAMPLE ARGS -- PATTERNS: mcc build + binary, then mcc run.
both() {
	name=$1 sample=$2
	shift 2
	args=""
	while [ "$1" != "--" ]; do args="$args $1"; shift; done
	shift
	out=$tmp/$sample-build
	if "$MCC" build -o "$out" "$top/samples/$sample/config.mcfg" >"$tmp/log" 2>&1; then
		# shellcheck disable=SC2086
		(cd "$tmp" && timeout 20 "$out/$(basename "$(grep -o '^NAME = .*' "$out/Makefile" | cut -c8-)")" $args) \
			>"$tmp/$sample.out" 2>&1
		echo "exit $?" >>"$tmp/$sample.out"
		expect "$name (mcc build)" "$tmp/$sample.out" "$@"
	else
		bad "$name (mcc build)"; sed 's/^/    | /' "$tmp/log" | tail -20
	fi
	# shellcheck disable=SC2086
	(cd "$tmp" && timeout 20 "$MCC" run -o "$tmp/$sample-run" "$top/samples/$sample/config.mcfg" -- $args) \
		>"$tmp/$sample.run" 2>&1
	echo "exit $?" >>"$tmp/$sample.run"
	expect "$name (mcc run)" "$tmp/$sample.run" "$@"
}

both hello hello --count=2 -- '^hello$' '^exit 0$'
n=$(grep -c '^hello$' "$tmp/hello.run")
[ "$n" = 2 ] && ok "hello: the key sets the count" || bad "hello: $n lines, want 2"

both kv_ro kv_ro -- '^crunch: 18 bytes' '^direct: 18 bytes' '^kv_ro ok$' '^exit 0$'
both clock clock -- '^posix time: [0-9]+\.[0-9]{9} s' '^slept 100 ms: monotonic advanced 1[0-9][0-9] ms' '^exit 0$'

truncate -s 64K "$tmp/disk.img"
both block block --disk="$tmp/disk.img" -- '^block: 128 sectors of 512 bytes, read-write' \
	'^block: 8 sectors verified$' '^exit 0$'
"$MCC" run -o "$tmp/block-missing" "$top/samples/block/config.mcfg" -- --disk="$tmp/nope.img" \
	>"$tmp/block-missing.out" 2>&1
echo "exit $?" >>"$tmp/block-missing.out"
expect "block: a missing disk fails to connect, by name and config line" "$tmp/block-missing.out" \
	'cannot connect block_of_file \(.*config\.mcfg:6:[0-9]+\)' '^exit 1$'

# The echo server, driven by a client: several connections, binary data.
port=$((20000 + $$ % 20000))
"$MCC" build -o "$tmp/echo-build" "$top/samples/echo_server/config.mcfg" >"$tmp/log" 2>&1 ||
	{ bad "echo_server (mcc build)"; cat "$tmp/log"; }
for how in build run; do
	if [ $how = build ]; then
		"$tmp/echo-build/echo" --port=$port >"$tmp/echo.out" 2>&1 &
	else
		"$MCC" run -o "$tmp/echo-run" "$top/samples/echo_server/config.mcfg" -- --port=$port \
			>"$tmp/echo.out" 2>&1 &
	fi
	pid=$!
	if python3 - "$port" <<'PY'
import socket, sys, time, os
port = int(sys.argv[1])
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", port), 1).close(); break
    except OSError:
        time.sleep(0.05)
conns = [socket.create_connection(("127.0.0.1", port), 5) for _ in range(4)]
for i, c in enumerate(conns):
    data = os.urandom(100000 + i)
    c.sendall(data)
    got = b""
    while len(got) < len(data):
        chunk = c.recv(65536)
        if not chunk: break
        got += chunk
    assert got == data, "echo mismatch"
    c.close()
PY
	then ok "echo_server (mcc $how): 4 connections echoed"; else bad "echo_server (mcc $how)"; cat "$tmp/echo.out"; fi
	kill $pid 2>/dev/null; wait $pid 2>/dev/null
	port=$((port + 1))
done

# A failing connect or job stops the unikernel with a visible status.
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
