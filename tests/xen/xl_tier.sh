#!/bin/bash
# xl_tier.sh x86|arm64|arm - the production tier: real Xen 4.17 with a
# Debian Linux dom0 under QEMU; the dom0 runs xenstored and xenconsoled
# and starts the test unikernels with `xl create` from .xl files written
# the way mcc's Xen backend writes them.  Checks output through the PV
# console ring, a key passed with extra=, xenstore and grant tables from
# inside a domU, and a failing status leaving the domain crashed.
# 15-20 s (x86), 5-10 s (ARM) once the packages are cached.
. "$(dirname "$0")/lib.sh"
TIER=${1:?usage: xl_tier.sh x86|arm64|arm}
case $TIER in
x86) ARCH=x86_64; DEB=amd64; xen_setup qemu-system-x86_64 cpio ;;
arm64) ARCH=arm64; DEB=arm64; xen_setup qemu-system-aarch64 dtc cpio ;;
arm) ARCH=arm; DEB=armhf; xen_setup qemu-system-arm dtc cpio ;;
*) echo "unknown tier $TIER"; exit 2 ;;
esac
[ -z "$MCC_XEN_BUILD" ] && trap 'rm -rf "$BUILD"' EXIT
read -r KERNEL INITRD_DIR < <("$SRC/tests/xen/xl-prepare.sh" "$DEB" 2>"$BUILD/prepare.log") || {
	cat "$BUILD/prepare.log"; echo "FAIL: cannot prepare the dom0"; exit 1; }
[ -n "$KERNEL" ] || { cat "$BUILD/prepare.log"; echo "FAIL: no dom0 kernel"; exit 1; }

# write_xl NAME EXTRA - the domain configuration, line for line what mcc's
# Xen backend writes (backends/, see tests/xen/example.xl).
write_xl() {
	{
		echo "# $1.xl - xl configuration of unikernel \"$1\""
		echo ""
		echo "name = \"$1\""
		[ "$ARCH" = x86_64 ] && echo 'type = "pvh"'
		echo "kernel = \"$1.xen\""
		echo "memory = 8"
		echo "vcpus = 1"
		echo "extra = \"$2\""
		echo 'on_poweroff = "destroy"'
		echo 'on_reboot = "destroy"'
		echo 'on_crash = "preserve"'
	}
}

R=$BUILD/initrd-$TIER
rm -rf "$R"; cp -a "$INITRD_DIR" "$R"
i=0
for spec in "hello|--count=2" "xs|" "fail|--status=4" "clock|"; do
	app=${spec%%|*}; extra=${spec#*|}
	img=$(build_app "$app" "$ARCH") || exit 1
	cp "$img" "$R/domus/$app.xen"
	write_xl "$app" "$extra" > "$R/domus/$i-$app.cfg"
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
arm64|arm)
	if [ $TIER = arm64 ]; then
		M=(qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3 -cpu cortex-a57)
		XEN=$XEN_A64
	else
		M=(qemu-system-arm -machine virt,virtualization=on,gic-version=2,highmem=off -cpu cortex-a15)
		XEN=$XEN_A32
	fi
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
FIRST='XLTEST \| hello 1' boot "$LOG" 'XLTEST all done' "${MCC_XEN_TIMEOUT:-240}" -- "${QEMU[@]}"
rc=$?
[ -n "$MCC_XEN_VERBOSE" ] && grep -a XLTEST "$LOG"
LOG_=$LOG
has() { grep -aEq "$1" "$LOG_"; }
check "xl-$TIER: dom0 toolstack up and every domU run" [ $rc = 0 ]
check "xl-$TIER: hello through the PV console ring" has 'XLTEST \| hello 2/2'
check "xl-$TIER: key count=2 from extra=" eval '! has "XLTEST \| hello 1/3"'
check "xl-$TIER: hello powered off" has 'XLTEST end hello state=(gone|shutdown)'
check "xl-$TIER: xenstore read/write/watch/transaction" has 'XLTEST \| xs: transaction committed'
check "xl-$TIER: xenstore name" has 'XLTEST \| xs: name=xs'
check "xl-$TIER: grant table" has 'XLTEST \| xs: granted and revoked'
check "xl-$TIER: failing status printed" has 'XLTEST \| mcc: exit status 4'
check "xl-$TIER: failing domain left crashed" has 'XLTEST end fail state=crashed'
check "xl-$TIER: clock" has 'XLTEST \| clock: done'
echo "INFO: xl-$TIER: first hello line after ${FIRST_TIME:-?} s, all done after $BOOT_TIME s"
echo "xl-$TIER: $FAILS failure(s)"
[ $FAILS = 0 ]
