#!/bin/sh
# install.sh — `make install DESTDIR=… PREFIX=/usr` puts the data under
# share/aics-workbook/, and the installed ex2_5, run from a folder with no
# data/ in it, finds it and computes the reference results; without the data
# the error names the option that sets the file, and exits 2.
command -v make >/dev/null || { echo "make is not installed"; exit 77; }
root=$(pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$root" install DESTDIR="$tmp/root" PREFIX=/usr \
    >"$tmp/log" 2>&1 || fail "make install failed: $(tail -3 "$tmp/log")"
share=$tmp/root/usr/share/aics-workbook
[ -f "$share/data/diabetes.csv" ] || fail "data/diabetes.csv should be installed under share/aics-workbook"
[ -f "$share/data/nets/lenet5.prototxt" ] || fail "data/nets/lenet5.prototxt should be installed"
mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere" || exit 1
"$tmp/root/usr/bin/ex2_5" --quiet --format=kv >"$tmp/kv" 2>"$tmp/err" ||
    fail "the installed ex2_5 should find its data from elsewhere: $(cat "$tmp/err")"
grep -v '^# aics-provenance' "$root/solutions/ch2/ex2_5.kv" | diff - "$tmp/kv" >/dev/null ||
    fail "the installed ex2_5 should compute the reference results"
rm "$share/data/diabetes.csv"
"$tmp/root/usr/bin/ex2_5" --quiet --format=kv >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || fail "a missing data file should exit 2, not $rc"
grep -q -- '--diabetes=FILE' "$tmp/err" || fail "the error should name --diabetes: $(cat "$tmp/err")"
exit 0
