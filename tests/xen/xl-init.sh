#!/bin/busybox sh
# The production tier's dom0 /init: bring up the Xen toolstack, then
# in each /domus/*/ run `xl create NAME.xl` (mcc's generated file, which
# names NAME.xen in the same directory), wait for the domain to end, and
# print its console log and how it ended, between XLTEST markers.
/bin/busybox --install -s /bin
export PATH=/bin:/xen/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
mount -t tmpfs tmp /run
mkdir -p /run/xen /run/xenstored /var/run/xen
for m in xen-evtchn xen-gntdev xen-gntalloc xen-privcmd xenfs; do
	insmod /modules/$m.ko 2>/dev/null || echo "XLTEST insmod $m failed"
done
mount -t xenfs xenfs /proc/xen
xenstored --pid-file /run/xenstored.pid || echo "XLTEST xenstored failed"
sleep 0.5
xen-init-dom0 >/dev/null 2>&1 || echo "XLTEST xen-init-dom0 failed"
xenconsoled --pid-file=/run/xenconsoled.pid --log=guest --log-dir=/var/log/xen/console || echo "XLTEST xenconsoled failed"
echo "XLTEST toolstack up"
for d in /domus/*/; do
	cfg=$(ls "$d"*.xl | head -1)
	name=$(sed -n 's/^name *= *"\(.*\)"/\1/p' "$cfg")
	echo "XLTEST begin $name"
	( cd "$d" && xl create "$(basename "$cfg")" >/tmp/xl.out 2>&1 ) || { echo "XLTEST xl create $name failed"; sed 's/^/XLTEST ! /' /tmp/xl.out; }
	state=gone
	for i in $(seq 1 300); do
		line=$(xl list "$name" 2>/dev/null | tail -1)
		[ -z "$line" ] && { state=gone; break; }
		st=$(echo "$line" | awk '{print $5}')
		case $st in *c*) state=crashed; break ;; *s*) state=shutdown; break ;; esac
		sleep 0.1
	done
	sleep 0.3
	echo "XLTEST console $name:"
	sed 's/^/XLTEST | /' /var/log/xen/console/guest-$name.log 2>/dev/null
	echo "XLTEST end $name state=$state"
	xl destroy "$name" >/dev/null 2>&1
done
echo "XLTEST all done"
poweroff -f
