#!/bin/sh
# Production tier x86: Linux dom0 + xl create (see xl_tier.sh).
exec "$(dirname "$0")/xl_tier.sh" x86
