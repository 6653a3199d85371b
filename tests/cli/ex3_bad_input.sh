#!/bin/sh
# ex3_bad_input.sh — every malformed or unsupported prototxt gets one line
# "file:line:col: message" on stderr, exit 2 and no output, from ex3_1 and ex3_2.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
in='input: "data"
input_dim: 1
input_dim: 3
input_dim: 8
input_dim: 8
'

# expect NAME PATTERN: both programs exit 2 with one line matching PATTERN and print nothing.
expect() {
    for prog in ex3_1 ex3_2; do
        "$AICS_BIN/$prog" --quiet --format=kv "$tmp/$1.prototxt" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        [ "$rc" -eq 2 ] || fail "$prog on $1 should exit 2, got $rc: $(cat "$tmp/err")"
        [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$prog on $1 should print one line, got: $(cat "$tmp/err")"
        grep -q "^$tmp/$1.prototxt:$2" "$tmp/err" || fail "$prog on $1: expected '$2', got: $(cat "$tmp/err")"
        [ ! -s "$tmp/out" ] || fail "$prog on $1 should print no results"
    done
}

printf '%slayer {\n  name: "c"\n  type: "ReLU"\n' "$in" >"$tmp/unbalanced.prototxt"
expect unbalanced '6:7: .*'

printf '%slayer { name: "c" type: "Convolution" bottom: "data" top: "c"\n  convolution_param { num_output: }\n}\n' "$in" >"$tmp/missing_value.prototxt"
expect missing_value '7:.*'

printf '%slayer { name: "p" type: "Pooling" bottom: "data" top: "p"\n  pooling_param { pool: MEDIAN kernel_size: 2 } }\n' "$in" >"$tmp/bad_enum.prototxt"
expect bad_enum "7:19: unknown value 'MEDIAN' for 'pool'"

printf '%slayer { name: "r" type: "ReLU" bottom: "nothing" top: "r" }\n' "$in" >"$tmp/no_bottom.prototxt"
expect no_bottom "6:1: layer 'r' (ReLU): bottom 'nothing' is not produced"

printf '%slayer { name: "a" type: "ReLU" bottom: "b" top: "a" }\nlayer { name: "b" type: "ReLU" bottom: "a" top: "b" }\n' "$in" >"$tmp/cycle.prototxt"
expect cycle "6:1: .*cycle"

printf 'input: "data"\ninput_dim: 1\ninput_dim: 3\ninput_dim: 0\ninput_dim: 8\n' >"$tmp/zero_size.prototxt"
expect zero_size "2:1: input dimension 3 is 0"

printf 'input: "data"\ninput_dim: 1\ninput_dim: -3\ninput_dim: 8\ninput_dim: 8\n' >"$tmp/negative_size.prototxt"
expect negative_size "2:1: input dimension 2 is -3"

printf '%slayer { name: "c" type: "Convolution" bottom: "data" top: "c"\n  convolution_param { num_output: 0 kernel_size: 3 } }\n' "$in" >"$tmp/zero_output.prototxt"
expect zero_output "6:1: layer 'c' (Convolution): num_output must be positive"

printf '%slayer { name: "c" type: "Convolution" bottom: "data" top: "c"\n  convolution_param { num_output: 4 kernel_size: 11 pad: 1 } }\n' "$in" >"$tmp/big_kernel.prototxt"
expect big_kernel "6:1: layer 'c' (Convolution): kernel 11x11 .* larger than the padded input 10x10"

printf 'input: "data"\ninput_dim: 1\ninput_dim: 1048576\ninput_dim: 4096\ninput_dim: 4096\nlayer { name: "c" type: "Convolution" bottom: "data" top: "c"\n  convolution_param { num_output: 1048576 kernel_size: 1 } }\n' >"$tmp/overflow.prototxt"
expect overflow "6:1: layer 'c' (Convolution): a count overflows 64 bits"

: >"$tmp/empty.prototxt"
expect empty '.*'

printf 'layer {\0\001\002 }' >"$tmp/binary.prototxt"
expect binary '1:8: .*binary'

printf '%slayer { name: "act" type: "Swish" bottom: "data" top: "s" }\n' "$in" >"$tmp/unknown.prototxt"
expect unknown "6:21: unknown layer type 'Swish' in layer 'act'"

# --allow-unknown: the layer counts as zero and a warning lists it.
"$AICS_BIN/ex3_2" --allow-unknown --format=kv "$tmp/unknown.prototxt" >"$tmp/out" 2>"$tmp/err" \
    || fail "--allow-unknown should succeed: $(cat "$tmp/err")"
grep -q "warning: .*unknown.prototxt: 1 layer of unknown type counted as zero: 'act' (Swish)" "$tmp/err" \
    || fail "the warning should list the layer: $(cat "$tmp/err")"
grep -qx 'unknown.layer.act.mul 0' "$tmp/out" || fail "the unknown layer should count as zero"

# A missing file is a data error too.
"$AICS_BIN/ex3_1" "$tmp/nope.prototxt" 2>"$tmp/err" >/dev/null; rc=$?
[ "$rc" -eq 2 ] || fail "a missing file should exit 2, got $rc"
grep -q "nope.prototxt" "$tmp/err" || fail "the message should name the file"
exit 0
