#!/bin/sh
# tests/net/e2e_static_website.sh - the static website on our own TCP/IP
# stack (`mcc build -k net=direct -k ipv4_address=10.0.0.2/24') over a tap
# device inside a private namespace, driven by curl, nc and ping from
# that namespace (10.0.0.1 on the tap): ping, pages, types, redirects,
# 404/405/413/431, ETag/304, HEAD, keep-alive, pipelining, concurrency,
# a 10 MiB download checked by SHA-256, and path traversal attempts.
. "$(dirname "$0")/e2e_lib.sh"
. "$(dirname "$0")/e2e_checks.sh"
e2e_need_root
e2e_netns web; ns=$e2e_ns
e2e_site
e2e_build "$site/config.mcfg" "$tmp/out" net=direct ipv4_address=10.0.0.2/24
e2e_spawn "$ns" "$tmp/www.log" "$tmp/out/www" --port=80
www=$e2e_last
e2e_wait_link "$ns" tap0 "$www" "$tmp/www.log"
e2e_host_side "$ns" tap0 || e2e_die "cannot configure tap0"
e2e_wait_http "$ns" http://10.0.0.2/ "$www" "$tmp/www.log"

check "ping 10.0.0.2" ip netns exec "$ns" ping -c 3 -i 0.2 -W 2 10.0.0.2
site_checks "$ns" 10.0.0.2 80
check "unikernel still running" e2e_alive "$www" "$tmp/www.log"
e2e_finish
