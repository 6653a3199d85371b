#!/bin/sh
# memory_regressions.sh — inputs that once made a program read freed memory
# (issue 14), with the answers they must give. Under valgrind, when it is
# installed, any invalid read fails the test; `make sanitize` catches the same.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
vg=
# Not under `make sanitize` (AICS_SANITIZED=1): valgrind cannot run ASan binaries.
[ -z "${AICS_SANITIZED:-}" ] && command -v valgrind >/dev/null 2>&1 && vg="valgrind -q --error-exitcode=99"

# Five layers whose names all sanitise to "c_1", and a sixth that already is
# "c_1_3": layer_keys freed a name its sorted copy still pointed to.
{
    printf 'input: "data"\ninput_dim: 1\ninput_dim: 3\ninput_dim: 8\ninput_dim: 8\n'
    prev=data i=0
    for n in c/1 c-1 "c 1" c.1 C_1 c_1_3; do
        printf 'layer { name: "%s" type: "ReLU" bottom: "%s" top: "t%d" }\n' "$n" "$prev" $i
        prev=t$i i=$((i + 1))
    done
} >"$tmp/same.prototxt"
$vg "$AICS_BIN/ex3_1" --quiet --format=kv "$tmp/same.prototxt" >"$tmp/same.kv" 2>"$tmp/err" ||
    fail "ex3_1 on layers with one sanitised name: exit $? $(cat "$tmp/err")"
keys=$(sed -n 's/^same\.layer\.\(.*\)\.neurons .*/\1/p' "$tmp/same.kv" | tr '\n' ' ')
[ "$keys" = "data c_1 c_1_2 c_1_4 c_1_5 c_1_6 c_1_3 " ] ||
    fail "layer keys: a clash takes the smallest free suffix, and an existing name keeps its own: got '$keys'"

# The stale lint over a prose file that names several programs: the kv of
# the first was kept while the cache of the others grew.
mkdir -p "$tmp/ch/ch2" "$tmp/res"
"$AICS_BIN/ex2_7" --quiet --format=kv >"$tmp/res/ex2_7.kv" || fail "ex2_7 did not run"
for p in ex1_2 ex2_3 ex2_5; do printf '# aics-result v1 exercise=x seed=0 convention=c\nk 1\n' >"$tmp/res/$p.kv"; done
printf '求导。{{value ex2_3 k}} {{value ex1_2 k}} {{value ex2_5 k}}\n\n误差约为 1.49e-11，差距 0.0513。\n' \
    >"$tmp/ch/ch2/ex2_7.md"
$vg "$AICS_BIN/aics-book" --lint --chapters "$tmp/ch" --results "$tmp/res" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "the lint should find two typed-in outputs (exit 1), got exit $rc: $(cat "$tmp/err")"
grep -q "ex2_7.md:3:6: '1.49e-11': this is output sigmoid.max_err.numeric of ex2_7" "$tmp/err" ||
    fail "the first program's outputs should still be checked: $(cat "$tmp/err")"
grep -q "ex2_7.md:3:18: '0.0513': this is output phi.gap_at_3 of ex2_7" "$tmp/err" ||
    fail "0.0513 should be caught as phi.gap_at_3: $(cat "$tmp/err")"
exit 0
