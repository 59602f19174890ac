#!/bin/sh
# Xen boot tier arm64 (see boot_tier.sh).
exec "$(dirname "$0")/boot_tier.sh" arm64
