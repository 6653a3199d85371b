#!/bin/sh
# build_recovery.sh — an interrupted or partial build recovers with a plain
# `make book`: on a private copy of the tree and of the finished build, each
# sequence ends with the same book as the finished one, with no `make clean`:
#   1. a figure deleted from the book, and one deleted from build/out;
#   2. `rm -rf build/book`;
#   3. a build without gnuplot, then with it;
#   4. `make book` killed (SIGKILL, whole process group) at several moments while
#      it compiles, links and runs programs.
set -u
fail() { echo "FAIL: $*"; exit 1; }
build=${AICS_BUILD:-build}
[ -f "$build/book/index.html" ] || { echo "needs a finished 'make book' in $build"; exit 77; }
command -v gnuplot >/dev/null 2>&1 || { echo "needs gnuplot for the figure sequences"; exit 77; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
tree=$tmp/tree
mkdir -p "$tree"
# The sources (no .git, no build) and a copy of the build with its times.
tar -cf - --exclude=./.git --exclude="./$build" . | (cd "$tree" && tar -xf -)
cp -a "$build" "$tree/build"
cd "$tree" || exit 1
mk() { make --no-print-directory B=build book >"$tmp/log" 2>&1 || fail "make book failed after $1: $(tail -5 "$tmp/log")"; }
mk "copying the build"
cp -a build/book "$tmp/want"
same() { diff -r "$tmp/want" build/book >"$tmp/diff" 2>&1 || fail "after $1 the book differs: $(head -5 "$tmp/diff")"; }

fig=$(ls build/book/fig | head -1)
[ -n "$fig" ] || fail "the book has no figure"
rm "build/book/fig/$fig"; mk "deleting book/fig/$fig"; same "deleting book/fig/$fig"
rm "build/out/fig/$fig"; mk "deleting out/fig/$fig"; same "deleting out/fig/$fig"
[ -f "build/out/fig/$fig" ] || fail "the program drawing $fig should have run again"
rm -rf build/book; mk "rm -rf build/book"; same "rm -rf build/book"

# Without gnuplot: a PATH of links to everything but gnuplot.
mkdir "$tmp/bin"
for d in /usr/local/bin /usr/bin /bin; do
    for f in "$d"/*; do
        n=${f##*/}
        case $n in gnuplot*) continue ;; esac
        [ -e "$tmp/bin/$n" ] || ln -s "$f" "$tmp/bin/$n"
    done
done
PATH=$tmp/bin make --no-print-directory B=build book >"$tmp/log" 2>&1 || fail "make book without gnuplot failed: $(tail -3 "$tmp/log")"
grep -q 'running' "$tmp/log" || fail "losing gnuplot should rerun the programs"
mk "installing gnuplot again"; same "installing gnuplot again"

# Killed at several moments: while compiling and linking one program, and while
# running programs.
for delay in 0.2 0.5 0.9 1.4 2.0; do
    touch chapters/ch2/ex2_7.c build/bin/ex3_1 build/bin/ex2_3
    setsid make --no-print-directory B=build book >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 -- "-$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    mk "a kill after ${delay}s"; same "a kill after ${delay}s"
done
ls build/out | grep -q '\.stage$' && fail "a staging folder was left behind after a good build"
exit 0
