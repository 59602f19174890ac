#!/bin/sh
# tests/net/e2e_ping.sh - samples/ping (network -> ethif -> arp -> ipv4,
# static address 10.0.0.2/24) over a tap device inside a private
# namespace: ICMP echo answered, the ARP entry learnt, a flood of echoes.
. "$(dirname "$0")/e2e_lib.sh"
e2e_need_root
command -v ping >/dev/null || e2e_die "ping is needed"
e2e_netns ping; ns=$e2e_ns
e2e_build "$top/samples/ping/config.mcfg" "$tmp/out" ipv4_address=10.0.0.2/24
e2e_spawn "$ns" "$tmp/ping.log" "$tmp/out/ping"
pid=$e2e_last
e2e_wait_link "$ns" tap0 "$pid" "$tmp/ping.log"
e2e_host_side "$ns" tap0 || e2e_die "cannot configure tap0"

p() { ip netns exec "$ns" ping "$@"; }
# The first echo may wait for ARP both ways: allow a few tries.
check "first echo"         p -c 1 -w 5 10.0.0.2
check "5 echoes"           p -c 5 -i 0.1 -W 2 10.0.0.2
check "1400-byte payload"  p -c 2 -i 0.2 -W 2 -s 1400 -p 5a 10.0.0.2
flood() {
	out=$(p -c 200 -i 0.002 -W 1 -q 10.0.0.2) || true
	echo "$out"
	echo "$out" | grep -q ' 200 received'
}
check "200 echoes at 2 ms" flood
neigh() {
	ip netns exec "$ns" ip neigh show 10.0.0.2 dev tap0 | tee /dev/stderr |
	grep -q 'lladdr 02:'
}
check "ARP entry 02:..."   neigh
check "no answer for 10.0.0.3" sh -c "! ip netns exec $ns ping -c 1 -W 1 10.0.0.3"
check "startup line"       grep -q 'answering ICMP echo on 10.0.0.2' "$tmp/ping.log"
check "unikernel still running" e2e_alive "$pid" "$tmp/ping.log"
e2e_finish
