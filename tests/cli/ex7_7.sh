#!/bin/sh
# ex7_7.sh — exercises 7.7–7.12: every ex7_N has its five kv keys with
# bound ≤ pipelined ≤ serial; a hand-written sequence that overflows NRAM is
# rejected with one line naming file:line and exit 2; one that fits runs.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$AICS_BIN/ex7_7" --format=kv >"$tmp/kv" || fail "ex7_7 should run"
for n in 7 8 9 10 11 12; do
    awk -v p="ex7_$n." '
        index($1, p) == 1 { v[substr($1, length(p) + 1)] = $2 }
        END {
            if (!("macs" in v) || !("dram_bytes" in v) || !("serial_ns" in v) || !("pipelined_ns" in v) ||
                !("bound_ns" in v)) { print "missing keys for " p; exit 1 }
            if (!(v["bound_ns"] + 0 <= v["pipelined_ns"] + 0 && v["pipelined_ns"] + 0 <= v["serial_ns"] + 0)) {
                print p " not ordered: " v["bound_ns"] " " v["pipelined_ns"] " " v["serial_ns"]; exit 1 }
        }' "$tmp/kv" || fail "ex7_$n keys"
done

printf 'move DRAM WRAM 131072\nmove DRAM NRAM 1048576\ncompute MAC_32 33554432\nmove NRAM DRAM 524288\n' >"$tmp/big.isa"
"$AICS_BIN/ex7_7" --quiet "$tmp/big.isa" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "an NRAM overflow should exit 2, got $rc"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "one line expected, got: $(cat "$tmp/err")"
grep -q "$tmp/big.isa:2:1: NRAM overflow: 1048576 bytes live (1 MB), capacity 131072 (128 KB)" "$tmp/err" ||
    fail "unexpected message: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "no results on an overflow"

printf 'sync\nsy\0nc\ncompute MAC_32 4\n' >"$tmp/nul.isa"
"$AICS_BIN/ex7_7" --quiet "$tmp/nul.isa" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "a program with a NUL byte should exit 2 (not be read up to the NUL), got $rc"
grep -q "$tmp/nul.isa:2:3: a NUL byte" "$tmp/err" || fail "the NUL's place expected: $(cat "$tmp/err")"

printf 'move DRAM NRAM 6400\ncompute MAC_32 2560\n' >"$tmp/ok.isa"
"$AICS_BIN/ex7_7" --quiet --format=kv "$tmp/ok.isa" >"$tmp/out" || fail "a fitting program should run"
grep -q '^program.serial_ns 110$' "$tmp/out" || fail "6400 B / 64 GB/s + 2560 / 256 = 110 ns: $(cat "$tmp/out")"
exit 0
