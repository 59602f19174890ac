#!/bin/bash
# boot_tier.sh TIER - build unikernels with `mcc build -t xen-...` and boot
# them on one tier, checking what they print:
#   x86-microvm   x86_64 PVH image under QEMU's PVH loader, no Xen
#   x86-dom0      x86_64 PVH image as the PVH dom0 of real Xen 4.17
#   arm64         arm64 Image as a dom0less domU of arm64 Xen 4.17
#   arm-on-arm64  32-bit zImage as a dom0less domU of arm64 Xen
#   arm           32-bit zImage as a dom0less domU of armhf Xen (Cortex-A7)
# The samples hello, kv_ro and clock, and the test apps (tests/xen/apps)
# fail (an error status stops the domain visibly), fault (a CPU fault's
# register dump), clock (random, float) and kv (crunch listing).  The
# dom0less domUs get 4 MiB of memory ($MEM_KB).  On the Xen tiers an
# image with a corrupted header must be refused.
# Needs mcc ($MCC, else ./mcc, else build/mcc; see lib.sh).
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
mcc_bin >/dev/null || { echo "FAIL: $TIER: no mcc"; exit 1; }
[ -z "$MCC_XEN_BUILD" ] && trap 'rm -rf "$BUILD"' EXIT
ADDR=0x42000000
TMO=${MCC_XEN_TIMEOUT:-60}
T0=$(now)

# run APP CMDLINE EXPECT [IMAGE] - boot APP on the tier (building it with
# mcc unless IMAGE is given); rc of boot().  The guest's last line is
# "mcc: exit status N" whatever the status.
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
# count ERE - how many lines of the guest's output are exactly ERE, after
# the prefix Xen puts on a guest's console_io output ("(XEN) DOM1: ",
# "(d0) ").
GUEST='(\(XEN\) )?(DOM[0-9]+: |\(d[0-9]+\) )?'

count() { grep -aEc "^$GUEST($1)"$'\r'"*\$" "$LOG"; }
DONE='mcc: exit status [0-9]+'

FIRST='hello' run hello "--count=2 --mcc-boot-stats" "$DONE"
rc=$?
check "$TIER hello: boots and prints" [ $rc = 0 ]
check "$TIER hello: key --count=2 from the command line" [ "$(count hello)" = 2 ]
check "$TIER hello: exit status 0 at the end" has 'mcc: exit status 0'
check "$TIER hello: sleeps between lines (>= 1 s)" [ "$(echo "$BOOT_TIME >= 1" | bc)" = 1 ]
echo "INFO: $TIER hello: first guest line after ${FIRST_TIME:-?} s, done after $BOOT_TIME s; $(grep -ao 'entry to first job [0-9]* us' "$LOG" | head -1)"

run kv_ro "" "$DONE"
check "$TIER kv_ro: crunched file read" has 'crunch: 18 bytes, sha256 [0-9a-f]{16}\.\.\.: the cake is a lie'
check "$TIER kv_ro: second store" has 'direct: 18 bytes, sha256 [0-9a-f]{16}\.\.\.: the cake is a lie'
check "$TIER kv_ro: ok, status 0" eval 'has "kv_ro ok" && has "mcc: exit status 0"'

run clock "" "$DONE"
check "$TIER clock: posix and monotonic time" eval 'has "posix time: [0-9]+\.[0-9]{9} s since 1970" && has "monotonic: [0-9]+ ns"'
check "$TIER clock: monotonic advances across a sleep" eval 'has "slept 100 ms: monotonic advanced [0-9]+ ms" && has "mcc: exit status 0"'

run fail "--status=5" "$DONE"
check "$TIER fail: error status printed" has 'mcc: exit status 5([^0-9]|$)'
if [ $TIER = x86-dom0 ]; then
	sleep 0.5; check "$TIER fail: Xen reports dom0 crashed" has 'Dom0 crashed'
fi

run fault "" "$DONE"
check "$TIER fault: stops the domain" [ $? = 0 ]
check "$TIER fault: register dump" has 'mcc: CPU exception'
check "$TIER fault: registers printed" has '(rip|pc|elr)=0x[0-9a-f]+'
check "$TIER fault: the NULL address reported" has '(cr2|far|dfar)=0x0000000000000000'

run kv "" "$DONE"
check "$TIER kv: crunched file read" has 'kv: secret.txt \(17 bytes\): the secret is 42'
check "$TIER kv: digest and listing" eval 'has "kv: www/index.html sha256 [0-9a-f]{64}" && has "kv: entry www \(dir\)"'

run clockrf "" "$DONE"
check "$TIER clockrf: monotonic, random, float" has 'clock: done'

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
	FAIL_RE='^$x' run bad-header "" "Panic on CPU|Could not|$DONE" "$bad"
	check "$TIER corrupted header refused" eval '[ "$(count hello)" = 0 ] && has "Panic on CPU|Could not"'
fi

echo "INFO: $TIER: all boots took $(printf '%.1f' "$(echo "$(now) - $T0" | bc)") s"
echo "$TIER: $FAILS failure(s)"
[ $FAILS = 0 ]
