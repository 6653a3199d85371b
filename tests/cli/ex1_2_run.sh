#!/bin/sh
# ex1_2 runs: the same kv twice (deterministic), --seed changes only the agent,
# and --facts drives the rule system.
prog=$AICS_BIN/ex1_2
[ -x "$prog" ] || { echo "missing $prog"; exit 1; }
small="--quiet --format=kv --runs=50 --steps=200"
a=$("$prog" $small) && b=$("$prog" $small) || { echo "ex1_2 failed"; exit 1; }
[ "$a" = "$b" ] || { echo "two runs with the same seed differ"; exit 1; }
c=$("$prog" $small --seed=99) || exit 1
[ "$(echo "$a" | grep '^agent.final_avg_reward')" != "$(echo "$c" | grep '^agent.final_avg_reward')" ] ||
    { echo "another seed should change the agent's reward"; exit 1; }
[ "$(echo "$a" | grep '^symbolic\|^perceptron')" = "$(echo "$c" | grep '^symbolic\|^perceptron')" ] ||
    { echo "the seed must not change the rule system or the perceptron"; exit 1; }
echo "$a" | grep -qx 'perceptron.and.converged 1' || { echo "AND should converge"; exit 1; }
echo "$a" | grep -qx 'perceptron.xor.converged 0' || { echo "XOR should not converge"; exit 1; }
t=$("$prog" $small --facts=has_hair,pointed_teeth,claws,forward_eyes,tawny,black_stripes) || exit 1
echo "$t" | grep -qx 'symbolic.conclusion tiger' || { echo "--facts for a tiger should conclude tiger"; exit 1; }
echo "$t" | grep -qx 'symbolic.chain R1-R6-R10' || { echo "the tiger chain should be R1-R6-R10"; exit 1; }
warn=$(mktemp) || exit 1
n=$("$prog" $small --facts=made_up 2>"$warn") || { rm -f "$warn"; exit 1; }
grep -q "appears in no rule" "$warn" || { echo "an unknown fact should be warned about"; rm -f "$warn"; exit 1; }
rm -f "$warn"
echo "$n" | grep -qx 'symbolic.conclusion none' || { echo "an unknown fact should conclude none"; exit 1; }

# Figures: without gnuplot the results are the same and no figure appears; with it,
# both figures are written.
fig=$(mktemp -d) || exit 1
trap 'rm -rf "$fig"' EXIT
p=$(PATH=/nonexistent "$prog" $small --figures="$fig" 2>/dev/null) || { echo "without gnuplot ex1_2 should still succeed"; exit 1; }
[ "$p" = "$a" ] || { echo "without gnuplot the results should be the same"; exit 1; }
[ ! -e "$fig/ex1_2_perceptron.svg" ] || { echo "no figure should be written without gnuplot"; exit 1; }
if command -v gnuplot >/dev/null 2>&1; then
    "$prog" $small --format=none --figures="$fig" || { echo "the figure run failed"; exit 1; }
    for f in ex1_2_perceptron ex1_2_agent; do
        grep -q '<svg' "$fig/$f.svg" || { echo "figure $f.svg should be written"; exit 1; }
    done
fi
exit 0
