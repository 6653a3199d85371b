#!/bin/sh
# input_regressions.sh — the bad (and good) inputs of issue 14, each as it was
# found: every one is refused with one line naming the file (and line and
# column where there is one) and exit 2, or, when it is valid, accepted.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fit() { "$AICS_BIN/ex2_5" fit --quiet --target=y --penalty=l2 --lambda=1 "$@"; }

# refused WHAT EXPECTED CMD…: exit 2 and one line containing EXPECTED.
refused() {
    what=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ $rc -eq 2 ] || fail "$what: expected exit 2, got $rc: $(cat "$tmp/err")"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$what: expected one line, got: $(cat "$tmp/err")"
    grep -qF -- "$want" "$tmp/err" || fail "$what: expected '$want', got: $(cat "$tmp/err")"
}

# A header whose keys clash twice over: "A" becomes a_3, which the first column is.
printf 'a_3,a,A,y\n1,2,3,4\n2,3,5,5\n3,5,4,7\n4,4,6,8\n5,6,9,9\n' >"$tmp/h.csv"
fit --format=kv --data="$tmp/h.csv" >"$tmp/h.kv" 2>"$tmp/err" || fail "header a_3,a,A,y: exit $? $(cat "$tmp/err")"
[ "$(grep -c '^w\.' "$tmp/h.kv")" -eq 3 ] && grep -q '^w\.a_3 ' "$tmp/h.kv" && grep -q '^w\.a ' "$tmp/h.kv" &&
    grep -q '^w\.a_3_2 ' "$tmp/h.kv" || fail "header a_3,a,A,y: keys w.a_3, w.a, w.a_3_2 expected: $(grep '^w\.' "$tmp/h.kv")"

# 25,000 columns: refused at once, not fitted for minutes.
awk 'BEGIN { for (j = 0; j < 25000; j++) printf "c%d,", j; print "y"
             for (i = 0; i < 3; i++) { for (j = 0; j < 25000; j++) printf "%d,", (i * j) % 7; print i } }' >"$tmp/wide.csv"
refused "25,000 columns" "wide.csv:1: 25000 feature columns; at most 1000 are supported" fit --data="$tmp/wide.csv"

# 1e-400 is not 0; a 73-digit integer is a number.
printf 'x,y\n1e-400,1\n2,3\n3,4\n' >"$tmp/tiny.csv"
refused "1e-400" "tiny.csv:2:1: number '1e-400' is out of range for a double" fit --data="$tmp/tiny.csv"
n73=1234567890123456789012345678901234567890123456789012345678901234567890123
printf 'x,y\n%s,1\n2,3\n3,4\n' "$n73" >"$tmp/long.csv"
fit --format=kv --data="$tmp/long.csv" >"$tmp/long.kv" 2>"$tmp/err" || fail "a 73-digit number should be read: $(cat "$tmp/err")"

# --seed=' -1' is not 2^64 - 1.
refused "--seed=' -1'" "--seed expects a non-negative integer, not ' -1'" "$AICS_BIN/ex2_3" --seed=' -1'

# Caffe refuses a top produced twice and an even LRN size; so do we, at file:line:col.
in='input: "data"
input_dim: 1
input_dim: 3
input_dim: 8
input_dim: 8
'
printf '%slayer { name: "r" type: "ReLU" bottom: "data" top: "r" }\nlayer { name: "s" type: "ReLU" bottom: "data" top: "r" }\n' \
    "$in" >"$tmp/duptop.prototxt"
refused "duplicate top" "duptop.prototxt:7:1: layer 's' (ReLU): top 'r' is produced twice" \
    "$AICS_BIN/ex3_1" "$tmp/duptop.prototxt"
printf '%slayer { name: "r" type: "ReLU" bottom: "data" top: "data" }\n' "$in" >"$tmp/inplace.prototxt"
"$AICS_BIN/ex3_1" --quiet --format=none "$tmp/inplace.prototxt" || fail "an in-place layer reuses its bottom's name"
printf '%slayer { name: "n" type: "LRN" bottom: "data" top: "n"\n  lrn_param { local_size: 4 } }\n' "$in" >"$tmp/lrn.prototxt"
refused "even LRN local_size" "lrn.prototxt:7:15: LRN local_size must be a positive odd number" \
    "$AICS_BIN/ex3_2" "$tmp/lrn.prototxt"

# A NUL byte in prose used to end the page there, silently.
mkdir -p "$tmp/p/chapters/ch2" "$tmp/p/out"
printf 'title T\nchapter 2 C\nexercise ch2/ex2_7 2.7 T\n' >"$tmp/p/chapters/outline.txt"
printf '第一行\n第二\000行\n' >"$tmp/p/chapters/ch2/ex2_7.md"
book() { "$AICS_BIN/aics-book" --quiet --chapters "$tmp/p/chapters" --results "$AICS_BUILD/out" \
             --figures "$tmp/p/out/fig" --out "$tmp/p/out"; }
refused "a NUL byte in prose" "chapters/ch2/ex2_7.md:2:3: a NUL byte or invalid UTF-8" book
refused "a NUL byte in prose (lint)" "chapters/ch2/ex2_7.md:2:3: a NUL byte or invalid UTF-8" \
    "$AICS_BIN/aics-book" --lint --chapters "$tmp/p/chapters" --results "$AICS_BUILD/out"

# {{code}} through a symbolic link out of the project.
printf '// ANCHOR: a\nsecret\n// ANCHOR_END: a\n' >"$tmp/outside.c"
ln -s "$tmp/outside.c" "$tmp/p/chapters/ch2/link.c"
printf '正文\n\n{{code ch2/link.c a}}\n' >"$tmp/p/chapters/ch2/ex2_7.md"
refused "{{code}} through a link" "ex2_7.md:3:8: cannot read $tmp/p/chapters/ch2/link.c: it lies outside the project" book
cp "$tmp/outside.c" "$tmp/p/chapters/ch2/inside.c"
printf '正文\n\n{{code ch2/inside.c a}}\n' >"$tmp/p/chapters/ch2/ex2_7.md"
book 2>"$tmp/err" || fail "{{code}} of a file inside the project: $(cat "$tmp/err")"

# Lasso that stalls: nearly collinear columns. Exit 2, the file named, a hint.
awk 'BEGIN { srand(1); print "a,b,c,y"
    for (i = 0; i < 200; i++) { t = rand() - 0.5; printf "%.17g,%.17g,%.17g,%.17g\n", t, t + 1e-7 * (rand() - 0.5), t - 1e-7 * (rand() - 0.5), t + rand() } }' >"$tmp/coll.csv"
"$AICS_BIN/ex2_5" fit --data="$tmp/coll.csv" --target=y --penalty=l1 --lambda=1e-6 >/dev/null 2>"$tmp/err"; rc=$?
if [ $rc -ne 0 ]; then
    [ $rc -eq 2 ] || fail "a lasso that does not converge is a data problem: exit 2, got $rc: $(cat "$tmp/err")"
    grep -qF "coll.csv: the lasso did not converge" "$tmp/err" && grep -qF "try --standardize" "$tmp/err" ||
        fail "non-convergence should name the file and give a hint: $(cat "$tmp/err")"
fi
exit 0
