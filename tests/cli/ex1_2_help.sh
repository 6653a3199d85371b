#!/bin/sh
# ex1_2 --help: exit 0, Chinese usage on stdout, every own option, and the fact
# ids --facts takes with their Chinese meaning (generated from the rule base).
prog=$AICS_BIN/ex1_2
[ -x "$prog" ] || { echo "missing $prog"; exit 1; }
out=$("$prog" --help) || { echo "--help should exit 0"; exit 1; }
for want in "用法：ex1_2" --facts --epochs --epsilon --arms --runs --steps --seed \
            "has_hair         有毛发" "black_stripes    有黑色条纹" "flies_well       善飞" \
            "默认0.1；0≤P≤1；报告为agent.epsilon"; do
    flat=$(printf '%s' "$out" | tr -d ' \n')
    case $out$flat in
        *"$want"*) ;;
        *) echo "--help does not mention '$want'"; exit 1 ;;
    esac
done
exit 0
