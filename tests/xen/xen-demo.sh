#!/bin/bash
# tests/xen/xen-demo.sh - build samples/hello for the three Xen targets
# with mcc and boot each on real Xen 4.17 under QEMU (TCG; no KVM needed):
#   xen-x86    as the PVH dom0 of x86_64 Xen
#   xen-arm64  as a dom0less domU (4 MiB) of arm64 Xen
#   xen-arm    as a dom0less domU (4 MiB) of armhf Xen on a Cortex-A7
# Installs missing Debian packages (scripts/deps.sh test), builds mcc
# (scripts/build.sh) when build/mcc is missing, and downloads Debian's
# Xen hypervisors once (~10 MB, cached in ~/.cache/mcc-xen).  The images
# land in samples/hello/_build/TARGET/ (hello.xen, hello.xl, hello.xml).
# Usage: tests/xen/xen-demo.sh [--count=N]

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
"$top/scripts/deps.sh" test || exit 1
[ -n "${MCC:-}" ] || [ -x "$top/build/mcc" ] || "$top/scripts/build.sh" || exit 1
. "$here/lib.sh"
xen_setup qemu-system-x86_64 qemu-system-aarch64 qemu-system-arm dtc
trap 'rm -rf "$BUILD"' EXIT
mcc=$(mcc_bin) || exit 1
args=${1:---count=3}
cfg=$top/samples/hello/config.mcfg
ADDR=0x42000000
rc=0
for t in xen-x86 xen-arm64 xen-arm; do
	out=${XEN_DEMO_OUT:-$top/samples/hello/_build}/$t
	echo "== mcc build -t $t samples/hello/config.mcfg"
	"$mcc" build -t "$t" "$cfg" -o "$out" >"$BUILD/$t.build" 2>&1 || {
		cat "$BUILD/$t.build"; rc=1; continue; }
	img=$out/hello.xen
	echo "   $img: $(stat -c %s "$img") bytes"
	case $t in
	xen-x86) what="PVH dom0 of Xen 4.17 (x86_64)"; qemu_x86_dom0 "$img" "$args" ;;
	xen-arm64) what="dom0less domU of Xen 4.17 (arm64)"
		mkdtb arm64 "$img" $ADDR "$args" "$BUILD/a64.dtb"
		qemu_a64 "$BUILD/a64.dtb" "$img" $ADDR ;;
	xen-arm) what="dom0less domU of Xen 4.17 (armhf, Cortex-A7)"
		mkdtb armhf "$img" $ADDR "$args" "$BUILD/a32.dtb"
		qemu_a32 "$BUILD/a32.dtb" "$img" $ADDR ;;
	esac
	echo "== boot as the $what under QEMU"
	boot "$BUILD/$t.log" 'mcc: exit status [0-9]+' 120 -- "${QEMU[@]}"
	r=$?
	# The guest's lines: Xen's own log lines are left out.
	tr -d '\r' <"$BUILD/$t.log" | awk '
		/^\(XEN\) DOM[0-9]+: / { sub(/^\(XEN\) DOM[0-9]+: /, ""); print "   | " $0; next }
		/^\(XEN\)/ { next }
		NF { print "   | " $0 }'
	if [ $r = 0 ] && grep -aq 'mcc: exit status 0' "$BUILD/$t.log"; then
		echo "   booted and exited with status 0 in $(printf '%.1f' "$BOOT_TIME") s"
	else
		echo "   FAILED (rc $r); the whole serial log:"; sed 's/^/   # /' "$BUILD/$t.log"; rc=1
	fi
done
exit $rc
