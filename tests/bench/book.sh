#!/bin/sh
# book.sh — how long `make book` takes from a clean tree (target: under 10 s on
# the 2-core machine) and when nothing changed (target: under 0.5 s), with the
# time of each step. It builds in a private build folder (make B=…), so the
# working tree's build/ is left alone. Exit 1 when a target is missed.
set -u
make=${MAKE:-make}
jobs=${JOBS:-2}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
step() { # step LABEL MAKE-ARGS… — time one make invocation
    label=$1; shift
    t0=$(now)
    $make -s -j"$jobs" "$@" >"$tmp/log" 2>&1 || { echo "bench: '$label' failed:"; cat "$tmp/log"; exit 1; }
    t=$(secs "$t0" "$(now)")
    printf '  %-28s %7s s\n' "$label" "$t"
}

echo "make book from a clean tree, step by step (B=$tmp/steps):"
b=$tmp/steps
step "compiling (make all)" B="$b" all
for src in chapters/ch*/ex*.c; do
    name=$(basename "$src" .c)
    step "running $name" B="$b" "$b/out/$name.kv"
done
step "copying assets and KaTeX" B="$b" "$b/book/assets/.stamp"
step "rendering the book" B="$b" book

echo "make book, end to end:"
t0=$(now)
$make -s -j"$jobs" B="$tmp/clean" book >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
clean=$(secs "$t0" "$(now)")
t0=$(now)
$make -s -j"$jobs" B="$tmp/clean" book >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
noop=$(secs "$t0" "$(now)")
status=0
verdict() { awk -v t="$1" -v max="$2" 'BEGIN { exit !(t < max) }' && echo ok || echo "OVER TARGET"; }
printf '  %-28s %7s s  (target < 10 s: %s)\n' "clean make book" "$clean" "$(verdict "$clean" 10)"
printf '  %-28s %7s s  (target < 0.5 s: %s)\n' "no-op make book" "$noop" "$(verdict "$noop" 0.5)"
awk -v t="$clean" 'BEGIN { exit !(t < 10) }' || status=1
awk -v t="$noop" 'BEGIN { exit !(t < 0.5) }' || status=1
exit $status
