#!/bin/sh
# ex3_same_names.sh — names that clash (issue 14): 4,000 layers with one name
# get the keys x, x_2 … x_4000 (the de-duplication was cubic: 35 s), and two
# files of one network name get net keys that differ. Speed is measured in
# `make bench` (tests/bench/nets.sh); this checks the answers.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

awk 'BEGIN {
    printf "name: \"same\"\ninput: \"data\"\ninput_dim: 1\ninput_dim: 3\ninput_dim: 8\ninput_dim: 8\n"
    prev = "data"
    for (i = 0; i < 4000; i++) {
        printf "layer { name: \"x\" type: \"ReLU\" bottom: \"%s\" top: \"t%d\" }\n", prev, i
        prev = "t" i
    }
}' >"$tmp/same.prototxt"
"$AICS_BIN/ex3_1" --quiet --format=kv "$tmp/same.prototxt" >"$tmp/1.kv" 2>"$tmp/err" ||
    fail "ex3_1 on 4,000 same-named layers: exit $? $(cat "$tmp/err")"
grep -c '^same\.layer\.x[_0-9]*\.neurons ' "$tmp/1.kv" | grep -qx 4000 || fail "4,000 layer keys expected"
awk '$1 ~ /^same\.layer\.x/ && $1 ~ /\.neurons$/ { n++; k = $1; sub(/^same\.layer\./, "", k); sub(/\.neurons$/, "", k)
     want = n == 1 ? "x" : "x_" n; if (k != want) { print "key " n ": " k " (expected " want ")"; exit 1 } }' \
    "$tmp/1.kv" || fail "clashing layers take x, x_2, x_3 … in file order"

mkdir "$tmp/b" && cp "$tmp/same.prototxt" "$tmp/b/same.prototxt"
"$AICS_BIN/ex3_2" --quiet --format=kv "$tmp/same.prototxt" "$tmp/b/same.prototxt" >"$tmp/2.kv" 2>"$tmp/err" ||
    fail "ex3_2 on two files: exit $? $(cat "$tmp/err")"
grep -q '^same\.total\.mac ' "$tmp/2.kv" && grep -q '^same_2\.total\.mac ' "$tmp/2.kv" ||
    fail "two networks named 'same' should be keyed same and same_2: $(grep total.mac "$tmp/2.kv")"
exit 0
