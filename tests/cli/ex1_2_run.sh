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
exit 0
