#!/bin/sh
# autograder.sh — the Gradescope zip (tools/autograder/pack.sh): it holds
# setup.sh, run_autograder, static binaries and the references; unpacked
# into a fake /autograder, run_autograder grades a submission offline and
# writes results.json, with a wrong 3.2 total diagnosed.
set -u
build=${AICS_BUILD:-build}
# The zip holds statically linked programs; objects built with sanitizers cannot
# be linked statically without their runtimes, so `make sanitize` skips this.
[ -n "${AICS_SANITIZED:-}" ] && { echo "SKIP: the autograder zip links statically; not under sanitizers"; exit 77; }
[ -x "$build/bin/aics-grade" ] || { echo "FAIL: $build/bin/aics-grade is not built"; exit 1; }
for t in unzip python3; do command -v $t >/dev/null 2>&1 && break; done
command -v unzip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || { echo "SKIP: no unzip or python3"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/b" && cp -R "$build/obj" "$build/lib" "$tmp/b/" || exit 1
libs=$(ls "$tmp"/b/lib/libaics_*.a | awk '{ a[NR] = $0 } END {
    split("grade dlp nets models results core", order, " ")
    for (i = 1; i <= 6; i++) for (j = 1; j <= NR; j++) if (a[j] ~ "libaics_" order[i] "\\.a$") printf "%s ", a[j] }')
out=$(sh tools/autograder/pack.sh "$tmp/b" "$libs" "ex3_2" 2>&1) || { echo "FAIL: pack.sh: $out"; exit 1; }
zip=$tmp/b/autograder.zip
[ -f "$zip" ] || { echo "FAIL: no autograder.zip"; exit 1; }
mkdir -p "$tmp/ag/source" "$tmp/ag/submission"
if command -v unzip >/dev/null 2>&1; then unzip -q "$zip" -d "$tmp/ag/source"
else python3 -m zipfile -e "$zip" "$tmp/ag/source"; chmod +x "$tmp/ag/source/bin/"* "$tmp/ag/source/run_autograder"; fi
fail=0
for f in setup.sh run_autograder bin/aics-grade bin/ex3_2 solutions/ch3/ex3_2.kv solutions/ch3/ex3_2.spec; do
    [ -e "$tmp/ag/source/$f" ] || { echo "FAIL: the zip lacks $f"; fail=1; }
done
[ -e "$tmp/ag/source/solutions/ch2" ] && { echo "FAIL: EXERCISES=ex3_2 still packed chapter 2"; fail=1; }
file "$tmp/ag/source/bin/aics-grade" 2>/dev/null | grep -q dynamically && { echo "FAIL: aics-grade is not static"; fail=1; }
sed 's/^alexnet.total.mul .*/alexnet.total.mul 665784864/' solutions/ch3/ex3_2.kv >"$tmp/ag/submission/ex3_2.kv"
AUTOGRADER_ROOT=$tmp/ag sh "$tmp/ag/source/run_autograder" >/dev/null 2>&1 || { echo "FAIL: run_autograder failed"; fail=1; }
r=$tmp/ag/results/results.json
for want in '"score": 13,' '"max_score": 15,' '"mistakes": ["no_fc"]' '漏掉了全连接层'; do
    grep -qF -- "$want" "$r" 2>/dev/null || { echo "FAIL: results.json lacks $want"; fail=1; }
done
[ $fail = 0 ] && echo "autograder: zip packed and graded a submission offline"
exit $fail
