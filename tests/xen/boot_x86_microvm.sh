#!/bin/sh
# Xen boot tier x86-microvm (see boot_tier.sh).
exec "$(dirname "$0")/boot_tier.sh" x86-microvm
