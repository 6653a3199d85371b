#!/bin/sh
# ex2_3 --figures draws its three figures, also when training diverges.
set -u
prog=${AICS_BIN:-build/bin}/ex2_3
[ -x "$prog" ] || { echo "FAIL: $prog is not built"; exit 1; }
command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is not installed; figures not tested"; exit 77; }
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail=0
for lr in 0.1 1000; do
    rm -f "$dir"/*.svg
    STRICT=1 "$prog" --quiet --format=none --lr=$lr --figures="$dir" || { echo "FAIL: --lr=$lr --figures exited $?"; fail=1; }
    for f in ex2_3_lr ex2_3_gd_sgd ex2_3_regions; do
        [ -s "$dir/$f.svg" ] || { echo "FAIL: --lr=$lr: $f.svg missing"; fail=1; }
    done
done
exit $fail
