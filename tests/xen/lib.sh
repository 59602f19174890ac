# tests/xen/lib.sh - shared by the Xen boot tests (sourced, not run).
#
#   xen_setup QEMU...      skips (77) when MCC_SKIP_XEN is set or a tool
#                          is missing; sets CACHE, XEN_X86/XEN_A64/XEN_A32
#                          (fetching them once), BUILD (a scratch dir)
#   mcc_bin                prints the mcc to use ($MCC, ./mcc, build/mcc)
#   build_app APP ARCH [MCC-ARGS]
#                          `mcc build -t xen-...` of samples/APP (else
#                          tests/xen/apps/APP) into $BUILD; prints the
#                          image path (NAME.xl, NAME.xml beside it)
#   mkdtb ARCH IMAGE ADDR BOOTARGS OUT
#                          QEMU virt's device tree (arm64 or armhf host)
#                          plus /chosen for Xen dom0less with one domU
#                          of $MEM_KB KiB of memory (default 4096)
#   boot LOG EXPECT TMO -- qemu-args...
#                          runs QEMU until EXPECT (an ERE) appears in the
#                          serial log (rc 0), Xen panics (rc 2), QEMU ends
#                          without it (rc 3) or TMO seconds pass (rc 124);
#                          QEMU is killed at the end.  Sets BOOT_TIME and
#                          FIRST_TIME (seconds to the first line matching
#                          $FIRST, when set).
#   check NAME CMD...      runs CMD, prints PASS/FAIL NAME, counts failures

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FAILS=0

xen_setup() {
	# scripts/test.sh sets this for the sanitizer build and distcheck.
	[ -n "${MCC_SKIP_XEN:-}" ] && { echo "SKIP: MCC_SKIP_XEN is set"; exit 77; }
	for q in "$@"; do
		command -v "$q" >/dev/null || { echo "SKIP: $q not installed"; exit 77; }
	done
	CACHE=$("$SRC/tests/xen/xen-fetch.sh" amd64 arm64 armhf) || {
		echo "FAIL: cannot fetch the Xen hypervisors"; exit 1; }
	XEN_X86=$CACHE/xen-4.17-amd64
	XEN_A64=$CACHE/xen-4.17-arm64
	XEN_A32=$CACHE/xen-4.17-armhf
	BUILD=${MCC_XEN_BUILD:-$(mktemp -d /tmp/mcc-xen-test.XXXXXX)}
	mkdir -p "$BUILD"
}

# mcc_bin - the compiler: $MCC, else ./mcc (the automake build directory,
# where `make check` runs), else build/mcc in the source tree (after
# scripts/build.sh).
mcc_bin() {
	local m
	for m in "${MCC:-}" ./mcc "$SRC/build/mcc"; do
		[ -n "$m" ] && [ -x "$m" ] && { case $m in /*) echo "$m" ;; *) echo "$PWD/$m" ;; esac; return 0; }
	done
	echo "mcc not found: set MCC or build it (scripts/build.sh)" >&2
	return 1
}

# app_config APP - the configuration of APP: samples/APP, else the test
# app tests/xen/apps/APP.
app_config() {
	if [ -f "$SRC/samples/$1/config.mcfg" ]; then echo "$SRC/samples/$1/config.mcfg"
	else echo "$SRC/tests/xen/apps/$1/config.mcfg"; fi
}

build_app() {   # build_app APP ARCH [mcc args...] - prints the image path
	local app=$1 arch=$2 mcc; shift 2
	mcc=$(mcc_bin) || return 1
	local t
	case $arch in x86_64) t=xen-x86 ;; *) t=xen-$arch ;; esac
	local d=$BUILD/$arch${CC:+-$(basename "$CC")}/$app
	rm -rf "$d"
	mkdir -p "$d"
	# The source tree may be read-only (distcheck): everything goes to -o.
	"$mcc" build -t "$t" -o "$d" "$@" "$(app_config "$app")" >"$d.build.log" 2>&1 || {
		cat "$d.build.log" >&2; return 1; }
	local img
	img=$(ls "$d"/*.xen 2>/dev/null | head -1)
	[ -n "$img" ] || { echo "no image in $d" >&2; return 1; }
	echo "$img"
}

mkdtb() {       # mkdtb arm64|armhf IMAGE ADDR BOOTARGS OUT [DOMU-PROPS]
	local arch=$1 img=$2 addr=$3 args=$4 out=$5 props=${6-"vpl011;"}
	local base=$BUILD/virt-$arch.dts
	if [ ! -s "$base" ]; then
		if [ "$arch" = arm64 ]; then
			qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3 \
				-cpu cortex-a57 -smp 2 -m 1G -nographic \
				-machine dumpdtb="$base.dtb" >/dev/null 2>&1
		else
			qemu-system-arm -machine virt,virtualization=on,gic-version=2 \
				-cpu cortex-a7 -smp 2 -m 1G -nographic \
				-machine dumpdtb="$base.dtb" >/dev/null 2>&1
		fi
		dtc -q -I dtb -O dts -o "$base" "$base.dtb"
	fi
	local size
	size=$(printf '0x%x' "$(stat -c %s "$img")")
	# A second root block merges into the first (dtc semantics).
	{
		cat "$base"
		cat <<DTS
/ {
	chosen {
		#address-cells = <0x2>;
		#size-cells = <0x2>;
		xen,xen-bootargs = "console=dtuart dtuart=/pl011@9000000 bootscrub=0 loglvl=all guest_loglvl=all";
		domU1 {
			compatible = "xen,domain";
			#address-cells = <0x2>;
			#size-cells = <0x1>;
			memory = <0x0 $(printf '0x%x' "${MEM_KB:-4096}")>;
			cpus = <0x1>;
			$props
			module@${addr#0x} {
				compatible = "multiboot,kernel", "multiboot,module";
				reg = <0x0 $addr $size>;
				bootargs = "$args";
			};
		};
	};
};
DTS
	} >"$out.dts"
	dtc -q -I dts -O dtb -o "$out" "$out.dts"
}

now() { date +%s.%N; }

boot() {        # boot LOG EXPECT TMO -- qemu args...
	local log=$1 expect=$2 tmo=$3; shift 4
	local fail=${FAIL_RE:-'Panic on CPU|FATAL TRAP|Unhandled'}
	rm -f "$log"
	local start qpid rc=124 t
	start=$(now)
	FIRST_TIME=
	"$@" -display none -monitor none -serial file:"$log" </dev/null >"$log.qemu" 2>&1 &
	qpid=$!
	while :; do
		t=$(now)
		if [ -z "$FIRST_TIME" ] && [ -n "$FIRST" ] && grep -aEq "$FIRST" "$log" 2>/dev/null; then
			FIRST_TIME=$(echo "$t - $start" | bc)
		fi
		if grep -aEq "$expect" "$log" 2>/dev/null; then rc=0; break; fi
		if grep -aEq "$fail" "$log" 2>/dev/null; then rc=2; break; fi
		if ! kill -0 "$qpid" 2>/dev/null; then
			grep -aEq "$expect" "$log" 2>/dev/null && rc=0 || rc=3
			break
		fi
		if [ "$(echo "$t - $start > $tmo" | bc)" = 1 ]; then rc=124; break; fi
		sleep 0.05
	done
	BOOT_TIME=$(echo "$(now) - $start" | bc)
	kill "$qpid" 2>/dev/null
	wait "$qpid" 2>/dev/null
	[ -z "$FIRST_TIME" ] && [ -n "$FIRST" ] && grep -aEq "$FIRST" "$log" 2>/dev/null && FIRST_TIME=$BOOT_TIME
	return $rc
}

check() {       # check NAME CMD...
	local name=$1; shift
	if "$@"; then
		echo "PASS: $name"
	else
		echo "FAIL: $name (rc $?)"
		FAILS=$((FAILS + 1))
	fi
}

# Qemu command lines per tier (arrays).
qemu_a64() {    # qemu_a64 DTB IMAGE ADDR
	QEMU=(qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3
		-cpu cortex-a57 -smp 2 -m 1G -no-reboot -dtb "$1" -kernel "$XEN_A64"
		-device loader,file="$2",addr="$3",force-raw=on)
}
qemu_a32() {    # qemu_a32 DTB IMAGE ADDR
	QEMU=(qemu-system-arm -machine virt,virtualization=on,gic-version=2
		-cpu cortex-a7 -smp 2 -m 1G -no-reboot -dtb "$1" -kernel "$XEN_A32"
		-device loader,file="$2",addr="$3",force-raw=on)
}
qemu_x86_dom0() {  # qemu_x86_dom0 IMAGE CMDLINE
	# No MONITOR/MWAIT: Xen 4.17's mwait idle driver faults under TCG.
	QEMU=(qemu-system-x86_64 -M q35 -accel tcg -cpu EPYC,-monitor -m 1G -smp 1 -no-reboot
		-kernel "$XEN_X86" -append "console=com1 com1=115200,8n1 loglvl=all guest_loglvl=all dom0=pvh dom0_mem=128M noreboot"
		-initrd "$1 $2" -device amd-iommu)
}
qemu_x86_microvm() {  # qemu_x86_microvm IMAGE CMDLINE
	QEMU=(qemu-system-x86_64 -M microvm -accel tcg -m 128 -no-reboot
		-kernel "$1" -append "$2" -device isa-debug-exit,iobase=0xf4,iosize=4)
}
