#!/bin/sh
# tests/net/e2e_socket_website.sh - the static website on the host socket
# stack (the default on Unix), on 127.0.0.1 inside a private namespace:
# first the executable from `mcc build', then the same config through
# `mcc run' (libtcc, in memory), each with every check of e2e_checks.sh
# (pages, 10 MiB download by SHA-256, path traversal, ...).
. "$(dirname "$0")/e2e_lib.sh"
. "$(dirname "$0")/e2e_checks.sh"
e2e_need_root
e2e_netns sock; ns=$e2e_ns
e2e_site
port=$((20000 + $$ % 20000))   # the namespace is private; vary it anyway

e2e_build "$site/config.mcfg" "$tmp/out"
e2e_spawn "$ns" "$tmp/www.log" "$tmp/out/www" --port=$port
www=$e2e_last
e2e_wait_http "$ns" "http://127.0.0.1:$port/" "$www" "$tmp/www.log"
echo "== mcc build, socket stack, 127.0.0.1:$port"
site_checks "$ns" 127.0.0.1 $port
check "executable still running" e2e_alive "$www" "$tmp/www.log"
e2e_stop "$www"

port=$((port + 1))
e2e_spawn "$ns" "$tmp/run.log" "$MCC" run "$site/config.mcfg" -- --port=$port
run=$e2e_last
e2e_wait_http "$ns" "http://127.0.0.1:$port/" "$run" "$tmp/run.log"
echo "== mcc run, socket stack, 127.0.0.1:$port"
site_checks "$ns" 127.0.0.1 $port
check "mcc run still running" e2e_alive "$run" "$tmp/run.log"
e2e_finish
