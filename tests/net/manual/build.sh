#!/bin/sh
# tests/net/manual/build.sh - compile serve_dir (and the sample's
# dispatch.c) straight from the runtime sources, without autotools.
set -e
top=$(cd "$(dirname "$0")/../../.." && pwd)
out=${OUT:-/tmp/mcc-net-manual}
mkdir -p "$out"
rt=$top/runtime
${CC:-cc} -std=c11 -O2 -g -Wall -Wextra ${CFLAGS} \
	-I"$rt/include" -I"$rt" -o "$out/serve_dir" \
	"$top/tests/net/manual/serve_dir.c" \
	"$top/samples/static_website/dispatch.c" \
	"$rt"/net/checksum.c "$rt"/net/ethif.c "$rt"/net/arp.c \
	"$rt"/net/arp_table.c "$rt"/net/ipv4.c "$rt"/net/ipv4_wire.c \
	"$rt"/net/ipv4_reasm.c "$rt"/net/ipv4_addr.c "$rt"/net/udp.c \
	"$rt"/net/udp_wire.c "$rt"/net/tcp.c "$rt"/net/tcp_wire.c \
	"$rt"/net/tcp_core.c "$rt"/net/tcp_input.c "$rt"/net/tcp_output.c \
	"$rt"/net/stack.c "$rt"/net/dhcp.c "$rt"/net/dhcp_wire.c \
	"$rt"/http/conduit.c "$rt"/http/server.c "$rt"/http/response.c \
	"$rt"/http/http_parse.c "$rt"/http/http_path.c "$rt"/http/http_util.c \
	"$rt"/http/http_kv.c \
	"$rt"/core/sched.c "$rt"/core/fmt.c "$rt"/core/mem.c \
	"$rt"/core/strerror.c "$rt"/core/flow_util.c "$rt"/core/kvpath.c \
	"$rt"/core/sha256.c \
	"$rt"/unix/ctx.c "$rt"/unix/platform.c "$rt"/unix/io.c \
	"$rt"/unix/console.c "$rt"/unix/direct_kv.c "$rt"/unix/tap.c
echo "$out/serve_dir"
