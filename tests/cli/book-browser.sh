#!/bin/sh
# book-browser.sh — the built book in a real browser: headless Chromium, no
# network, a fresh profile per page. After the scripts have run (--dump-dom
# with a virtual time budget) it checks that every math element became KaTeX
# output, that no raw $…$ math and no .katex-error is left, that no page loads
# anything from the network, that every src/href resolves to a file, and that
# the table of contents links (file and #anchor) resolve. It saves a screenshot
# of chapter3.html (else chapter2.html, else the first) in $AICS_BUILD/book-test/.
set -u
build=${AICS_BUILD:-build}
book=$build/book
chromium=${CHROMIUM:-chromium}
fail() { echo "FAIL: $*"; exit 1; }

if ! command -v "$chromium" >/dev/null 2>&1; then
    echo "chromium is not installed ('make deps' installs it); browser test skipped"
    exit 77
fi
command -v perl >/dev/null 2>&1 || { echo "perl is missing; browser test skipped"; exit 77; }
if [ ! -f "$book/index.html" ] || [ ! -f "$book/assets/katex/katex.min.js" ]; then
    ${MAKE:-make} -s book >/dev/null || fail "make book failed"
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
abs=$(cd "$book" && pwd)

browse() { # browse PAGE EXTRA-FLAGS... — a fresh profile every time
    page=$1; shift
    "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run \
        --user-data-dir="$tmp/profile.$$.$page" --virtual-time-budget=10000 "$@" \
        "file://$abs/$page" 2>>"$tmp/chromium.log"
}

pages=$(cd "$book" && ls index.html chapter*.html book.html 2>/dev/null)
[ -n "$pages" ] || fail "no pages in $book"
for page in $pages; do
    browse "$page" --dump-dom >"$tmp/$page.dom" || fail "chromium could not open $page"
    dom=$tmp/$page.dom
    grep -q '</html>' "$dom" || fail "$page: chromium returned no DOM (see its log: $(tail -2 "$tmp/chromium.log"))"
    grep -q 'math-rendered' "$dom" || fail "$page: book.js did not run, or KaTeX did not load"
    n_math=$(grep -o 'class="math[ "][^>]*>' "$dom" | wc -l)
    n_done=$(grep -o 'class="math[ "][^>]*><span class="katex' "$dom" | wc -l)
    [ "$n_math" -eq "$n_done" ] || fail "$page: only $n_done of $n_math math elements became KaTeX output"
    ! grep -q 'katex-error' "$dom" || fail "$page: KaTeX reported an error: $(grep -o 'title="[^"]*"' "$dom" | head -1)"
    # Text outside code and KaTeX's own TeX annotations must hold no $…$ math.
    raw=$(perl -0777 -ne 's/<annotation\b.*?<\/annotation>//gs; s/<(pre|code|script|style)\b.*?<\/\1>//gs;
        s/<[^>]+>/ /g; while (/(\$\$?)[^\s\$](?:[^\$]*[^\s\$])?\1(?!\d)/g) { print "$&\n"; }' "$dom")
    [ -z "$raw" ] || fail "$page: raw math left in the text: $(echo "$raw" | head -3)"
    # Every reference resolves to a file in the book, and none goes to the network.
    perl -ne 'while (/\b(?:src|href)="([^"#]*)(#[^"]*)?"/g) { print "$1\n" if length $1 }' "$dom" |
        sort -u >"$tmp/refs"
    while read -r ref; do
        case $ref in
            http:*|https:*|//*) fail "$page: refers to the network: $ref" ;;
            data:*|mailto:*) continue ;;
        esac
        [ -f "$book/$ref" ] || fail "$page: $ref does not resolve to a file"
    done <"$tmp/refs"
    # Links within the page (#id) have their targets.
    for id in $(perl -ne 'while (/\bhref="#([^"]+)"/g) { print "$1\n" }' "$dom" | sort -u); do
        grep -q "id=\"$id\"" "$dom" || fail "$page: link #$id has no target"
    done
    echo "ok $page: $n_math math elements rendered, $(wc -l <"$tmp/refs") references resolve"
done

# The stylesheets' url(…) references (KaTeX's fonts) resolve too.
for css in "$book"/assets/book.css "$book"/assets/katex/katex.min.css; do
    dir=$(dirname "$css")
    for ref in $(perl -ne 'while (/url\(["\x27]?([^)"\x27]+)/g) { print "$1\n" }' "$css" | sort -u); do
        case $ref in data:*) continue ;; http*|//*) fail "$css refers to the network: $ref" ;; esac
        [ -f "$dir/$ref" ] || fail "$css: $ref does not resolve to a file"
    done
done

# The table of contents: every link's page exists and holds its #anchor.
perl -0777 -ne 'if (/<nav class="toc">(.*?)<\/nav>/s) { my $t = $1; print "$1 $2\n" while $t =~ /href="([^"#]+)#?([^"]*)"/g }' \
    "$tmp/index.html.dom" >"$tmp/toc"
[ -s "$tmp/toc" ] || fail "index.html has no table of contents"
while read -r file anchor; do
    [ -f "$book/$file" ] || fail "contents link $file does not resolve"
    [ -z "$anchor" ] || grep -q "id=\"$anchor\"" "$book/$file" || fail "contents link $file#$anchor has no target"
done <"$tmp/toc"
echo "ok index.html: $(wc -l <"$tmp/toc") contents links resolve"

# A screenshot for a person to look at.
shot=
for f in chapter3.html chapter2.html $(cd "$book" && ls chapter*.html); do
    [ -f "$book/$f" ] && { shot=$f; break; }
done
mkdir -p "$build/book-test"
browse "$shot" --window-size=1100,3200 --hide-scrollbars \
    --screenshot="$(cd "$build/book-test" && pwd)/${shot%.html}.png" >/dev/null ||
    fail "chromium could not take a screenshot of $shot"
[ -s "$build/book-test/${shot%.html}.png" ] || fail "no screenshot of $shot"
echo "ok screenshot: $build/book-test/${shot%.html}.png"
exit 0
