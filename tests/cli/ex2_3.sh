#!/bin/sh
# ex2_3.sh — exercise 2.3 from the outside: the gradient check passes, runs are
# deterministic, --seed changes the data, --help lists the options, and the
# results do not depend on gnuplot.
set -u
bin=${AICS_BIN:-build/bin}/ex2_3
fail() { echo "FAIL: $*"; exit 1; }
[ -x "$bin" ] || fail "$bin is not built"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

"$bin" --quiet --format=kv >"$tmp/a.kv" || fail "kv run exited $?"
"$bin" --quiet --format=kv >"$tmp/b.kv" || fail "second kv run exited $?"
cmp -s "$tmp/a.kv" "$tmp/b.kv" || fail "two runs should print identical kv"
head -1 "$tmp/a.kv" | grep -q '^# aics-result v1 exercise=2.3 seed=2023 convention=' || fail "kv header is wrong"
grep -qx 'gradcheck.check pass' "$tmp/a.kv" || fail "the gradient check should pass"
err=$(sed -n 's/^gradcheck.max_rel_err //p' "$tmp/a.kv")
awk -v e="$err" 'BEGIN { exit !(e != "" && e + 0 < 1e-6) }' || fail "gradcheck.max_rel_err should be < 1e-6, not '$err'"
for key in step.y.delta step.h1.delta step.grad.w_y_h1 step.new.w_h1_x1 gd.final_loss sgd.final_loss \
           lrsweep.small.final_loss lrsweep.large.diverged; do
    grep -q "^$key " "$tmp/a.kv" || fail "kv should have $key"
done

"$bin" --quiet --format=kv --seed=7 >"$tmp/c.kv" || fail "--seed=7 run exited $?"
cmp -s "$tmp/a.kv" "$tmp/c.kv" && fail "another seed should give other data"
"$bin" --quiet --format=kv --hidden=5 | grep -q '^step.h5.delta ' || fail "--hidden=5 should show neuron h5"

"$bin" --help >"$tmp/help" || fail "--help should exit 0"
for opt in lr epochs batch hidden seed; do
    grep -q -- "--$opt" "$tmp/help" || fail "--help should list --$opt"
done

PATH=/nonexistent "$bin" --format=kv --figures="$tmp/fig" >"$tmp/d.kv" 2>/dev/null \
    || fail "without gnuplot the program should still succeed"
cmp -s "$tmp/a.kv" "$tmp/d.kv" || fail "without gnuplot the results should be the same"
exit 0
