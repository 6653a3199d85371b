#!/bin/sh
# ex6_13.sh — the simulator reads a Caffe prototxt file, simulates its conv
# and FC layers, never beats the roofline bound, and a one-tile FC layer
# takes exactly load + compute + store cycles (solved by hand below).
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/small.prototxt" <<'NET'
name: "small"
input: "data"
input_dim: 1
input_dim: 3
input_dim: 32
input_dim: 32
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
  convolution_param { num_output: 8 kernel_size: 5 } }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1"
  pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "fc" type: "InnerProduct" bottom: "pool1" top: "fc"
  inner_product_param { num_output: 10 } }
NET
"$AICS_BIN/ex6_13" --quiet --format=kv "$tmp/small.prototxt" >"$tmp/kv" || fail "ex6_13 should run on a prototxt"
grep -q '^sim.check pass$' "$tmp/kv" || fail "every layer at or above the bound"
grep -q '^small.layer.conv1.cycles ' "$tmp/kv" || fail "per-layer cycles of the file's net: $(cat "$tmp/kv")"
# fc: 8·14·14 = 1568 inputs, 10 outputs, one tile (10 ≤ 16 channels). With
# 16 B per cycle (16 GB/s at 1 GHz): load (10·1569 + 1568)·2 = 34516 B →
# 2158 cycles; compute ⌈10/16⌉·⌈1568/16⌉ = 98 cycles; store 20 B → 2 cycles.
"$AICS_BIN/ex6_13" --quiet --format=kv --bw-gbps=16 --freq-ghz=1 "$tmp/small.prototxt" >"$tmp/kv2" ||
    fail "ex6_13 with options"
grep -q '^small.layer.fc.cycles 2258$' "$tmp/kv2" || fail "fc: expected 2158 + 98 + 2 = 2258 cycles: $(grep fc "$tmp/kv2")"
# The default run prints the answer only: nothing on stderr.
"$AICS_BIN/ex6_13" >"$tmp/out" 2>"$tmp/err" || fail "ex6_13 should run"
[ ! -s "$tmp/err" ] || fail "the default run should print nothing on stderr: $(cat "$tmp/err")"
exit 0
