#!/bin/sh
# ex1_2 --help: exit 0, usage on stdout, every own option and the kv keys listed.
prog=$AICS_BIN/ex1_2
[ -x "$prog" ] || { echo "missing $prog"; exit 1; }
out=$("$prog" --help) || { echo "--help should exit 0"; exit 1; }
for want in "Usage: ex1_2" --facts --epochs --epsilon --arms --runs --steps --seed \
            symbolic.conclusion perceptron.xor.converged agent.final_avg_reward; do
    case $out in
        *"$want"*) ;;
        *) echo "--help does not mention $want"; exit 1 ;;
    esac
done
exit 0
