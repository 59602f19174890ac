#!/bin/sh
# scripts/deps.sh [build|test] - install the Debian 12 packages mcc needs
# that are missing.  Idempotent: installs nothing when all are present.
set -eu
profile=${1:-build}

build_pkgs="gcc make autoconf automake pkg-config flex bison libtcc-dev tcc
uthash-dev libcmocka-dev libxen-dev python3"
test_pkgs="$build_pkgs clang lld libclang-rt-14-dev jq
gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf
qemu-system-x86 qemu-system-arm device-tree-compiler cpio
iproute2 iputils-ping netcat-openbsd curl wrk nginx-light bc"

case $profile in
build) pkgs=$build_pkgs ;;
test) pkgs=$test_pkgs ;;
*) echo "usage: $0 [build|test]" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "mcc: installing:$missing"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
