#!/bin/sh
# lenet5.sh — data/nets/lenet5.prototxt, the sample network that ships with
# the project, counted by hand here and by ex3_1 / ex3_2 (the README shows
# `ex3_2 data/nets/lenet5.prototxt`). Per image, conv mul = out × C_in·K², add
# = out × (C_in·K² − 1 + 1) with bias; FC mul = add = N_of × N_if:
#   conv1   6×28×28 = 4704 outputs × 1·25  = 117,600   params 6·25+6      =    156
#   conv2  16×10×10 = 1600 outputs × 6·25  = 240,000   params 16·150+16   =  2,416
#   conv3 120×1×1   =  120 outputs × 16·25 =  48,000   params 120·400+120 = 48,120
#   fc1    84 × 120                        =  10,080   params 84·120+84   = 10,164
#   fc2    10 × 84                         =     840   params 10·84+10    =    850
#   total mul = add                         = 416,520   params             = 61,706
#   neurons 4704 + 1600 + 120 + 84 + 10     =   6,518
# Other work: ReLU compares 4704+1600+120+84 = 6508, Softmax 9 more (the max):
# 6517; average pooling adds 3 per output (1176+400 outputs) = 4728, Softmax
# 9 sums and 10 subtractions: 4747; divisions 1176+400 (pooling) + 10 = 1586.
root=${AICS_ROOT:-.}
net=$root/data/nets/lenet5.prototxt
[ -f "$net" ] || { echo "missing $net"; exit 1; }
status=0
expect() { # KV KEY VALUE
    got=$(awk -v k="$2" '$1 == k { print $2 }' "$1")
    [ "$got" = "$3" ] || { echo "FAIL: $2 is $got, counted by hand $3"; status=1; }
}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$AICS_BIN/ex3_2" --quiet --format=kv "$net" >"$tmp/m.kv" || { echo "ex3_2 $net failed"; exit 1; }
"$AICS_BIN/ex3_1" --quiet --format=kv "$net" >"$tmp/p.kv" || { echo "ex3_1 $net failed"; exit 1; }
expect "$tmp/m.kv" lenet5.layer.conv1.mul 117600
expect "$tmp/m.kv" lenet5.layer.conv2.mul 240000
expect "$tmp/m.kv" lenet5.layer.conv3.mul 48000
expect "$tmp/m.kv" lenet5.layer.fc1.mul 10080
expect "$tmp/m.kv" lenet5.layer.fc2.add 840
expect "$tmp/m.kv" lenet5.total.mul 416520
expect "$tmp/m.kv" lenet5.total.add 416520
expect "$tmp/m.kv" lenet5.total.other.cmp 6517
expect "$tmp/m.kv" lenet5.total.other.add 4747
expect "$tmp/m.kv" lenet5.total.other.div 1586
expect "$tmp/m.kv" lenet5.total.other.exp 10
expect "$tmp/p.kv" lenet5.total.params 61706
expect "$tmp/p.kv" lenet5.total.neurons 6518
expect "$tmp/p.kv" lenet5.layer.conv2.params 2416
# The text answer shows it too, with separators.
"$AICS_BIN/ex3_2" --quiet "$net" | head -15 | grep -q 'lenet5 *416,520 *416,520' ||
    { echo "FAIL: ex3_2's answer should show lenet5's 416,520 mul and add"; status=1; }
exit $status
