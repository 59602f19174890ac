# tests/net/e2e_checks.sh - the static website's checks, the same for
# every stack (sourced after e2e_lib.sh and e2e_site).  Requests are made
# from inside namespace $cns to $chost:$cport; the expected bytes come
# from $htdocs.

# c_get PATH [CURL OPTIONS]: the body, as sent (no path normalisation).
c_get() {
	p=$1; shift
	ip netns exec "$cns" curl -s -m 10 --path-as-is "$@" "http://$chost:$cport$p"
}
# c_code PATH [CURL OPTIONS]: the status code only.
c_code() {
	p=$1; shift
	ip netns exec "$cns" curl -s -m 10 --path-as-is -o /dev/null \
		-w '%{http_code}' "$@" "http://$chost:$cport$p"
}
# c_raw BYTES: send BYTES (printf format) on one connection; the reply.
c_raw() {
	# shellcheck disable=SC2059  # the argument is the format
	printf "$1" | ip netns exec "$cns" nc -N -w 5 "$chost" "$cport"
}

page_is() {  # page_is PATH FILE
	c_get "$1" -o "$tmp/page" || return 1
	cmp "$tmp/page" "$2"
}
type_is() {  # type_is PATH PREFIX
	t=$(c_get "$1" -o /dev/null -w '%{content_type}') || return 1
	echo "content type: $t"
	case $t in "$2"*) ;; *) return 1 ;; esac
}
code_is() {  # code_is PATH CODE [CURL OPTIONS]
	p=$1 want=$2; shift 2
	got=$(c_code "$p" "$@")
	echo "$p: $got, want $want"
	[ "$got" = "$want" ]
}
redirect_ok() {
	h=$(c_get /docs -D - -o /dev/null | tr -d '\r')
	echo "$h"
	echo "$h" | grep -q '^HTTP/1.1 301' &&
	echo "$h" | grep -qi '^location: /docs/$'
}
etag_304() {
	etag=$(c_get /style.css -D - -o /dev/null | tr -d '\r' |
	       sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
	echo "etag: $etag"
	[ -n "$etag" ] && code_is /style.css 304 -H "If-None-Match: $etag"
}
head_length() {
	h=$(c_get /index.html -I | tr -d '\r')
	echo "$h"
	echo "$h" | grep -qix "content-length: $(wc -c <"$htdocs/index.html" | tr -d ' ')"
}
keep_alive() {
	ip netns exec "$cns" curl -s -m 10 -v -o /dev/null -o /dev/null \
		"http://$chost:$cport/" "http://$chost:$cport/style.css" 2>&1 |
	grep -q 'Re-using existing connection'
}
pipelined() {
	n=$(c_raw 'GET /style.css HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' |
	    grep -c '^HTTP/1.1 ')
	echo "$n responses"
	[ "$n" = 2 ]
}
# big_intact [CURL OPTIONS]: the 10 MiB file, byte for byte.
big_intact() {
	c_get /big.bin -m "${BIG_TIMEOUT:-40}" -o "$tmp/big.got" "$@" || return 1
	got=$(sha256sum <"$tmp/big.got" | cut -d' ' -f1)
	echo "size $(wc -c <"$tmp/big.got"), sha256 $got, want $big_sha"
	rm -f "$tmp/big.got"
	[ "$got" = "$big_sha" ]
}
concurrent() {  # 64 requests, 16 at a time
	seq 1 64 | xargs -P 16 -I{} ip netns exec "$cns" curl -s -m 10 \
		-o /dev/null -w '%{http_code}\n' "http://$chost:$cport/index.html?{}" \
		>"$tmp/conc"
	sort "$tmp/conc" | uniq -c
	[ "$(grep -c '^200$' "$tmp/conc")" = 64 ]
}

# not_served PATH: no 2xx, and neither the secret beside htdocs nor a
# line of /etc/passwd in the answer: the request stayed in the kv_ro.
not_served() {
	c_get "$1" -D "$tmp/hdr" -o "$tmp/body"
	st=$(sed -n '1s/^HTTP\/1\.[01] \([0-9]*\).*/\1/p' "$tmp/hdr")
	echo "$1: status ${st:-none}"
	case $st in 400|404) ;; *) return 1 ;; esac
	! grep -q -e "$secret" -e 'root:' "$tmp/body"
}
# raw_not_served REQUEST-LINE-TARGET: the same with a target curl would
# not send as is (no leading '/', absolute form).
raw_not_served() {
	c_raw "GET $1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" >"$tmp/raw"
	head -1 "$tmp/raw"
	head -1 "$tmp/raw" | grep -q '^HTTP/1.1 4' &&
	! grep -q -e "$secret" -e 'root:' "$tmp/raw"
}

# site_checks NS HOST PORT: everything above.
site_checks() {
	cns=$1 chost=$2 cport=$3
	check "GET /"               page_is / "$htdocs/index.html"
	check "GET /docs/"          page_is /docs/ "$htdocs/docs/index.html"
	check "GET /docs/config.html" page_is /docs/config.html "$htdocs/docs/config.html"
	check "GET /pixel.png"      page_is /pixel.png "$htdocs/pixel.png"
	check "text/css type"       type_is /style.css text/css
	check "image/svg+xml type"  type_is /logo.svg image/svg+xml
	check "/docs -> 301 /docs/" redirect_ok
	check "404"                 code_is /missing.html 404
	check "ETag and 304"        etag_304
	check "HEAD length"         head_length
	check "405 for POST"        code_is /index.html 405 -X POST
	check "keep-alive"          keep_alive
	check "pipelining"          pipelined
	check "64 requests, 16 at once" concurrent
	check "10 MiB download, sha256" big_intact
	for t in /../../etc/passwd /../secret.txt /%2e%2e/secret.txt \
		/%2E%2E/%2E%2E/etc/passwd /..%2fsecret.txt /%2e%2e%2fsecret.txt \
		/docs/../../secret.txt /docs/%2e%2e/%2e%2e/etc/passwd \
		/./../secret.txt /.%2e/secret.txt /..%5csecret.txt \
		'/..\secret.txt' /%252e%252e/secret.txt //etc/passwd \
		/%2fetc%2fpasswd /secret.txt%00 /..%00/secret.txt \
		/docs/..%2f..%2fsecret.txt /escape.txt /etc/passwd; do
		check "traversal $t" not_served "$t"
	done
	for t in ../secret.txt http://x/../secret.txt \
		'http://x/%2e%2e/etc/passwd' '*'; do
		check "traversal (raw) $t" raw_not_served "$t"
	done
	bigh=$(head -c 20000 /dev/zero | tr '\0' a)
	check "431 big headers"     code_is / 431 -H "X-Big: $bigh"
	check "413 big body"        code_is / 413 -H 'Content-Length: 5000000' --data-binary @/dev/null
}
