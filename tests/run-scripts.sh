#!/bin/sh
# run-scripts.sh BUILD SHARED — run every tests/cli/*.sh; each exits 0 (pass),
# 77 (skipped, with a message) or anything else (fail).
set -u
build=$1 shared=$2
pass=0 fail=0 skip=0
for t in tests/cli/*.sh; do
    [ -f "$t" ] || continue
    out=$(AICS_BIN=$build/bin AICS_BUILD=$build AICS_SHARED=$shared sh "$t" 2>&1)
    rc=$?
    case $rc in
        0) pass=$((pass + 1)) ;;
        77) skip=$((skip + 1)); echo "SKIP $t: $(echo "$out" | tail -1)" ;;
        *) fail=$((fail + 1)); echo "FAIL $t"; echo "$out" | sed 's/^/  /' ;;
    esac
done
echo "scripts: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
