#!/bin/sh
# Production tier arm64: Linux dom0 + xl create (see xl_tier.sh).
exec "$(dirname "$0")/xl_tier.sh" arm64
