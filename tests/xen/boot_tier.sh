#!/bin/bash
# boot_tier.sh TIER - boot the test unikernels (tests/xen/apps) on one
# tier and check what they print:
#   x86-microvm   x86_64 PVH image under QEMU's PVH loader, no Xen
#   x86-dom0      x86_64 PVH image as the PVH dom0 of real Xen 4.17
#   arm64         arm64 Image as a dom0less domU of arm64 Xen 4.17
#   arm-on-arm64  32-bit zImage as a dom0less domU of arm64 Xen
#   arm           32-bit zImage as a dom0less domU of armhf Xen (Cortex-A7)
# Checks: expected output, a key from the command line, an error status
# stopping the domain visibly, a CPU fault's register dump, crunch kv_ro,
# clock/random, and a corrupted image header refused (Xen tiers).
# Exit 0 when all pass, 1 otherwise, 77 when QEMU is not installed.
# MCC_XEN_VERBOSE=1 prints each guest's output.
. "$(dirname "$0")/lib.sh"
TIER=${1:?usage: boot_tier.sh TIER}
case $TIER in
x86-*) ARCH=x86_64; xen_setup qemu-system-x86_64 ;;
arm64) ARCH=arm64; xen_setup qemu-system-aarch64 dtc ;;
arm-on-arm64) ARCH=arm; xen_setup qemu-system-aarch64 dtc ;;
arm) ARCH=arm; xen_setup qemu-system-arm dtc ;;
*) echo "unknown tier $TIER"; exit 2 ;;
esac
[ -z "$MCC_XEN_BUILD" ] && trap 'rm -rf "$BUILD"' EXIT
ADDR=0x42000000
TMO=${MCC_XEN_TIMEOUT:-60}

# run APP CMDLINE EXPECT [IMAGE] - boot APP on the tier; rc of boot().
run() {
	local app=$1 args=$2 expect=$3 img=${4:-}
	[ -n "$img" ] || img=$(build_app "$app" "$ARCH") || return 1
	local log=$BUILD/$TIER-$app.log
	case $TIER in
	x86-microvm) qemu_x86_microvm "$img" "$args" ;;
	x86-dom0) qemu_x86_dom0 "$img" "$args" ;;
	arm64|arm-on-arm64)
		mkdtb arm64 "$img" $ADDR "$args" "$BUILD/$app.dtb"
		qemu_a64 "$BUILD/$app.dtb" "$img" $ADDR ;;
	arm)
		mkdtb armhf "$img" $ADDR "$args" "$BUILD/$app.dtb"
		qemu_a32 "$BUILD/$app.dtb" "$img" $ADDR ;;
	esac
	boot "$log" "$expect" "$TMO" -- "${QEMU[@]}"
	local rc=$?
	[ -n "$MCC_XEN_VERBOSE" ] && grep -av '^(XEN) [^D]' "$log" | sed "s/^/  [$app] /"
	LOG=$log
	return $rc
}
has() { grep -aEq "$1" "$LOG"; }

FIRST='hello 1/2' run hello "count=2 --mcc-boot-stats" 'hello: done|exit status'
rc=$?
check "$TIER hello: boots and prints" [ $rc = 0 ]
check "$TIER hello: key count=2 from the command line" has 'hello 2/2'
check "$TIER hello: sleeps between lines (>= 1 s)" [ "$(echo "$BOOT_TIME >= 1" | bc)" = 1 ]
echo "INFO: $TIER hello: first guest line after ${FIRST_TIME:-?} s, done after $BOOT_TIME s; $(grep -ao 'entry to first job [0-9]* us' "$LOG" | head -1)"

run fail "status=5" 'mcc: exit status 5([^0-9]|$)'
check "$TIER fail: error status printed" [ $? = 0 ]
case $TIER in
x86-dom0) sleep 0.5; check "$TIER fail: Xen reports dom0 crashed" has 'Dom0 crashed' ;;
esac

run fault "" 'mcc: exit status'
check "$TIER fault: stops the domain" [ $? = 0 ]
check "$TIER fault: register dump" has 'mcc: CPU exception'
check "$TIER fault: registers printed" has '(rip|pc|elr)=0x[0-9a-f]+'
check "$TIER fault: the NULL address reported" has '(cr2|far|dfar)=0x0000000000000000'

run kv "" 'kv: done|exit status'
check "$TIER kv: crunched file read" has 'kv: secret.txt \(17 bytes\): the secret is 42'
check "$TIER kv: digest and listing" has 'kv: entry www \(dir\)'

run clock "" 'clock: done|exit status'
check "$TIER clock: monotonic, random, float" has 'clock: done'

if [ "$TIER" != x86-microvm ]; then
	# Corrupt the image's header: Xen must refuse to build the domain.
	img=$(build_app hello "$ARCH") || exit 1
	bad=$BUILD/bad-$ARCH.xen
	cp "$img" "$bad"
	case $ARCH in
	x86_64) printf 'XXXX' | dd of="$bad" bs=1 seek=0 conv=notrunc 2>/dev/null ;;   # ELF magic
	arm64) printf 'XXXX' | dd of="$bad" bs=1 seek=56 conv=notrunc 2>/dev/null ;;   # "ARM\x64"
	arm) printf 'XXXX' | dd of="$bad" bs=1 seek=36 conv=notrunc 2>/dev/null ;;     # zImage magic
	esac
	FAIL_RE='^$x' run hello "" 'Panic on CPU|Could not|hello: done' "$bad"
	check "$TIER corrupted header refused" eval '! has "hello: done" && has "Panic on CPU|Could not"'
fi

echo "$TIER: $FAILS failure(s)"
[ $FAILS = 0 ]
