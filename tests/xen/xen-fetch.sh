#!/bin/bash
# xen-fetch.sh [amd64] [arm64] [armhf] - fetch Debian's Xen 4.17 hypervisor
# for each architecture into the cache ($MCC_XEN_CACHE, default
# ~/.cache/mcc-xen) unless it is already there.  Foreign architectures use
# a private apt configuration and state under the cache: the system's apt
# setup and dpkg architectures are not touched.  Prints the cache path.
# Sourced with MCC_XEN_FETCH_LIB=1 (xl-prepare.sh), it only defines
# apt_private and fetch_debs.
set -e
CACHE=${MCC_XEN_CACHE:-$HOME/.cache/mcc-xen}
mkdir -p "$CACHE"

apt_private() {   # apt_private ARCH apt-get-args...
	local arch=$1; shift
	local d=$CACHE/apt-$arch
	mkdir -p "$d/state/lists/partial" "$d/cache/archives/partial" "$d/sources.list.d"
	touch "$d/state/status"
	if [ ! -e "$d/sources.list.d/.copied" ]; then
		cp /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list "$d/sources.list.d/" 2>/dev/null || true
		[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$d/sources.list" || : > "$d/sources.list"
		touch "$d/sources.list.d/.copied"
	fi
	apt-get -q -o Dir::Etc::SourceList="$d/sources.list" \
		-o Dir::Etc::SourceParts="$d/sources.list.d" \
		-o Dir::State="$d/state" -o Dir::State::status="$d/state/status" \
		-o Dir::Cache="$d/cache" -o APT::Architecture="$arch" \
		-o APT::Architectures="$arch" -o APT::Sandbox::User=root \
		-o Acquire::Retries=3 "$@"
}

# fetch_debs ARCH DIR PKG... - download the packages into DIR, robustly:
# apt retries each file; on failure the package lists are refreshed (a
# mirror drops superseded versions) and the whole download is tried
# again, three times, with a growing pause.
fetch_debs() {
	local arch=$1 dir=$2 try; shift 2
	local mark=$CACHE/apt-$arch/state/lists/.updated
	for try in 1 2 3; do
		if [ ! -e "$mark" ]; then
			apt_private "$arch" update >&2 && touch "$mark"
		fi
		[ -e "$mark" ] && (cd "$dir" && apt_private "$arch" download "$@" >&2) && return 0
		echo "xen-fetch: download failed (try $try of 3), refreshing the lists" >&2
		rm -f "$mark"
		sleep $((try * 10))
	done
	return 1
}

[ -n "${MCC_XEN_FETCH_LIB:-}" ] && return 0
[ $# -gt 0 ] || set -- amd64 arm64 armhf
# Tests may run in parallel: one fetcher at a time.
exec 9>"$CACHE/.fetch.lock"
flock 9
for arch in "$@"; do
	out=$CACHE/xen-4.17-$arch
	[ -s "$out" ] && continue
	tmp=$(mktemp -d "$CACHE/fetch.XXXXXX")
	fetch_debs "$arch" "$tmp" "xen-hypervisor-4.17-$arch:$arch" || {
		rm -rf "$tmp"; exit 1; }
	dpkg -x "$tmp"/xen-hypervisor-4.17-*.deb "$tmp/root"
	if [ -f "$tmp/root/boot/xen-4.17-$arch.gz" ]; then
		zcat "$tmp/root/boot/xen-4.17-$arch.gz" > "$out.part"
	else
		cp "$tmp/root/boot/xen-4.17-$arch" "$out.part"
	fi
	mv "$out.part" "$out"
	rm -rf "$tmp"
done
echo "$CACHE"
