#!/bin/sh
# scripts/demo.sh - install what is missing, build mcc, and run the hello
# unikernel on Unix through `mcc run' (compiled in memory with libtcc).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/deps.sh" build
"$top/scripts/build.sh"
echo "== mcc run samples/hello/config.mcfg -- --count=3"
cd "$top"
exec ./build/mcc run samples/hello/config.mcfg -- --count=3
