#!/bin/sh
# tests/net/build.sh - build and run the net unit tests by hand (outside
# automake), optionally with sanitizers:  CC=clang SAN=1 tests/net/build.sh
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-/tmp/mcc-net-tests}
mkdir -p "$out"
CC=${CC:-gcc}
CFLAGS="-std=c11 -g -O1 -Wall -Wextra -I$top/runtime/include -I$top/runtime -I$top/tests/net"
[ -n "$SAN" ] && CFLAGS="$CFLAGS -fsanitize=address,undefined -fno-sanitize-recover=all"
rt=$top/runtime
plat=$top/tests/net/net_test_plat.c
TCP="$rt/net/checksum.c $rt/net/tcp_wire.c $rt/net/tcp_core.c $rt/net/tcp_input.c $rt/net/tcp_output.c"
IP="$rt/net/checksum.c $rt/net/ipv4_wire.c $rt/net/ipv4_reasm.c $rt/net/ipv4_addr.c"
build() { name=$1; shift; $CC $CFLAGS -o "$out/$name" "$@" $plat -lcmocka; }
build test_tcp_core $top/tests/net/test_tcp_core.c $TCP
build test_tcp_link $top/tests/net/test_tcp_link.c $TCP
build test_ipv4 $top/tests/net/test_ipv4.c $IP
build test_arp $top/tests/net/test_arp.c $rt/net/arp_table.c
build test_udp $top/tests/net/test_udp.c $rt/net/udp_wire.c $rt/net/checksum.c
build test_dhcp $top/tests/net/test_dhcp.c $rt/net/dhcp_wire.c
build test_http_parse $top/tests/net/test_http_parse.c $rt/http/http_parse.c $rt/http/http_path.c $rt/http/http_util.c
HTTP="$rt/http/http_parse.c $rt/http/http_path.c $rt/http/http_util.c $rt/http/response.c $rt/http/http_kv.c"
$CC $CFLAGS -o "$out/test_http_util" $top/tests/net/test_http_util.c $HTTP \
	$rt/core/fmt.c $rt/core/mem.c -lcmocka
# The whole stack on the real scheduler: no test platform here.
$CC $CFLAGS -o "$out/test_stack_mem" $top/tests/net/test_stack_mem.c \
	$rt/net/*.c $rt/http/conduit.c $rt/http/server.c $HTTP \
	$rt/core/sched.c $rt/core/fmt.c $rt/core/mem.c $rt/core/strerror.c \
	$rt/unix/ctx.c $rt/unix/platform.c $rt/unix/io.c -lcmocka
fail=0
for t in test_tcp_core test_tcp_link test_ipv4 test_arp test_udp test_dhcp test_http_parse test_http_util test_stack_mem; do
	"$out/$t" || fail=1
done
exit $fail
