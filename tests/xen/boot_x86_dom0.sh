#!/bin/sh
# Xen boot tier x86-dom0 (see boot_tier.sh).
exec "$(dirname "$0")/boot_tier.sh" x86-dom0
