#!/bin/sh
# ex3_file_batch.sh — the mistake "counted the deploy file's batch" uses each
# file's own batch (issue 18): a file stating batch 10 shows the row at ×10, a
# file stating batch 1 has no such row (the mistake cannot happen there), in
# the table and in kv alike; the built-in nets carry the batch of the released
# files they follow (AlexNet and VGG-19: 10, ResNet-152: 1).
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

# A tiny net: conv 4×8×8 on 3×8×8 (3×3, pad 1) + FC 10: 266 neurons, 6,912 + 2,560 = 9,472 mul.
net() { # NAME BATCH
    cat >"$tmp/$1.prototxt" <<PROTO
name: "$1"
input: "data"
input_dim: $2
input_dim: 3
input_dim: 8
input_dim: 8
layer { name: "c" type: "Convolution" bottom: "data" top: "c"
  convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }
layer { name: "f" type: "InnerProduct" bottom: "c" top: "f" inner_product_param { num_output: 10 } }
PROTO
}
net one 1
net ten 10
"$AICS_BIN/ex3_1" --format=kv "$tmp/one.prototxt" "$tmp/ten.prototxt" >"$tmp/1.kv" 2>"$tmp/err" ||
    fail "ex3_1: exit $? $(cat "$tmp/err")"
"$AICS_BIN/ex3_2" --format=kv "$tmp/one.prototxt" "$tmp/ten.prototxt" >"$tmp/2.kv" 2>"$tmp/err" ||
    fail "ex3_2: exit $? $(cat "$tmp/err")"
grep -qx 'one.file_batch 1' "$tmp/1.kv" && grep -qx 'ten.file_batch 10' "$tmp/1.kv" ||
    fail "ex3_1 should report each file's batch: $(grep file_batch "$tmp/1.kv")"
grep -qx 'one.total.neurons 266' "$tmp/1.kv" && grep -qx 'ten.total.neurons 266' "$tmp/1.kv" ||
    fail "counts are per image whatever the file's batch"
grep -qx 'ten.mistake.file_batch.neurons 2660' "$tmp/1.kv" || fail "batch 10: the mistake gives 10 × 266 neurons"
grep -qx 'ten.mistake.file_batch.mul 94720' "$tmp/2.kv" || fail "batch 10: the mistake gives 10 × 9,472 mul"
grep -q '^one\.mistake\.file_batch\.' "$tmp/1.kv" "$tmp/2.kv" && fail "batch 1: no file_batch mistake keys"
grep -q 'batch10' "$tmp/1.kv" "$tmp/2.kv" && fail "the old key batch10 is gone"

"$AICS_BIN/ex3_1" --detail "$tmp/one.prototxt" "$tmp/ten.prototxt" >"$tmp/1.txt" 2>/dev/null || fail "ex3_1 text"
grep -q '按部署文件的 batch 10 计' "$tmp/1.txt" || fail "the text shows the batch-10 row"
grep -q 'batch 1 计' "$tmp/1.txt" && fail "the text shows no row for batch 1"

"$AICS_BIN/ex3_1" --format=kv >"$tmp/b.kv" || fail "ex3_1 built-ins"
for want in 'alexnet.file_batch 10' 'vgg19.file_batch 10' 'resnet152.file_batch 1' \
    'alexnet.mistake.file_batch.neurons 6592720'; do
    grep -qx "$want" "$tmp/b.kv" || fail "built-in: expected '$want'"
done
grep -q '^resnet152\.mistake\.file_batch' "$tmp/b.kv" && fail "ResNet-152's file says batch 1: no row"
exit 0
