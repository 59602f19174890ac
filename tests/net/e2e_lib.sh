# tests/net/e2e_lib.sh - shared by the network end-to-end scripts
# (sourced, POSIX sh).  Each script builds unikernels with `mcc build'
# (or runs them with `mcc run') into a private temporary directory, runs
# them inside network namespaces it creates and removes, and talks to
# them from inside those namespaces: nothing touches the host's network,
# so parallel runs do not collide (names carry the PID; each namespace
# has its own ports).
#
# Environment: MCC (the compiler; default ./mcc in the current
# directory, where automake runs the tests), srcdir (the source tree,
# read only; default: two levels above the script), E2E_KEEP=1 keeps
# the temporary directory.  Exit status: 0 pass, 1 fail, 77 skip (only
# when not root or `ip netns add' is impossible).

set -u
srcdir=${srcdir:-$(dirname "$0")/../..}
top=$(cd "$srcdir" && pwd)
MCC=${MCC:-./mcc}
case $MCC in /*) ;; *) MCC=$(pwd)/$MCC ;; esac
e2e_name=$(basename "$0" .sh)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mcc-$e2e_name.XXXXXX") || exit 1
e2e_nss=""         # namespaces to delete
e2e_pids=""        # processes to stop
fails=0
passes=0

e2e_cleanup() {
	for p in $e2e_pids; do kill "$p" 2>/dev/null; done
	for p in $e2e_pids; do wait "$p" 2>/dev/null; done
	for n in $e2e_nss; do ip netns del "$n" 2>/dev/null; done
	if [ -n "${E2E_KEEP:-}" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP

e2e_skip() { echo "SKIP: $*"; exit 77; }
e2e_die() { echo "ERROR: $*"; exit 1; }

# check NAME COMMAND...: one test case; the command's output is shown
# only when it fails.
check() {
	name=$1; shift
	if "$@" >"$tmp/check.out" 2>&1; then
		echo "ok   $name"; passes=$((passes + 1))
	else
		echo "FAIL $name"; fails=$((fails + 1))
		sed 's/^/    | /' "$tmp/check.out" | tail -15
	fi
}

# e2e_need_root: skip unless we may create namespaces and tap devices.
e2e_need_root() {
	[ "$(id -u)" = 0 ] || e2e_skip "needs root (network namespaces, tap)"
	command -v ip >/dev/null || e2e_skip "no ip (iproute2)"
	[ -x "$MCC" ] || e2e_die "no compiler at $MCC (set MCC)"
	for t in curl cmp sha256sum; do
		command -v $t >/dev/null || e2e_die "$t is needed"
	done
}

# e2e_netns TAG: create namespace mcc<TAG><pid>, named in $e2e_ns, with
# loopback up and IPv6 off (no router solicitations on the taps).  Not
# in a subshell: the cleanup must know the name.
e2e_netns() {
	e2e_ns=mcc$1$$
	ip netns add "$e2e_ns" 2>"$tmp/netns.err" || {
		cat "$tmp/netns.err"; e2e_skip "cannot create a network namespace"; }
	e2e_nss="$e2e_nss $e2e_ns"
	ip netns exec "$e2e_ns" ip link set lo up
	ip netns exec "$e2e_ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 >/dev/null 2>&1
	return 0
}

# e2e_spawn NS LOG COMMAND...: run COMMAND in NS in the background;
# its PID is in $e2e_last.
e2e_spawn() {
	sns=$1 slog=$2; shift 2
	ip netns exec "$sns" "$@" >"$slog" 2>&1 &
	e2e_last=$!
	e2e_pids="$e2e_pids $e2e_last"
}

# e2e_stop PID: stop one spawned process now.
e2e_stop() {
	kill "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	return 0
}

# e2e_wait_link NS IFNAME PID LOG: until the interface exists (the
# unikernel creates its tap when it connects).
e2e_wait_link() {
	i=0
	until ip netns exec "$1" ip link show "$2" >/dev/null 2>&1; do
		kill -0 "$3" 2>/dev/null || { cat "$4"; e2e_die "process died before $2 appeared"; }
		i=$((i + 1))
		[ $i -le 200 ] || { cat "$4"; e2e_die "$2 never appeared"; }
		sleep 0.05
	done
}

# e2e_host_side NS IFNAME: the namespace's end of the link, 10.0.0.1/24.
e2e_host_side() {
	ip netns exec "$1" ip addr add 10.0.0.1/24 dev "$2" &&
	ip netns exec "$1" ip link set "$2" up
}

# e2e_wait_http NS URL PID LOG: until URL answers (ARP, listen).
e2e_wait_http() {
	i=0
	until ip netns exec "$1" curl -s -m 1 -o /dev/null "$2"; do
		kill -0 "$3" 2>/dev/null || { cat "$4"; e2e_die "server died"; }
		i=$((i + 1))
		[ $i -le 100 ] || { cat "$4"; e2e_die "$2 never answered"; }
		sleep 0.1
	done
}

# e2e_build CONFIG OUTDIR KEY=VALUE...: mcc build into OUTDIR.
e2e_build() {
	bcfg=$1 bout=$2; shift 2
	bkeys=""
	for k in "$@"; do bkeys="$bkeys -k $k"; done
	# shellcheck disable=SC2086  # bkeys is a list of options
	"$MCC" build -o "$bout" $bkeys "$bcfg" >"$bout.log" 2>&1 || {
		cat "$bout.log"; e2e_die "mcc build $bcfg failed"; }
}

# e2e_site: a copy of samples/static_website in $tmp/site whose htdocs
# also holds big.bin (10 MiB of random bytes, digest in $big_sha), and
# $tmp/site/secret.txt just outside htdocs for the traversal checks, with
# symbolic links to it and to /etc inside htdocs.
e2e_site() {
	site=$tmp/site
	cp -R "$top/samples/static_website" "$site" && chmod -R u+w "$site" ||
		e2e_die "cannot copy $top/samples/static_website"
	rm -rf "$site/_build"
	head -c 10485760 /dev/urandom >"$site/htdocs/big.bin" ||
		e2e_die "cannot write $site/htdocs/big.bin"
	big_sha=$(sha256sum <"$site/htdocs/big.bin" | cut -d' ' -f1)
	secret="mcc-e2e-secret-$$"
	echo "$secret" >"$site/secret.txt"
	# Symbolic links out of the store are a way out too.
	ln -s ../secret.txt "$site/htdocs/escape.txt"
	ln -s /etc "$site/htdocs/etc"
	htdocs=$site/htdocs
}

e2e_alive() {  # e2e_alive PID LOG
	kill -0 "$1" 2>/dev/null || { echo "process $1 died:"; cat "$2"; return 1; }
}

e2e_finish() {
	echo "$passes passed, $fails failed"
	[ "$fails" -eq 0 ]
	exit $?
}
