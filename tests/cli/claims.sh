#!/bin/sh
# claims.sh — qualitative claims are computed verdicts. A false {{claim}}
# stops the book with file:line:col; prose that states a claim without one
# fails the lint. The flip: on an orthogonal design every ridge coefficient
# shrinks as c_j/(1+λ), so ex2_5's verdict diabetes.ridge.coef_monotone_all
# turns to 1, while the book's sentence claims 0.
set -u
fail() { echo "FAIL: $*"; exit 1; }
for b in ex2_5 aics-book; do [ -x "$AICS_BIN/$b" ] || fail "$b is not built"; done
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
ch=$tmp/ch res=$tmp/res out=$tmp/book
mkdir -p "$ch/ch2" "$res" "$out/fig"
ln -s "$(pwd)/src" "$tmp/src" # {{code ../src/…}} resolves against the chapters folder
cp chapters/ch2/ex2_5.md "$ch/ch2/"
printf 'title 测试之书\nchapter 2 神经网络基础\nexercise ch2/ex2_5 2.5 过拟合\n' >"$ch/outline.txt"
run() { "$AICS_BIN/ex2_5" --quiet --format=none --write=kv:"$res/ex2_5.kv" --write=md:"$res/ex2_5.md" \
            --write=labels:"$res/ex2_5.labels" --figures="$out/fig" "$@" 2>"$tmp/run.err" || fail "ex2_5 $* failed: $(cat "$tmp/run.err")"; }
gen() { "$AICS_BIN/aics-book" --chapters "$ch" --results "$res" --figures "$out/fig" --out "$out" 2>"$tmp/err"; }

# The real data: the claims hold and the book builds, with the mark beside them.
run
gen || fail "the book should build on the real data: $(cat "$tmp/err")"
grep -q 'class="claim"' "$out/chapter2.html" || fail "a checked claim should be marked on the page"
rm -f "$out"/*.html "$out"/*.md

# An orthogonal design under the diabetes column names: 16 rows of a Sylvester
# Hadamard matrix (columns 1–10; each is ±1 with mean 0), y a mix of them.
awk 'function parity(a, b,  c, k) { c = 0; for (k = 0; k < 4; k++) { c += a % 2 && b % 2; a = int(a / 2); b = int(b / 2) } return c % 2 }
     BEGIN { print "age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,y"
             for (i = 0; i < 16; i++) { y = 150; line = ""
                 for (j = 1; j <= 11; j++) { h = parity(i, j) ? -1 : 1
                     if (j <= 10) { line = line h ","; y += (11 - j) * 3 * h } else y += h }
                 print line y } }' >"$tmp/orth.csv"
run --diabetes "$tmp/orth.csv"
grep -q '^diabetes.ridge.coef_monotone_all 1$' "$res/ex2_5.kv" || fail "on an orthogonal design every ridge coefficient should be monotone"
gen && fail "a false claim should stop the book"
line=$(grep -n '{{claim ex2_5 diabetes.ridge.coef_monotone_all 0}}' "$ch/ch2/ex2_5.md" | head -1 | cut -d: -f1)
grep -q "^$ch/ch2/ex2_5.md:$line:[0-9]*: the claim is false: ex2_5 reports diabetes.ridge.coef_monotone_all = 1, but the sentence claims 0" "$tmp/err" \
    || fail "the error should name the claim's file:line:col and both values: $(cat "$tmp/err")"
[ ! -e "$out/chapter2.html" ] || fail "a failed build should write no page"

# The lint: a claim word needs a {{claim}} in its sentence, or a reasoned claim-ok.
run
lint() { "$AICS_BIN/aics-book" --lint --chapters "$ch" --results "$res" 2>"$tmp/lint"; }
lint || fail "the chapter's own prose should pass the lint: $(cat "$tmp/lint")"
printf '### 解答\n\n损失先下降。后来它开始振荡，然后发散。\n' >"$ch/ch2/ex2_5.md"
lint && fail "an unverified claim should fail the lint"
grep -q "^$ch/ch2/ex2_5.md:3:12: '振荡': a qualitative claim needs the program's verdict" "$tmp/lint" \
    || fail "the lint should name file:line:col of the claim word: $(cat "$tmp/lint")"
printf '### 解答\n\nL2 路径上各系数并不都随 λ 单调 {{claim ex2_5 diabetes.ridge.coef_monotone_all 0}}。\n\n由 $f'"'"'>0$ 知 $f$ 单调。<!-- claim-ok: 推导 -->\n' >"$ch/ch2/ex2_5.md"
lint || fail "a claim with its verdict, and a reasoned claim-ok, should pass: $(cat "$tmp/lint")"
# The words of movement (issue 18): "一路上升" needs a verdict; "梯度下降" is a name.
printf '### 解答\n\n用梯度下降训练。\n\n验证误差却一路上升。\n' >"$ch/ch2/ex2_5.md"
lint && fail "'一路上升' without a verdict should fail the lint"
grep -q "ex2_5.md:5:6: '一路'" "$tmp/lint" || fail "'一路' should be flagged at 5:6: $(cat "$tmp/lint")"
grep -q "ex2_5.md:3:" "$tmp/lint" && fail "'梯度下降' is a name, not a claim: $(cat "$tmp/lint")"
printf '### 解答\n\n验证误差一路上升 {{claim ex2_5 early.val_rises_after_min 1}}。\n' >"$ch/ch2/ex2_5.md"
lint || fail "'一路上升' with its verdict should pass: $(cat "$tmp/lint")"
printf '### 解答\n\n{{figure ex2_5_ridge_path 系数单调缩小}}\n' >"$ch/ch2/ex2_5.md"
lint && fail "a figure caption may not state a claim"
grep -q "ex2_5.md:3:[0-9]*: '单调': a figure caption may not state" "$tmp/lint" || fail "caption message: $(cat "$tmp/lint")"
exit 0
