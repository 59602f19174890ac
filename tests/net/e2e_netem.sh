#!/bin/sh
# tests/net/e2e_netem.sh - TCP under loss and reordering: the static
# website on our own stack serves a 10 MiB file through a link that drops
# 5 % of the frames in each direction and reorders others; the download
# must arrive intact (SHA-256).
#
# With netem (sch_netem) in the kernel: tc netem on tap0's egress and,
# through an ifb device, its ingress.  Without it (as on kernels built
# without sch_netem): tests/net/manual/lossy_relay.c, compiled here with
# $CC, forwards frames between the unikernel's tap (namespace U) and a
# tap in the client's namespace C, dropping LOSS % and holding back
# REORDER % until later frames overtake them.  The script says which.
# LOSS (5), REORDER (5), SEED (from the PID) and BIG_TIMEOUT (150 s) can
# be set.  The relay also counts silences of 100 ms or more: with our TCP
# (no SACK, no tail-loss probes) most losses end in a retransmission
# timeout, which is what makes this test take about a minute.
. "$(dirname "$0")/e2e_lib.sh"
. "$(dirname "$0")/e2e_checks.sh"
LOSS=${LOSS:-5}
REORDER=${REORDER:-5}
SEED=${SEED:-$$}
e2e_need_root
e2e_netns netu; uns=$e2e_ns
e2e_site
e2e_build "$site/config.mcfg" "$tmp/out" net=direct ipv4_address=10.0.0.2/24

netem_works() {
	ip netns exec "$uns" tc qdisc add dev lo root netem loss 1% 2>/dev/null &&
	ip netns exec "$uns" tc qdisc del dev lo root
}

e2e_spawn "$uns" "$tmp/www.log" "$tmp/out/www" --port=80
www=$e2e_last
e2e_wait_link "$uns" tap0 "$www" "$tmp/www.log"
relay=
if netem_works; then
	echo "link: tc netem, loss $LOSS %, reorder $REORDER % (others delayed 2 ms)"
	cns=$uns
	e2e_host_side "$uns" tap0 || e2e_die "cannot configure tap0"
	in_u() { ip netns exec "$uns" "$@"; }
	in_u tc qdisc add dev tap0 root netem loss "$LOSS%" delay 2ms \
		reorder "$REORDER%" || e2e_die "netem on tap0"
	if in_u ip link add ifb0 type ifb 2>/dev/null; then
		in_u ip link set ifb0 up &&
		in_u tc qdisc add dev tap0 handle ffff: ingress &&
		in_u tc filter add dev tap0 parent ffff: matchall \
			action mirred egress redirect dev ifb0 &&
		in_u tc qdisc add dev ifb0 root netem loss "$LOSS%" delay 2ms \
			reorder "$REORDER%" || e2e_die "netem on ifb0"
	else
		echo "note: no ifb device, loss on the client->unikernel side only"
	fi
else
	echo "link: no netem in this kernel; lossy_relay, loss $LOSS %, reorder $REORDER %, seed $SEED"
	${CC:-cc} -std=c11 -O2 -o "$tmp/lossy_relay" \
		"$top/tests/net/manual/lossy_relay.c" || e2e_die "cannot compile lossy_relay"
	e2e_netns netc; cns=$e2e_ns
	ip netns exec "$uns" ip link set tap0 up || e2e_die "cannot bring up tap0"
	e2e_spawn "$uns" "$tmp/relay.log" "$tmp/lossy_relay" tap0 "$cns" tapc \
		"$LOSS" "$REORDER" "$SEED"
	relay=$e2e_last
	e2e_wait_link "$cns" tapc "$relay" "$tmp/relay.log"
	e2e_host_side "$cns" tapc || e2e_die "cannot configure tapc"
fi
e2e_wait_http "$cns" http://10.0.0.2/ "$www" "$tmp/www.log"

chost=10.0.0.2 cport=80
t0=$(date +%s)
BIG_TIMEOUT=${BIG_TIMEOUT:-150} check "10 MiB download intact under loss" big_intact
echo "   ($(( $(date +%s) - t0 )) s)"
check "page under loss" page_is / "$htdocs/index.html"
ten() {
	for i in 1 2 3 4 5 6 7 8 9 10; do
		page_is "/style.css?$i" "$htdocs/style.css" || return 1
	done
}
check "10 requests in a row" ten
check "unikernel still running" e2e_alive "$www" "$tmp/www.log"
if [ -n "$relay" ]; then
	e2e_stop "$relay"
	sed 's/^/   /' "$tmp/relay.log"
	# The link really was bad in both directions.
	lossy() {
		grep "^$1:" "$tmp/relay.log" |
		awk '{ exit !($4 > 0 && $6 > 0) }'
	}
	check "relay dropped and reordered client->unikernel" lossy client-\>unikernel
	check "relay dropped and reordered unikernel->client" lossy unikernel-\>client
fi
e2e_finish
