#!/bin/sh
# tests/net/e2e_netem.sh - a few MB through the unikernel's TCP over a
# lossy, delayed, reordering link (tc netem on both directions of tap0:
# egress directly, ingress through an ifb device), verified byte for
# byte.  LOSS (5%) and DELAY (10ms) can be overridden.
. "$(dirname "$0")/e2e_lib.sh"
LOSS=${LOSS:-5%}
DELAY=${DELAY:-10ms}
big=$site/.e2e_big.bin
trap 'rm -f "$big"; e2e_cleanup' EXIT INT TERM
head -c 3000000 /dev/urandom > "$big"
e2e_start || exit 1
if ! in_ns tc qdisc add dev tap0 root netem loss "$LOSS" delay "$DELAY" 5ms; then
	echo "SKIP: this kernel has no netem (sch_netem)"
	exit 77
fi
if in_ns ip link add ifb0 type ifb 2>/dev/null; then
	in_ns ip link set ifb0 up
	in_ns tc qdisc add dev tap0 handle ffff: ingress
	in_ns tc filter add dev tap0 parent ffff: matchall action mirred egress redirect dev ifb0
	in_ns tc qdisc add dev ifb0 root netem loss "$LOSS" delay "$DELAY"
else
	echo "note: no ifb module, loss on the host->unikernel side only"
fi
check "3 MB download intact" sh -c "ip netns exec $ns curl -s -m 120 $url/.e2e_big.bin | cmp - $big"
check "page under loss"      sh -c "ip netns exec $ns curl -s -m 30 $url/ | cmp - $site/index.html"
check "10 requests"          sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do ip netns exec $ns curl -s -m 30 -o /dev/null $url/style.css || exit 1; done"
e2e_finish
