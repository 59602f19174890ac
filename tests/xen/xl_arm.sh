#!/bin/sh
# Production tier arm: Linux dom0 + xl create (see xl_tier.sh).
exec "$(dirname "$0")/xl_tier.sh" arm
