#!/bin/sh
# bench.sh BUILD SHARED — run every tests/bench/*.sh. Benchmarks print their own
# measurements and targets; they are never part of `make check`.
set -u
status=0
for b in tests/bench/*.sh; do
    [ -f "$b" ] || continue
    echo "== $b"
    AICS_BIN=$1/bin AICS_BUILD=$1 AICS_SHARED=$2 sh "$b" || status=1
done
exit $status
