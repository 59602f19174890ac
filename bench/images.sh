#!/bin/bash
# bench/images.sh - Xen image figures:
#   1. the size of every sample's image per Xen target (`mcc build -t`);
#   2. per boot tier, the time from QEMU's start to the guest's first line
#      of output (hello) and the in-guest time from the image's first
#      instruction to the first job (the architecture's counter, printed
#      by --mcc-boot-stats), median of N boots, and the phases of one boot;
#   3. the goals: hello under 64 KiB on every target, entry to first job
#      under 1 ms in-guest, hello running in a 4 MiB domain (the dom0less
#      domUs get 4 MiB here).  Each missed goal prints `MISSED: ...` and
#      makes the exit status 1.
# Usage: [MCC=build/mcc] [N=5] [TIERS="x86-microvm x86-dom0 arm64 arm"]
#        bench/images.sh
# Boots run under QEMU TCG (no KVM): in-guest times include QEMU
# translating the guest's (and Xen's) code the first time it runs.
. "$(dirname "$0")/../tests/xen/lib.sh"
N=${N:-5}
TIERS=${TIERS:-x86-microvm x86-dom0 arm64 arm}
xen_setup qemu-system-x86_64 qemu-system-aarch64 qemu-system-arm dtc
mcc=$(mcc_bin) || exit 1
[ -z "${MCC_XEN_BUILD:-}" ] && trap 'rm -rf "$BUILD"' EXIT
MISSED=0
missed() { echo "MISSED: $*"; MISSED=1; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "?" }'; }

# 1. Sizes.
echo "== image sizes (bytes; the ARM file is what Xen copies, BSS excluded)"
printf '%-16s %10s %10s %10s\n' sample xen-x86 xen-arm xen-arm64
for cfg in "$SRC"/samples/*/config.mcfg; do
	s=$(basename "$(dirname "$cfg")")
	row=$(printf '%-16s' "$s")
	for a in x86_64 arm arm64; do
		if img=$(build_app "$s" "$a" 2>/dev/null); then
			sz=$(stat -c %s "$img")
			row="$row $(printf '%10s' "$sz")"
			[ "$s" = hello ] && [ "$sz" -ge 65536 ] && missed "hello for $a is $sz bytes (goal: under 64 KiB)"
		else
			row="$row $(printf '%10s' n/a)"
		fi
	done
	echo "$row"
done
echo "(n/a: mcc build failed, e.g. a device with no Xen implementation yet: netif, block_of_file)"

# 2. Boot times.
ADDR=0x42000000
echo
echo "== hello --count=1, median of $N boots (dom0less domUs: ${MEM_KB:-4096} KiB)"
printf '%-14s %14s %14s %12s\n' tier "first line s" "entry->job us" "4 MiB"
for tier in $TIERS; do
	case $tier in
	x86-*) arch=x86_64 ;;
	arm64) arch=arm64 ;;
	arm|arm-on-arm64) arch=arm ;;
	esac
	img=$(build_app hello "$arch") || { missed "hello does not build for $arch"; continue; }
	firsts="" guests="" ok=0
	for i in $(seq "$N"); do
		args="--count=1 --mcc-boot-stats"
		case $tier in
		x86-microvm) qemu_x86_microvm "$img" "$args" ;;
		x86-dom0) qemu_x86_dom0 "$img" "$args" ;;
		arm64|arm-on-arm64)
			mkdtb arm64 "$img" $ADDR "$args" "$BUILD/bench.dtb"
			qemu_a64 "$BUILD/bench.dtb" "$img" $ADDR ;;
		arm)
			mkdtb armhf "$img" $ADDR "$args" "$BUILD/bench.dtb"
			qemu_a32 "$BUILD/bench.dtb" "$img" $ADDR ;;
		esac
		log=$BUILD/bench-$tier.log
		FIRST='^(\(XEN\) )?(DOM[0-9]+: |\(d[0-9]+\) )?hello'$'\r''*$' \
			boot "$log" 'mcc: exit status [0-9]+' 60 -- "${QEMU[@]}" || continue
		grep -aq 'mcc: exit status 0' "$log" && ok=$((ok + 1))
		firsts="$firsts $FIRST_TIME"
		guests="$guests $(grep -ao 'entry to first job [0-9]* us' "$log" | grep -o '[0-9]* us' | tr -d ' us')"
		[ "$i" = 1 ] && phases=$(grep -ao 'phases (us):.*' "$log" | tr -d '\r')
	done
	f=$(echo $firsts | tr ' ' '\n' | median)
	g=$(echo $guests | tr ' ' '\n' | median)
	mem=-
	case $tier in arm*) [ $ok = "$N" ] && mem=yes || mem=no ;; esac
	printf '%-14s %14s %14s %12s\n' "$tier" "$f" "$g" "$mem"
	echo "    $phases"
	[ "$ok" = "$N" ] || missed "$tier: $ok of $N boots of hello ended with status 0"
	[ "$g" != "?" ] && [ "$g" -ge 1000 ] && missed "$tier: entry to first job $g us in-guest (goal: under 1 ms)"
done
exit $MISSED
