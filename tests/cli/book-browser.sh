#!/bin/sh
# book-browser.sh — the built book in a real browser: runs book-browser.js
# (one headless Chromium session for every page at 1280 and 390 px; see its
# header for what it checks) and the stylesheets' url(…) references. Skips
# (77) when Chromium, Node.js or the npm packages ('make deps') are missing.
set -u
build=${AICS_BUILD:-build}
book=$build/book
fail() { echo "FAIL: $*"; exit 1; }

command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1 ||
    { echo "chromium is not installed ('make deps' installs it); browser test skipped"; exit 77; }
command -v node >/dev/null 2>&1 || { echo "node is not installed; browser test skipped"; exit 77; }
[ -f node_modules/puppeteer-core/package.json ] ||
    { echo "puppeteer-core is not installed ('make deps' runs npm ci); browser test skipped"; exit 77; }
if [ ! -f "$book/index.html" ] || [ ! -f "$book/assets/katex/katex.min.js" ]; then
    ${MAKE:-make} -s book >/dev/null || fail "make book failed"
fi

CHROMIUM_PATH=$(command -v "${CHROMIUM:-chromium}") node tests/cli/book-browser.js "$book" "$build/book-test" ||
    exit 1

# The stylesheets' url(…) references (KaTeX's fonts) resolve too.
for css in "$book"/assets/book.css "$book"/assets/katex/katex.min.css; do
    dir=$(dirname "$css")
    for ref in $(perl -ne 'while (/url\(["\x27]?([^)"\x27]+)/g) { print "$1\n" }' "$css" | sort -u); do
        case $ref in data:*) continue ;; http*|//*) fail "$css refers to the network: $ref" ;; esac
        [ -f "$dir/$ref" ] || fail "$css: $ref does not resolve to a file"
    done
done
echo "ok stylesheets: every url() resolves"
exit 0
