#!/bin/bash
# xl-prepare.sh ARCH - the production tier's dom0: Debian's Linux kernel
# and an initramfs with busybox, the Xen toolstack (xenstored,
# xenconsoled, xen-init-dom0, xl) and the libraries it needs, all from
# Debian packages of ARCH (amd64 | arm64 | armhf), downloaded once into
# the cache (private apt state, see xen-fetch.sh).  Prints
# "KERNEL INITRD-DIR" (the directory holds the initramfs tree; xl_tier.sh
# adds the unikernels and packs it).
set -e
ARCH=${1:?usage: xl-prepare.sh amd64|arm64|armhf}
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=$("$HERE/xen-fetch.sh" "$ARCH")
D=$CACHE/xl-$ARCH
exec 8>"$CACHE/.xl-$ARCH.lock"
flock 8
if [ -s "$D/ready" ]; then cat "$D/ready"; exit 0; fi
rm -rf "$D"; mkdir -p "$D/debs" "$D/root"
# apt_private and fetch_debs (retries, refreshed lists) from xen-fetch.sh.
MCC_XEN_FETCH_LIB=1 . "$HERE/xen-fetch.sh"
case $ARCH in
amd64) meta=linux-image-amd64; triplet=x86_64-linux-gnu ;;
arm64) meta=linux-image-arm64; triplet=aarch64-linux-gnu ;;
armhf) meta=linux-image-armmp-lpae; triplet=arm-linux-gnueabihf ;;
esac
a=$CACHE/apt-$ARCH
kernel_pkg() {  # the kernel package the meta package points to, today
	apt-cache -q -o Dir::Etc::SourceList="$a/sources.list" -o Dir::Etc::SourceParts="$a/sources.list.d" \
		-o Dir::State="$a/state" -o Dir::State::status="$a/state/status" -o Dir::Cache="$a/cache" \
		-o APT::Architecture="$ARCH" -o APT::Architectures="$ARCH" \
		depends "$meta" | awk '/Depends: linux-image-/ { print $2; exit }'
}
# Twice: fetch_debs refreshes the lists when a download fails, after which
# the kernel package may have a new name.
for try in 1 2; do
	kpkg=$(kernel_pkg)
	[ -n "$kpkg" ] || { echo "cannot resolve $meta" >&2; exit 1; }
	pkgs="$kpkg busybox-static xen-utils-4.17 libxenmisc4.17 libxenstore4 libxentoollog1
 libxencall1 libxenforeignmemory1 libxendevicemodel1 libxenevtchn1 libxengnttab1
 libxentoolcore1 libxenhypfs1 libyajl2 libc6 libgcc-s1 libuuid1 zlib1g liblzma5
 libzstd1 libncurses6 libtinfo6 libext2fs2 libfdt1 libcom-err2 libblkid1"
	rm -f "$D"/debs/*.deb
	# shellcheck disable=SC2046
	fetch_debs "$ARCH" "$D/debs" $(for p in $pkgs; do echo "$p:$ARCH"; done) && break
	[ $try = 2 ] && { echo "cannot download the dom0 packages" >&2; exit 1; }
done
for f in "$D"/debs/*.deb; do dpkg -x "$f" "$D/root"; done
R=$D/initrd
mkdir -p "$R"/{bin,proc,sys,dev,etc/xen,tmp,run,var/log/xen/console,var/lib/xen,var/lib/xenstored,var/run/xen,lib,modules,domus}
cp "$D/root/bin/busybox" "$R/bin/"
cp -a "$D/root/usr/lib/xen-4.17" "$R/xen"
rm -rf "$R"/xen/lib/python* "$R/xen/bin/pygrub"
kver=${kpkg#linux-image-}
M=$D/root/lib/modules/$kver/kernel/drivers/xen
cp "$M"/{xen-evtchn,xen-gntdev,xen-gntalloc,xen-privcmd}.ko "$M/xenfs/xenfs.ko" "$R/modules/"
# Libraries: the NEEDED closure of the tools, looked up in the packages.
mkdir -p "$R/lib/$triplet"
need() { readelf -d "$1" 2>/dev/null | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'; }
findlib() { find "$D/root/lib" "$D/root/usr/lib" "$R/xen/lib" -name "$1" 2>/dev/null | head -1; }
todo=$(for b in xl xenstored xenconsoled xen-init-dom0 libxl-save-helper; do
	[ -e "$R/xen/bin/$b" ] && need "$R/xen/bin/$b"; done | sort -u)
done_libs=""
while [ -n "$todo" ]; do
	next=""
	for l in $todo; do
		case " $done_libs " in *" $l "*) continue ;; esac
		done_libs="$done_libs $l"
		f=$(findlib "$l")
		[ -n "$f" ] || { echo "missing library $l" >&2; exit 1; }
		cp -L "$f" "$R/lib/$triplet/"
		next="$next $(need "$f")"
	done
	todo=$(echo $next | tr ' ' '\n' | sort -u)
done
# The ELF interpreter, where the binaries ask for it.
interp=$(readelf -l "$R/xen/bin/xl" | sed -n 's/.*interpreter: \(.*\)]/\1/p')
mkdir -p "$R/$(dirname "$interp")"
cp -L "$(findlib "$(basename "$interp")")" "$R/$interp"
cp -L "$(findlib libgcc_s.so.1)" "$R/lib/$triplet/"
cp "$HERE/xl-init.sh" "$R/init"
chmod +x "$R/init"
# Keep only the kernel and the initramfs tree (the packages are ~1 GB
# unpacked).
mv "$(ls "$D"/root/boot/vmlinuz-* | head -1)" "$D/vmlinuz"
rm -rf "$D/root" "$D/debs"
echo "$D/vmlinuz $R" > "$D/ready"
cat "$D/ready"
