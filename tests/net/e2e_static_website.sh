#!/bin/sh
# tests/net/e2e_static_website.sh - the static website sample on its own
# TCP/IP stack over tap, checked with ping and curl from a namespace:
# pages, MIME types, redirects, 404, traversal, ETag/304, HEAD,
# keep-alive and pipelining.
. "$(dirname "$0")/e2e_lib.sh"
trap e2e_cleanup EXIT INT TERM
e2e_start || exit 1

get() { in_ns curl -s -m 5 "$@"; }
code() { in_ns curl -s -m 5 --path-as-is -o /dev/null -w '%{http_code}' "$@"; }
check "ping"              in_ns ping -c 3 -i 0.2 -W 2 10.0.0.2
check "GET /"             sh -c "ip netns exec $ns curl -s -m 5 $url/ | cmp - $site/index.html"
check "GET /docs/"        sh -c "ip netns exec $ns curl -s -m 5 $url/docs/ | cmp - $site/docs/index.html"
check "GET /pixel.png"    sh -c "ip netns exec $ns curl -s -m 5 $url/pixel.png | cmp - $site/pixel.png"
check "css type"          sh -c "ip netns exec $ns curl -s -m 5 -o /dev/null -w '%{content_type}' $url/style.css | grep -q '^text/css'"
check "/docs -> 301"      test "$(code $url/docs)" = 301
check "404"               test "$(code $url/missing.html)" = 404
check "traversal"         test "$(code $url/../../etc/passwd)" = 400
check "encoded traversal" test "$(code $url/%2e%2e/%2e%2e/etc/passwd)" = 400
etag=$(get -D - -o /dev/null $url/style.css | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
check "ETag"              test -n "$etag"
check "304"               test "$(code -H "If-None-Match: $etag" $url/style.css)" = 304
check "HEAD length"       sh -c "ip netns exec $ns curl -s -m 5 -I $url/index.html | tr -d '\r' | grep -qx 'Content-Length: $(wc -c < $site/index.html)'"
check "keep-alive"        sh -c "ip netns exec $ns curl -s -m 5 -v $url/ $url/style.css -o /dev/null -o /dev/null 2>&1 | grep -q 'Re-using existing connection'"
check "pipelining"        sh -c "printf 'GET /style.css HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' | ip netns exec $ns nc -w 5 10.0.0.2 $port | grep -c '^HTTP/1.1 ' | grep -qx 2"
bigh=$(head -c 20000 /dev/zero | tr '\0' a)
check "431 big headers"   test "$(code -H "X-Big: $bigh" $url/)" = 431
check "413 big body"      test "$(code -H 'Content-Length: 5000000' --data-binary @/dev/null $url/)" = 413
e2e_finish
