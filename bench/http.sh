#!/bin/sh
# bench/http.sh - requests per second and latency of the static website
# unikernel against nginx, with wrk, in one run:
#
#   nginx   Debian's nginx, one worker, access log off, same files
#   socket  samples/static_website on the host socket stack (mcc build)
#   direct  the same on our own TCP/IP stack over a tap device
#           (mcc build -k net=direct -k ipv4_address=10.0.0.2/24)
#
# nginx and socket are measured on 127.0.0.1, direct on 10.0.0.2 over the
# tap, all inside a private network namespace; a 1 KiB and a 100 KiB file,
# with 1, 64 and 256 connections (keep-alive).  Each server is pinned to
# CPU 0 and wrk (one thread) to CPU 1 when there are two CPUs.
#
#   MCC=build/mcc bench/http.sh              (as root)
#   DUR=10 CONNS="1 64 256" FILES="1k 100k" SERVERS="nginx socket direct"
#
# Prints one table row per measurement: req/s counts 2xx answers only
# (non2xx: 503s of a server at its connection limit; sockerr: wrk's
# socket errors); latency percentiles in ms; ratio is socket/nginx for
# socket rows and direct/socket for direct rows (req/s).  Goal: socket >= nginx on the
# 1 KiB file.  The raw wrk outputs stay in $OUT (default: a temporary
# directory, removed unless KEEP=1).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
MCC=${MCC:-./mcc}
case $MCC in /*) ;; *) MCC=$(pwd)/$MCC ;; esac
DUR=${DUR:-10}
CONNS=${CONNS:-1 64 256}
FILES=${FILES:-1k 100k}
SERVERS=${SERVERS:-nginx socket direct}
PORT=${PORT:-8080}

[ "$(id -u)" = 0 ] || { echo "bench/http.sh: needs root (netns, tap)"; exit 77; }
for t in wrk nginx curl ip; do
	command -v $t >/dev/null || { echo "bench/http.sh: $t not found"; exit 2; }
done
[ -x "$MCC" ] || { echo "bench/http.sh: no compiler at $MCC (set MCC)"; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mcc-bench-http.XXXXXX") || exit 2
OUT=${OUT:-$tmp/wrk}
mkdir -p "$OUT"
ns=mccbench$$
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	if [ -n "${KEEP:-}" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if [ "$(nproc)" -ge 2 ]; then srv_cpu="taskset -c 0" wrk_cpu="taskset -c 1"
else srv_cpu="" wrk_cpu=""; fi
in_ns() { ip netns exec "$ns" "$@"; }

# The site: the sample's files plus the two measured ones.
site=$tmp/site
cp -R "$top/samples/static_website" "$site" && chmod -R u+w "$site" || exit 2
rm -rf "$site/_build"
head -c 1024 /dev/urandom >"$site/htdocs/1k.bin"
head -c 102400 /dev/urandom >"$site/htdocs/100k.bin"

ip netns add "$ns" || { echo "bench/http.sh: cannot create a namespace"; exit 77; }
in_ns ip link set lo up

build() {  # build OUTDIR KEY=VALUE...
	o=$1; shift
	ks=""
	for k in "$@"; do ks="$ks -k $k"; done
	# shellcheck disable=SC2086
	env -u CFLAGS "$MCC" build -o "$o" $ks "$site/config.mcfg" >"$o.log" 2>&1 ||
		{ cat "$o.log"; echo "bench/http.sh: mcc build failed"; exit 2; }
}
build "$tmp/socket"
build "$tmp/direct" net=direct ipv4_address=10.0.0.2/24

cat >"$tmp/nginx.conf" <<EOF
user root;
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx.err;
events { worker_connections 4096; }
http {
	include /etc/nginx/mime.types;
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	client_body_temp_path $tmp/nginx-body;
	proxy_temp_path $tmp/nginx-proxy;
	fastcgi_temp_path $tmp/nginx-fcgi;
	uwsgi_temp_path $tmp/nginx-uwsgi;
	scgi_temp_path $tmp/nginx-scgi;
	server {
		listen 127.0.0.1:$PORT;
		root $site/htdocs;
	}
}
EOF

wait_up() {  # wait_up URL
	i=0
	until in_ns curl -s -m 1 -o /dev/null "$1"; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 "$pid" 2>/dev/null; then
			echo "bench/http.sh: $1 never answered"; cat "$tmp/server.log"; exit 2
		fi
		sleep 0.1
	done
}

start() {  # start SERVER: run it in the namespace; sets pid and base
	case $1 in
	nginx)
		# shellcheck disable=SC2086
		ip netns exec "$ns" $srv_cpu nginx -c "$tmp/nginx.conf" >"$tmp/server.log" 2>&1 &
		base=http://127.0.0.1:$PORT ;;
	socket)
		# shellcheck disable=SC2086
		ip netns exec "$ns" $srv_cpu "$tmp/socket/www" --port=$PORT >/dev/null 2>"$tmp/server.log" &
		base=http://127.0.0.1:$PORT ;;
	direct)
		# shellcheck disable=SC2086
		ip netns exec "$ns" $srv_cpu "$tmp/direct/www" --port=80 >/dev/null 2>"$tmp/server.log" &
		base=http://10.0.0.2
		i=0
		until in_ns ip link show tap0 >/dev/null 2>&1; do
			i=$((i + 1)); [ $i -le 100 ] || { echo "no tap0"; exit 2; }; sleep 0.05
		done
		in_ns ip addr add 10.0.0.1/24 dev tap0
		in_ns ip link set tap0 up ;;
	esac
	pid=$!
	wait_up "$base/index.html"
}

stop() {
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	pid=
	in_ns ip link del tap0 2>/dev/null
	sleep 0.5        # let TIME_WAIT connections and the port settle
}

# ms VALUE: wrk's "1.23ms" / "850.00us" / "1.02s" in milliseconds.
ms() {
	echo "$1" | awk '{ v = $1 + 0
		if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /ms$/) v += 0;
		else if ($1 ~ /s$/) v *= 1000
		printf "%.2f", v }'
}

# Requests/s of the reference for the ratio column, by file and conns.
ref_file=$tmp/ref
: >"$ref_file"
printf '%-7s %-5s %5s %10s %8s %8s %8s %7s %7s %7s\n' \
	server file conns req/s p50ms p90ms p99ms non2xx sockerr ratio
for s in $SERVERS; do
	start "$s"
	for f in $FILES; do
		in_ns curl -s -o "$tmp/check" "$base/$f.bin"
		cmp -s "$tmp/check" "$site/htdocs/$f.bin" ||
			{ echo "bench/http.sh: $s serves a wrong $f.bin"; exit 2; }
		for c in $CONNS; do
			o=$OUT/$s-$f-$c.txt
			# shellcheck disable=SC2086
			in_ns $wrk_cpu wrk -t1 -c"$c" -d"${DUR}s" --latency \
				"$base/$f.bin" >"$o" 2>&1
			# Only 2xx answers count: a server that sheds load with
			# 503 is fast but not serving.
			rps=$(awk '/^Requests\/sec:/ { r = $2 } / requests in / { n = $1 }
				   /Non-2xx/ { bad = $NF }
				   END { if (n > 0) r *= (n - bad) / n; printf "%.0f", r }' "$o")
			non2xx=$(awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$o")
			p50=$(ms "$(awk '$1 == "50%" { print $2 }' "$o")")
			p90=$(ms "$(awk '$1 == "90%" { print $2 }' "$o")")
			p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$o")")
			err=$(awk '/Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 }
				   END { print n + 0 }' "$o")
			echo "$s $f $c ${rps:-0}" >>"$ref_file"
			case $s in socket) r=nginx ;; direct) r=socket ;; *) r= ;; esac
			ratio=-
			if [ -n "$r" ]; then
				ref=$(awk -v s="$r" -v f="$f" -v c="$c" \
					'$1 == s && $2 == f && $3 == c { print $4 }' "$ref_file")
				[ -n "$ref" ] && [ "$ref" -gt 0 ] &&
					ratio=$(awk -v a="${rps:-0}" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
			fi
			printf '%-7s %-5s %5s %10s %8s %8s %8s %7s %7s %7s\n' \
				"$s" "$f" "$c" "${rps:-0}" "$p50" "$p90" "$p99" \
				"$non2xx" "$err" "$ratio"
		done
	done
	stop
done
echo "ratio: socket/nginx for socket rows, direct/socket for direct rows"
