#!/bin/sh
# required_keys.sh — the answers issue 17 requires, each against a value worked
# by hand (the derivation is in the comment), plus determinism and usage errors
# of the programs that take arguments.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
kv() { "$AICS_BIN/$1" --quiet --format=kv >"$tmp/$1.kv" || fail "$1 exited $?"; }
has() { grep -qx "$2" "$tmp/$1.kv" || fail "$1 should print '$2', got '$(grep "^${2%% *} " "$tmp/$1.kv")'"; }

kv ex1_3; has ex1_3 'separable_count 14'        # 16 functions minus XOR and XNOR
has ex1_3 'f6.converged 0'; has ex1_3 'f9.converged 0'; has ex1_3 'f1.converged 1'
kv ex2_2; has ex2_2 'params 22538'              # 34·512 + 513·10 = 17408 + 5130
has ex2_2 'mistake.one_bias_per_layer 22018'    # 33·512 + 512·10 + 2
kv ex4_8; has ex4_8 'decays_at_asked 2'
awk '$1 == "lr_at_25000" { d = $2 - 0.081; exit !(d < 1e-15 && d > -1e-15) }' "$tmp/ex4_8.kv" \
    || fail "lr_at_25000 should be 0.1·0.9² = 0.081"
kv ex4_9                                        # 224 halved five times; channels 64…512
has ex4_9 'pool1.shape 112x112x64'; has ex4_9 'pool2.shape 56x56x128'
has ex4_9 'pool3.shape 28x28x256'; has ex4_9 'pool4.shape 14x14x512'; has ex4_9 'pool5.shape 7x7x512'
kv ex8_2                                        # 0.9·4 + 0.1·150 = 18.6; 4 + 15 = 19
awk '$1 == "amat_cycles" { d = $2 - 18.6; exit !(d < 1e-12 && d > -1e-12) }' "$tmp/ex8_2.kv" \
    || fail "amat_cycles should be 18.6"
awk '$1 == "amat_cycles_serial" { d = $2 - 19; exit !(d < 1e-12 && d > -1e-12) }' "$tmp/ex8_2.kv" \
    || fail "amat_cycles_serial should be 19"
kv ex8_5; has ex8_5 'uint8 153'; has ex8_5 'int8 -103'   # 128+16+8+1; 153 − 256
kv ex8_6; has ex8_6 'a -127.5'                           # −(2 − 2⁻⁷)·2⁶
has ex8_6 'b -5.8774717541114375e-39'                    # −2⁻¹²⁷, %.17g
has ex8_6 'b.class subnormal'
kv ex2_11
grep -q '^test_accuracy 0\.[0-9]*$\|^test_accuracy 1$' "$tmp/ex2_11.kv" || fail "ex2_11 should report test_accuracy"

# Deterministic.
"$AICS_BIN/ex2_11" --quiet --format=kv >"$tmp/again.kv"
cmp -s "$tmp/ex2_11.kv" "$tmp/again.kv" || fail "two runs of ex2_11 should print identical kv"

# Arguments: decoded like the textbook's, and bad ones exit 2 with one line.
"$AICS_BIN/ex8_5" --format=kv 11111111 | grep -qx 'arg1.int8 -1' || fail "ex8_5 11111111 should be int8 -1"
"$AICS_BIN/ex8_6" --format=kv 0x3F800000 | grep -qx 'arg1 1' || fail "ex8_6 0x3F800000 should be 1"
"$AICS_BIN/ex8_6" --format=kv "0 00000000 00000000000000000000001" | grep -qx 'arg1 1.4012984643248171e-45' \
    || fail "the smallest subnormal is 2^-149"
for bad in 1001 10011001x 100110011; do
    "$AICS_BIN/ex8_5" "$bad" >/dev/null 2>"$tmp/err"; [ $? -eq 2 ] || fail "ex8_5 $bad should exit 2"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "a bad pattern should give one line"
done
"$AICS_BIN/ex8_6" 0x123 >/dev/null 2>&1; [ $? -eq 2 ] || fail "ex8_6 0x123 should exit 2"
"$AICS_BIN/ex8_2" --hit-rate 1.5 >/dev/null 2>&1; [ $? -eq 2 ] || fail "a hit rate above 1 should exit 2"
exit 0
