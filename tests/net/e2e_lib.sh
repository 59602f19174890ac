# tests/net/e2e_lib.sh - shared by the network end-to-end scripts: start
# the static website unikernel on a tap device inside a private network
# namespace and talk to it from the namespace (nothing leaves it).
#
# The unikernel is built by `mcc build` from samples/static_website with
# the direct stack (-k net=direct -k ipv4_address=10.0.0.2/24).  With
# MCC_E2E_MANUAL=1 the hand-instantiated tests/net/manual/serve_dir is
# used instead (same runtime code, no compiler needed).
#
# Variables: MCC (the compiler, default $top/mcc or mcc on PATH),
# E2E_NS (namespace name), E2E_PORT (80).  Needs root.

# The caller may set top (the source tree); scripts in tests/net need not.
top=${top:-$(cd "$(dirname "$0")/../.." && pwd)}
site=$top/samples/static_website/htdocs
ns=${E2E_NS:-mcce2e$$}
port=${E2E_PORT:-80}
url=http://10.0.0.2:$port
e2e_pid=
e2e_log=$(mktemp)
fails=0

in_ns() { ip netns exec "$ns" "$@"; }

e2e_cleanup() {
	[ -n "$e2e_pid" ] && kill "$e2e_pid" 2>/dev/null && wait "$e2e_pid" 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	rm -f "$e2e_log"
}

check() {  # check NAME COMMAND...
	name=$1; shift
	if "$@" >/dev/null 2>&1; then echo "ok   $name"
	else echo "FAIL $name"; fails=$((fails + 1)); fi
}

# Build the unikernel; prints the command line that runs it on tap0.
e2e_build() {
	if [ -n "${MCC_E2E_MANUAL:-}" ]; then
		bin=$("$top/tests/net/manual/build.sh") || return 1
		echo "$bin tap0 10.0.0.2/24 $site $port"
		return 0
	fi
	mcc=${MCC:-$top/mcc}
	[ -x "$mcc" ] || mcc=$(command -v mcc) || { echo "no mcc" >&2; return 1; }
	out=$(mktemp -d)
	( cd "$top/samples/static_website" &&
	  "$mcc" build -t unix -o "$out" -k net=direct \
		-k ipv4_address=10.0.0.2/24 -k port="$port" ) >&2 || return 1
	echo "$out/www"
}

# Start the unikernel in the namespace and configure the host side.
e2e_start() {
	cmd=$(e2e_build) || { echo "build failed"; return 1; }
	ip netns add "$ns" || return 1
	in_ns ip link set lo up
	# shellcheck disable=SC2086  # cmd is a command line
	ip netns exec "$ns" $cmd >"$e2e_log" 2>&1 &
	e2e_pid=$!
	i=0
	until in_ns ip link show tap0 >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then echo "tap0 never appeared"; cat "$e2e_log"; return 1; fi
		sleep 0.1
	done
	in_ns ip addr add 10.0.0.1/24 dev tap0
	in_ns ip link set tap0 up
	sleep 0.3
}

e2e_finish() {
	kill -0 "$e2e_pid" 2>/dev/null || { echo "FAIL unikernel died"; cat "$e2e_log"; fails=$((fails + 1)); }
	echo "$fails failure(s)"
	[ "$fails" -eq 0 ]
}
