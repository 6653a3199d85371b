#!/bin/sh
# ex2_7.sh — exercise 2.6/2.7 from the outside: the required kv values, determinism,
# usage errors, and a missing gnuplot.
set -u
bin=$AICS_BIN/ex2_7
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

"$bin" --format=kv >"$tmp/a.kv" || fail "kv run exited $?"
grep -qx 'phi.dphi_at_0 1' "$tmp/a.kv" || fail "phi.dphi_at_0 should be exactly 1"
grep -qx 'sigmoid.dphi_at_0 0.25' "$tmp/a.kv" || fail "sigmoid.dphi_at_0 should be exactly 0.25"
grep -qx 'phi.check pass' "$tmp/a.kv" || fail "the three methods should agree for phi"
grep -qx 'sigmoid.check pass' "$tmp/a.kv" || fail "the three methods should agree for sigmoid"
"$bin" --format=kv >"$tmp/b.kv"
cmp -s "$tmp/a.kv" "$tmp/b.kv" || fail "two runs should print identical kv"
head -1 "$tmp/a.kv" | grep -q '^# aics-result v1 exercise=2.7 seed=0 convention=' || fail "kv header is wrong"

"$bin" --help | grep -q '^用法：ex2_7' || fail "--help should print usage"
"$bin" --bogus 2>"$tmp/err"; [ $? -eq 2 ] || fail "an unknown option should exit 2"
grep -q "unknown option '--bogus'" "$tmp/err" || fail "the message should name the option"
"$bin" --format=xml 2>/dev/null; [ $? -eq 2 ] || fail "a bad --format should exit 2"
"$bin" extra 2>/dev/null; [ $? -eq 2 ] || fail "an unexpected argument should exit 2"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "a usage error should be one line"

# No gnuplot on PATH: every result still printed, one notice, no figure; STRICT=1 fails.
PATH=/nonexistent "$bin" --format=kv --figures="$tmp/fig" >"$tmp/c.kv" 2>"$tmp/err" \
    || fail "without gnuplot the program should still succeed"
cmp -s "$tmp/a.kv" "$tmp/c.kv" || fail "without gnuplot the results should be the same"
[ "$(grep -c 'figures skipped' "$tmp/err")" -eq 1 ] || fail "the skip notice should appear exactly once"
[ ! -e "$tmp/fig/ex2_7_functions.svg" ] || fail "no figure should be written without gnuplot"
STRICT=1 PATH=/nonexistent "$bin" --figures="$tmp/fig" >/dev/null 2>&1 && fail "STRICT=1 should fail without gnuplot"

# With gnuplot: the figure appears atomically.
if command -v gnuplot >/dev/null 2>&1; then
    "$bin" --quiet --format=none --figures="$tmp/fig" || fail "the figure run failed"
    grep -q '<svg' "$tmp/fig/ex2_7_functions.svg" || fail "the SVG figure should be written"
    ls "$tmp/fig" | grep -q '\.tmp' && fail "no temporary files should remain"
fi
exit 0
