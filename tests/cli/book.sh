#!/bin/sh
# book.sh — the book generator from the outside, on a private copy of chapter 2
# with the test prose tests/book/ex2_7.md: pages and book.md, reproducible and
# no-op builds, file:line:col errors that write nothing, missing figures,
# --chapter and --strict.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
ch=$tmp/ch res=$tmp/res out=$tmp/book
mkdir -p "$ch/ch2" "$res" "$out/fig"
cp chapters/ch2/ex2_7.c "$ch/ch2/"
cp tests/book/ex2_7.md "$ch/ch2/ex2_7.md"
printf '# test outline\ntitle 测试之书\nchapter 2 神经网络基础\nexercise ch2/ex2_7 2.6、2.7 导数\n' >"$ch/outline.txt"
"$AICS_BIN/ex2_7" --quiet --format=none --write=kv:"$res/ex2_7.kv" --write=md:"$res/ex2_7.md" --write=labels:"$res/ex2_7.labels" \
    --figures="$out/fig" 2>/dev/null || fail "ex2_7 did not run"
gen() { "$AICS_BIN/aics-book" --chapters "$ch" --results "$res" --figures "$out/fig" --out "$out" "$@"; }
inodes() { ls -i "$out"/*.html "$out"/*.md 2>/dev/null; }
has_gnuplot=no; [ -f "$out/fig/ex2_7_functions.svg" ] && has_gnuplot=yes

# A full build: every page, complete HTML, values, math, figures, book.md.
gen 2>"$tmp/err" || fail "the first build failed: $(cat "$tmp/err")"
for f in index.html chapter2.html book.html book.md; do [ -s "$out/$f" ] || fail "$f was not written"; done
grep -q 'rendering chapter2' "$tmp/err" || fail "progress should name each step on stderr"
p=$out/chapter2.html
grep -q '<meta charset="utf-8">' "$p" && grep -q '<html lang="zh-CN">' "$p" || fail "pages need charset and lang"
grep -q 'src="assets/katex/katex.min.js"' "$p" || fail "KaTeX must come from the book's assets"
grep -q '<span class="math">\\sigma'"'"'(0) = 0.25</span>' "$p" || fail "{{value}} inside math should expand"
grep -q '<td>2.22e-16</td>' "$p" || fail "{{value … %.2e}} should format the number"
grep -q '<span class="math">|x|</span>' "$p" || fail "math with | should survive"
grep -q '价格 \$5 and \$10 不是公式' "$p" || fail "'\$5 and \$10' is not math"
grep -q 'static double sigmoid_prime' "$p" || fail "{{code}} should pull the anchored lines"
grep -q 'ANCHOR' "$p" && fail "anchor markers must not be shown"
grep -q '<li class="pass" title="[^"]*"><span class="badge">✓ 通过</span> φ' "$p" || fail "self-check verdicts should be shown"
grep -q '<a href="chapter2.html#ex2_7">' "$out/index.html" || fail "the contents should link the exercise"
grep -q '^\$\$$' "$out/book.md" && grep -q '0.25' "$out/book.md" || fail "book.md should keep math and hold values"
grep -q 'aics:part' "$out/book.md" && fail "part markers should not reach book.md"
if [ $has_gnuplot = yes ]; then
    grep -q '<a class="figure-open" href="fig/ex2_7_functions.svg" title="打开原图"><img src="fig/ex2_7_functions.svg" alt="图 2.1：[^"]*">' "$p" || fail "the figure should be linked"
    grep -q '!\[图 2.1　φ、σ 及其导数与 \$\\tanh\$ 的比较\](fig/ex2_7_functions.svg)' "$out/book.md" ||
        fail "book.md should show the figure as an image"
fi
grep -rq "$tmp" "$out"/*.html "$out"/*.md && fail "pages must not hold absolute paths"

# A no-op build rewrites nothing; a clean build elsewhere is byte-identical.
inodes >"$tmp/before"
gen 2>"$tmp/err" || fail "the second build failed"
inodes | cmp -s - "$tmp/before" || fail "a no-op build should not replace any file"
grep -q ': 0 of [0-9]* files changed' "$tmp/err" || fail "a no-op build should say it wrote nothing: $(tail -1 "$tmp/err")"
mkdir -p "$tmp/book2" && cp -r "$out/fig" "$tmp/book2/"
"$AICS_BIN/aics-book" --quiet --chapters "$ch" --results "$res" --figures "$tmp/book2/fig" --out "$tmp/book2" ||
    fail "the second clean build failed"
for f in index.html chapter2.html book.html book.md; do
    cmp -s "$out/$f" "$tmp/book2/$f" || fail "two clean builds differ in $f"
done

# Two prints of a page as PDF (report/print-pdf.js, as make book-pdf prints the
# book) are byte-identical and hold no date. Needs Chromium, qpdf and puppeteer.
chromium=$(command -v "${CHROMIUM:-chromium}" 2>/dev/null)
if [ -n "$chromium" ] && command -v qpdf >/dev/null && command -v node >/dev/null &&
   [ -f node_modules/puppeteer-core/package.json ]; then
    [ -d "${AICS_BUILD:-build}/book/assets" ] && cp -r "${AICS_BUILD:-build}/book/assets" "$out/"
    for n in 1 2; do
        CHROMIUM_PATH=$chromium node report/print-pdf.js "$out/chapter2.html" "$tmp/print$n.pdf" ||
            fail "print-pdf.js failed"
    done
    cmp -s "$tmp/print1.pdf" "$tmp/print2.pdf" || fail "two prints of the same page differ (PDF)"
    grep -aq 'CreationDate\|ModDate' "$tmp/print1.pdf" && fail "the PDF holds a date"
    rm -rf "$out/assets"
else
    echo "no Chromium, qpdf or puppeteer-core: the PDF reproducibility check skipped"
fi

# Each broken source: one line "file:line:col: message", exit 2, nothing written.
expect_error() { # expect_error WHAT PATTERN — run gen, which must fail so
    gen --quiet 2>"$tmp/err"; rc=$?
    [ $rc -eq 2 ] || fail "$1: exit $rc, expected 2"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$1: the error should be one line: $(cat "$tmp/err")"
    grep -q "$2" "$tmp/err" || fail "$1: expected /$2/, got: $(cat "$tmp/err")"
    inodes | cmp -s - "$tmp/before" || fail "$1: a failed build must not write anything"
}
n=$(($(wc -l <tests/book/ex2_7.md) + 1))
broken() { cp tests/book/ex2_7.md "$ch/ch2/ex2_7.md"; printf '%s\n' "$1" >>"$ch/ch2/ex2_7.md"; }
broken '文字 {{bogus x}}'
expect_error "unknown directive" "ch2/ex2_7.md:$n:4: unknown directive 'bogus'"
broken '值 {{value ex2_7 no.such.key}}'
expect_error "missing key" "ch2/ex2_7.md:$n:17: program 'ex2_7' has no result 'no.such.key'"
broken '{{include ex2_7 nopart}}'
expect_error "missing part" "ch2/ex2_7.md:$n:17: program 'ex2_7' has no part 'nopart' (its parts: origin, table, check, saturation, gradients, answer, brief)"
broken '{{code ch2/ex2_7.c no_anchor}}'
expect_error "missing anchor" "ch2/ex2_7.md:$n:20: ch2/ex2_7.c has no anchor 'no_anchor'"
broken '{{include ex9_9}}'
expect_error "missing output" "ch2/ex2_7.md:$n:11: no md output for program 'ex9_9'"
broken '见 {{include ex2_7 origin}}'
expect_error "inline block directive" "ch2/ex2_7.md:$n:3: {{include …}} is a block directive"
broken '{{value ex2_7 phi.check %.2f}}'
expect_error "format of a word" "ch2/ex2_7.md:$n:25: format %.2f needs a number"
broken '{{value ex2_7 grid.points'
expect_error "unclosed directive" "ch2/ex2_7.md:$n:1: unclosed directive"
if [ $has_gnuplot = yes ]; then
    broken '{{figure ex2_7_nosuch 图}}'
    expect_error "missing figure" "ch2/ex2_7.md:$n:10: no figure 'ex2_7_nosuch'"
fi
cp tests/book/ex2_7.md "$ch/ch2/ex2_7.md"
cp "$ch/outline.txt" "$tmp/outline.good"
printf 'chapter two 标题\n' >>"$ch/outline.txt"
expect_error "bad outline" "outline.txt:5:9: expected a chapter number 1-99"
printf 'exercise ch2/ex2_9 2.9 不存在\n' >"$ch/outline.txt.tail"
cat "$tmp/outline.good" "$ch/outline.txt.tail" >"$ch/outline.txt"
expect_error "missing prose" "outline.txt:5: cannot read the prose"
cp "$tmp/outline.good" "$ch/outline.txt" && rm "$ch/outline.txt.tail"

# Without gnuplot a missing figure is a visible placeholder; --strict makes it an error.
mv "$out/fig/ex2_7_functions.svg" "$tmp/saved.svg" 2>/dev/null
PATH=/nonexistent gen --quiet 2>"$tmp/err" || fail "without gnuplot a missing figure should not fail the build"
grep -q 'figure ex2_7_functions is missing' "$tmp/err" || fail "the missing figure should be reported on stderr"
grep -q 'class="figure-missing"' "$out/chapter2.html" || fail "the page should show a placeholder"
PATH=/nonexistent gen --quiet --strict 2>/dev/null; [ $? -eq 2 ] || fail "--strict should make it an error"
[ -f "$tmp/saved.svg" ] && mv "$tmp/saved.svg" "$out/fig/ex2_7_functions.svg"

# --chapter renders that chapter and the index, and leaves the whole-book files alone.
rm "$out/index.html" "$out/chapter2.html" "$out/book.md"
gen --quiet --chapter 2 || fail "--chapter 2 failed"
[ -f "$out/index.html" ] && [ -f "$out/chapter2.html" ] || fail "--chapter should write the chapter and the index"
[ -f "$out/book.md" ] && fail "--chapter should not write book.md"
gen --quiet --chapter 9 2>/dev/null; [ $? -eq 2 ] || fail "an unknown chapter should exit 2"

# A failed self-check is shown as such, and --strict refuses it.
sed -i 's/^phi.check pass$/phi.check fail/' "$res/ex2_7.kv"
gen --quiet 2>"$tmp/err" || fail "a failed self-check should not stop a normal build"
grep -q '<li class="fail" title="[^"]*"><span class="badge">✗ 未通过</span>' "$out/chapter2.html" || fail "a failed check should show"
grep -q 'self-check phi.check of ex2_7 failed' "$tmp/err" || fail "a failed check should be warned about"
gen --quiet --strict 2>/dev/null; [ $? -eq 2 ] || fail "--strict should refuse a failed self-check"
exit 0
