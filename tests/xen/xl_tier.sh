#!/bin/bash
# xl_tier.sh x86|arm64 - the production tier: real Xen 4.17 with a
# Debian Linux dom0 under QEMU; the dom0 runs xenstored and xenconsoled
# and starts unikernels built by `mcc build -t xen-...` (samples/hello,
# tests/xen/apps xs, fail, clockrf) with `xl create NAME.xl`, the .xl
# mcc generated, used as is.  Checks output through the PV console ring,
# a key (-k count=2) reaching the guest through the generated extra=,
# xenstore and grant tables from inside a domU, and a failing status
# leaving the domain crashed; reports whether hello fits in 4 MiB.
# 15-20 s (x86), 5-10 s (ARM) once the packages are cached.
. "$(dirname "$0")/lib.sh"
TIER=${1:?usage: xl_tier.sh x86|arm64}
case $TIER in
x86) ARCH=x86_64; DEB=amd64; xen_setup qemu-system-x86_64 cpio ;;
arm64) ARCH=arm64; DEB=arm64; xen_setup qemu-system-aarch64 dtc cpio ;;
*) echo "unknown tier $TIER"; exit 2 ;;
esac
mcc_bin >/dev/null || { echo "FAIL: xl-$TIER: no mcc"; exit 1; }
[ -z "$MCC_XEN_BUILD" ] && trap 'rm -rf "$BUILD"' EXIT
read -r KERNEL INITRD_DIR < <("$SRC/tests/xen/xl-prepare.sh" "$DEB" 2>"$BUILD/prepare.log") || {
	cat "$BUILD/prepare.log"; echo "FAIL: cannot prepare the dom0"; exit 1; }
[ -n "$KERNEL" ] || { cat "$BUILD/prepare.log"; echo "FAIL: no dom0 kernel"; exit 1; }

R=$BUILD/initrd-$TIER
rm -rf "$R"; cp -a "$INITRD_DIR" "$R"
# The init of this checkout, whatever the cached tree holds.
cp "$SRC/tests/xen/xl-init.sh" "$R/init"; chmod +x "$R/init"
rm -rf "$R/domus"; mkdir -p "$R/domus"
# Each domU is `mcc build -t xen-...` output: NAME.xen and the generated
# NAME.xl, used as is (keys set with -k land in its extra= line), in a
# directory of its own where the dom0 runs `xl create NAME.xl`.
i=0
for spec in "hello|-k count=2" "xs|" "fail|-k status=4" "clockrf|"; do
	app=${spec%%|*}; kargs=${spec#*|}
	# shellcheck disable=SC2086
	img=$(build_app "$app" "$ARCH" $kargs) || exit 1
	d=$R/domus/$i-$app
	mkdir -p "$d"
	cp "$img" "${img%.xen}.xl" "$d/"
	i=$((i + 1))
done
# hello again with less memory than the generated file says (the smallest
# that works is reported).
for mem in ${MCC_XL_PROBE_MEM:-4 5}; do
	cp -a "$R/domus/0-hello" "$R/domus/$i-hello-mem$mem"
	sed -i "s/^name = .*/name = \"hello-mem$mem\"/; s/^memory = .*/memory = $mem/" \
		"$R/domus/$i-hello-mem$mem/hello.xl"
	i=$((i + 1))
done
(cd "$R" && find . | cpio -o -H newc 2>/dev/null | gzip -1 > "$BUILD/initrd-$TIER.gz")
LOG=$BUILD/xl-$TIER.log
FAIL_RE='Panic on CPU|Kernel panic|Dom0 crashed'
case $TIER in
x86)
	QEMU=(qemu-system-x86_64 -M q35 -accel tcg -cpu EPYC,-monitor,-rdtscp,-avx,-avx2 -smp 2 -m 2G -no-reboot
		-kernel "$XEN_X86" -append "console=com1 loglvl=all guest_loglvl=all dom0=pvh dom0_mem=512M,max:512M dom0_max_vcpus=2 noreboot"
		-initrd "$KERNEL console=hvc0 earlyprintk=xen quiet,$BUILD/initrd-$TIER.gz" -device amd-iommu) ;;
arm64)
	M=(qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3 -cpu cortex-a57)
	XEN=$XEN_A64
	"${M[@]}" -smp 2 -m 2G -nographic -machine dumpdtb="$BUILD/virt-dom0.dtb" >/dev/null 2>&1
	dtc -q -I dtb -O dts -o "$BUILD/virt-dom0.dts" "$BUILD/virt-dom0.dtb"
	ks=$(printf '0x%x' "$(stat -c %s "$KERNEL")")
	rs=$(printf '0x%x' "$(stat -c %s "$BUILD/initrd-$TIER.gz")")
	{
		cat "$BUILD/virt-dom0.dts"
		cat <<DTS
/ {
	chosen {
		#address-cells = <0x2>;
		#size-cells = <0x2>;
		xen,xen-bootargs = "console=dtuart dtuart=/pl011@9000000 dom0_mem=512M bootscrub=0 loglvl=all guest_loglvl=all";
		xen,dom0-bootargs = "console=hvc0 earlycon=xenboot quiet rdinit=/init";
		module@50000000 {
			compatible = "multiboot,kernel", "multiboot,module";
			reg = <0x0 0x50000000 0x0 $ks>;
		};
		module@54000000 {
			compatible = "multiboot,ramdisk", "multiboot,module";
			reg = <0x0 0x54000000 0x0 $rs>;
		};
	};
};
DTS
	} > "$BUILD/xen-dom0.dts"
	dtc -q -I dts -O dtb -o "$BUILD/xen-dom0.dtb" "$BUILD/xen-dom0.dts"
	QEMU=("${M[@]}" -smp 2 -m 2G -no-reboot -dtb "$BUILD/xen-dom0.dtb" -kernel "$XEN"
		-device loader,file="$KERNEL",addr=0x50000000,force-raw=on
		-device loader,file="$BUILD/initrd-$TIER.gz",addr=0x54000000,force-raw=on) ;;
esac
FIRST='XLTEST \| hello' boot "$LOG" 'XLTEST all done' "${MCC_XEN_TIMEOUT:-240}" -- "${QEMU[@]}"
rc=$?
[ -n "$MCC_XEN_VERBOSE" ] && grep -a XLTEST "$LOG"
LOG_=$LOG.txt
tr -d '\r' <"$LOG" >"$LOG_"
has() { grep -aEq "$1" "$LOG_"; }
# hellos NAME - how many "hello" lines domain NAME's console had.
hellos() { sed -n "/^XLTEST begin $1\$/,/^XLTEST end $1 /p" "$LOG_" | grep -ac '^XLTEST | hello$'; }
check "xl-$TIER: dom0 toolstack up and every domU run" [ $rc = 0 ]
check "xl-$TIER: hello through the PV console ring" has 'XLTEST \| hello'
check "xl-$TIER: key count=2 from the generated extra=" [ "$(hellos hello)" = 2 ]
check "xl-$TIER: hello ends with status 0, powered off" eval 'has "XLTEST \| mcc: exit status 0" && has "XLTEST end hello state=(gone|shutdown)"'
check "xl-$TIER: xenstore read/write/watch/transaction" has 'XLTEST \| xs: transaction committed'
check "xl-$TIER: xenstore name" has 'XLTEST \| xs: name=xs'
check "xl-$TIER: grant table" has 'XLTEST \| xs: granted and revoked'
check "xl-$TIER: failing status printed" has 'XLTEST \| mcc: exit status 4'
check "xl-$TIER: failing domain left crashed" has 'XLTEST end fail state=crashed'
check "xl-$TIER: clock, random, float" has 'XLTEST \| clock: done'
for mem in ${MCC_XL_PROBE_MEM:-4 5}; do
	if has "XLTEST end hello-mem$mem state=(gone|shutdown)" && [ "$(hellos hello-mem$mem)" = 2 ]; then
		echo "INFO: xl-$TIER: hello runs with memory = $mem"
	else
		echo "INFO: xl-$TIER: hello does not run with memory = $mem:" \
			"$(sed -n "/^XLTEST begin hello-mem$mem\$/,/^XLTEST end /p" "$LOG_" | grep -a 'XLTEST ! xc' | head -1)"
	fi
done
echo "INFO: xl-$TIER: first hello line after ${FIRST_TIME:-?} s, all done after $BOOT_TIME s"
echo "xl-$TIER: $FAILS failure(s)"
[ $FAILS = 0 ]
