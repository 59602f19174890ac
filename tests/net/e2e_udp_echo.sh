#!/bin/sh
# tests/net/e2e_udp_echo.sh - samples/udp_echo on both stacks, each in a
# private namespace: on our own stack over tap (-k net=direct -k
# ipv4_address=10.0.0.2/24) and on the host socket stack at 127.0.0.1.
# Datagrams of 1, 512 and 1472 bytes (the largest unfragmented one) come
# back unchanged, from several clients.
. "$(dirname "$0")/e2e_lib.sh"
e2e_need_root
command -v nc >/dev/null || e2e_die "nc is needed"
for n in 1 512 1472; do head -c $n /dev/urandom >"$tmp/dgram$n"; done

# echoed HOST PORT SIZE: one datagram there and back, byte for byte.
echoed() {
	ip netns exec "$uns" nc -u -w 1 "$1" "$2" <"$tmp/dgram$3" >"$tmp/back$3"
	echo "sent $3 bytes, got $(wc -c <"$tmp/back$3")"
	cmp "$tmp/dgram$3" "$tmp/back$3"
}
# clients HOST PORT: 8 clients at once, each its own source port.
clients() {
	cpids=
	for i in 1 2 3 4 5 6 7 8; do
		( printf 'client %s\n' "$i" |
		  ip netns exec "$uns" nc -u -w 1 "$1" "$2" >"$tmp/c$i" ) &
		cpids="$cpids $!"
	done
	for p in $cpids; do wait "$p"; done
	for i in 1 2 3 4 5 6 7 8; do
		grep -qx "client $i" "$tmp/c$i" || { echo "client $i: wrong answer"; return 1; }
	done
}
udp_checks() {  # udp_checks WHAT HOST PORT
	for n in 1 512 1472; do check "$1: $n-byte datagram" echoed "$2" "$3" $n; done
	check "$1: 8 clients at once" clients "$2" "$3"
}

echo "== direct stack over tap, 10.0.0.2"
e2e_netns udpd; uns=$e2e_ns
e2e_build "$top/samples/udp_echo/config.mcfg" "$tmp/direct" \
	net=direct ipv4_address=10.0.0.2/24
e2e_spawn "$uns" "$tmp/direct.log" "$tmp/direct/echo" --port=7
pid=$e2e_last
e2e_wait_link "$uns" tap0 "$pid" "$tmp/direct.log"
e2e_host_side "$uns" tap0 || e2e_die "cannot configure tap0"
ip netns exec "$uns" ping -c 1 -w 5 10.0.0.2 >/dev/null   # ARP both ways
udp_checks direct 10.0.0.2 7
check "direct: still running" e2e_alive "$pid" "$tmp/direct.log"

echo "== socket stack, 127.0.0.1"
e2e_netns udps; uns=$e2e_ns
port=$((20000 + $$ % 20000))
e2e_build "$top/samples/udp_echo/config.mcfg" "$tmp/socket"
e2e_spawn "$uns" "$tmp/socket.log" "$tmp/socket/echo" --port=$port
pid=$e2e_last
i=0
until grep -q "UDP port $port" "$tmp/socket.log"; do
	i=$((i + 1)); [ $i -le 100 ] || { cat "$tmp/socket.log"; e2e_die "echo did not start"; }
	sleep 0.05
done
udp_checks socket 127.0.0.1 $port
check "socket: still running" e2e_alive "$pid" "$tmp/socket.log"
e2e_finish
