#!/bin/sh
# exercises_more.sh — exercises 2.4–2.10, 3.3, 3.7, 5.5/5.7, 5.11 and 8.1 from
# the outside: values worked by hand, every self-check passes, and 8.1's
# timings never reach the results.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
for p in ex2_4 ex2_8 ex2_9 ex2_10 ex3_3 ex3_7 ex5_5 ex5_11 ex8_1; do
    "$AICS_BIN/$p" --quiet --format=kv >"$tmp/$p.kv" || fail "$p exited $?"
    if grep -q '\.check fail$' "$tmp/$p.kv"; then fail "$p: $(grep '\.check fail$' "$tmp/$p.kv")"; fi
done
near() { # FILE KEY VALUE TOL
    awk -v k="$2" -v v="$3" -v t="$4" '$1 == k { d = $2 - v; found = 1; exit !(d <= t && d >= -t) }
        END { if (!found) exit 1 }' "$tmp/$1.kv" || fail "$1 $2 should be $3"
}
near ex3_3 ap50 0.83333333333333337 1e-15       # ½·1 + ½·⅔
near ex3_3 ap50_11pt 0.84848484848484851 1e-15  # 28/33
near ex3_3 ap85 0.5 1e-15
near ex3_3 iou.d2 0.33333333333333331 1e-15     # 50/150
near ex2_4 sigmoid.value_at_0 0.5 0
near ex2_9 alpha_0.rate_theory 0.95 1e-12       # max(|1 − ηλ|) = 1 − 0.05
near ex2_9 alpha_0_6.rate_theory 0.8 1e-12      # real roots 0.8 and 0.75 for λ = 1
grep -qx 'alpha_neg0_5.diverged 1' "$tmp/ex2_9.kv" || fail "α = −0.5 should diverge (ηλ₂ ≥ 2(1+α))"
near ex2_10 loglu.fprime_at_neg5 0.16666666666666666 1e-15  # 1/(1+5)
near ex2_10 sigmoid.max_fprime 0.25 1e-15
grep -qx 'gradcheck.params 48' "$tmp/ex3_7.kv" || fail "ex3_7 checks 4·2·(2+3+1) parameters"
grep -qx 'largest_gain resnet152' "$tmp/ex5_11.kv" || fail "ResNet152 should gain most from fusion"
grep -qx 'conv.max_abs_diff 0' "$tmp/ex5_5.kv" || fail "direct and im2col convolution should agree bit for bit"

# 8.1: --time prints timings after the results, and never changes the kv.
"$AICS_BIN/ex8_1" --quiet --format=kv --time >"$tmp/timed.out" || fail "ex8_1 --time exited $?"
head -n "$(wc -l <"$tmp/ex8_1.kv")" "$tmp/timed.out" | cmp -s - "$tmp/ex8_1.kv" || fail "--time must not change the kv"
PATH=/nonexistent "$AICS_BIN/ex8_1" --time >"$tmp/nopy.txt" 2>&1 || fail "ex8_1 --time without python3 exited $?"
grep -q '未找到 python3，跳过' "$tmp/nopy.txt" || fail "without python3 the Python timing should say it was skipped"
"$AICS_BIN/ex8_1" --format=kv >"$tmp/again.kv" 2>/dev/null
cmp -s "$tmp/again.kv" "$tmp/ex8_1.kv" || fail "two runs of ex8_1 should print identical kv"
exit 0
