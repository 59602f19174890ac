#!/bin/sh
# scripts/build.sh - configure (once) and build in ./build, out of tree.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
	autoreconf -fi >/dev/null
fi
mkdir -p build
cd build
if [ ! -f Makefile ] || [ ../configure -nt Makefile ]; then
	../configure -q ${CONFIGURE_FLAGS:-}
fi
make -s -j"$(nproc)"
