#!/bin/sh
# bench.sh BUILD SHARED — run every tests/bench/*.sh (speed only; never part of
# `make check`). Each prints its measurement and exits 0 when within its limit.
set -u
build=$1 shared=$2
fail=0
for b in tests/bench/*.sh; do
    [ -f "$b" ] || continue
    echo "bench $b"
    AICS_BIN=$build/bin AICS_BUILD=$build AICS_SHARED=$shared sh "$b" || { echo "FAIL $b"; fail=1; }
done
exit $fail
