#!/bin/sh
# bench/http.sh - requests per second of the static website unikernel on
# its own TCP/IP stack: the unikernel runs on tap0 inside a private
# network namespace and wrk runs there too (no traffic leaves it).
#
#   bench/http.sh [DURATION [CONNECTIONS [THREADS]]]    (default 10 64 2)
#
# Builds samples/static_website with `mcc build -k net=direct` (set MCC
# to the compiler), or with MCC_E2E_MANUAL=1 uses the hand-instantiated
# tests/net/manual/serve_dir (same runtime code).  Needs root and wrk.
dur=${1:-10}
conns=${2:-64}
threads=${3:-2}
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/net/e2e_lib.sh"
trap e2e_cleanup EXIT INT TERM
command -v wrk >/dev/null || { echo "wrk not found"; exit 2; }
e2e_start || exit 1
echo "== small page, keep-alive ($conns connections, $threads threads, ${dur}s)"
in_ns wrk -t"$threads" -c"$conns" -d"${dur}s" --latency "$url/index.html"
echo "== new connection per request"
in_ns wrk -t"$threads" -c"$conns" -d"${dur}s" -H 'Connection: close' "$url/style.css"
echo "== conditional GET (304)"
etag=$(in_ns curl -s -D - -o /dev/null "$url/style.css" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
in_ns wrk -t"$threads" -c"$conns" -d"${dur}s" -H "If-None-Match: $etag" "$url/style.css"
e2e_finish
