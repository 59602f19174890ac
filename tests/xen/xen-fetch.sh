#!/bin/bash
# xen-fetch.sh [amd64] [arm64] [armhf] - fetch Debian's Xen 4.17 hypervisor
# for each architecture into the cache ($MCC_XEN_CACHE, default
# ~/.cache/mcc-xen) unless it is already there.  Foreign architectures use
# a private apt configuration and state under the cache: the system's apt
# setup and dpkg architectures are not touched.  Prints the cache path.
set -e
CACHE=${MCC_XEN_CACHE:-$HOME/.cache/mcc-xen}
mkdir -p "$CACHE"
[ $# -gt 0 ] || set -- amd64 arm64 armhf
# Tests may run in parallel: one fetcher at a time.
exec 9>"$CACHE/.fetch.lock"
flock 9

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
		-o APT::Architectures="$arch" -o APT::Sandbox::User=root "$@"
}

for arch in "$@"; do
	out=$CACHE/xen-4.17-$arch
	[ -s "$out" ] && continue
	tmp=$(mktemp -d "$CACHE/fetch.XXXXXX")
	if [ ! -e "$CACHE/apt-$arch/state/lists/.updated" ]; then
		apt_private "$arch" update >&2
		touch "$CACHE/apt-$arch/state/lists/.updated"
	fi
	(cd "$tmp" && apt_private "$arch" download "xen-hypervisor-4.17-$arch:$arch" >&2)
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
