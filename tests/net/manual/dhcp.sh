#!/bin/sh
# tests/net/manual/dhcp.sh - the DHCP client end to end: serve_dir takes
# its address from dnsmasq running on the tap's host side inside a
# private namespace, then serves a page at the leased address.  Needs
# root and dnsmasq.  Exit status 0 on success.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
bin=$("$here/build.sh") || exit 1
command -v dnsmasq >/dev/null || { echo "SKIP: no dnsmasq"; exit 77; }
ns=mccdhcp$$
tmp=$(mktemp -d)
pid= dpid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	[ -n "$dpid" ] && kill "$dpid" 2>/dev/null
	wait 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
ip netns add "$ns" || exit 1
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" "$bin" tap0 dhcp "$top/samples/static_website/htdocs" 80 \
	>"$tmp/log" 2>&1 &
pid=$!
i=0
until ip netns exec "$ns" ip link show tap0 >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -gt 50 ] && { echo "no tap0"; exit 1; }; sleep 0.1
done
ip netns exec "$ns" ip addr add 10.0.0.1/24 dev tap0
ip netns exec "$ns" ip link set tap0 up
ip netns exec "$ns" dnsmasq --no-daemon --port=0 --bind-interfaces \
	--interface=tap0 --dhcp-range=10.0.0.50,10.0.0.60,255.255.255.0,2m \
	--dhcp-leasefile="$tmp/leases" --pid-file="$tmp/pid" >"$tmp/dnsmasq.log" 2>&1 &
dpid=$!
addr=
for i in $(seq 1 300); do
	addr=$(sed -n 's/^serve_dir: DHCP lease //p' "$tmp/log")
	[ -n "$addr" ] && break
	sleep 0.1
done
[ -n "$addr" ] || { echo "FAIL no lease"; cat "$tmp/log" "$tmp/dnsmasq.log"; exit 1; }
echo "leased $addr"
sleep 0.3
if ip netns exec "$ns" curl -s -m 5 "http://$addr/" | cmp - "$top/samples/static_website/htdocs/index.html"; then
	echo "ok   page at the leased address"
else
	echo "FAIL page at the leased address"; cat "$tmp/log"; exit 1
fi
grep -q "$addr" "$tmp/leases" && echo "ok   dnsmasq recorded the lease"
