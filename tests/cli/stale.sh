#!/bin/sh
# stale.sh — no prose file in chapters/ may hold a program's output typed in by
# hand (the rules are in report/stale.h and docs/authoring.md). Uses the kv
# outputs of `make book` in $AICS_BUILD/out when present, else runs every
# program itself. Also checks that the check can fail.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
book=$AICS_BIN/aics-book
[ -x "$book" ] || fail "$book is not built"

for prog in "$AICS_BIN"/ex*_*; do
    [ -x "$prog" ] || continue
    name=${prog##*/}
    if [ -f "$AICS_BUILD/out/$name.kv" ] && [ "$AICS_BUILD/out/$name.kv" -nt "$prog" ]; then
        cp "$AICS_BUILD/out/$name.kv" "$tmp/$name.kv"
    else
        "$prog" --quiet --format=kv >"$tmp/$name.kv" 2>/dev/null || fail "$name did not run"
    fi
done
"$book" --lint --chapters chapters --results "$tmp" 2>"$tmp/err" ||
    fail "prose holds typed-in outputs; use {{value PROGRAM KEY}}:
$(cat "$tmp/err")"

# The check must be able to fail: a pasted value is caught, with file:line:col.
mkdir -p "$tmp/ch/ch2"
printf '求导。\n\n误差约为 1.49e-11，差距 0.0513。\n' >"$tmp/ch/ch2/ex2_7.md"
"$AICS_BIN/ex2_7" --quiet --format=kv >"$tmp/ex2_7.kv"
"$book" --lint --chapters "$tmp/ch" --results "$tmp" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "typed-in outputs should fail the lint (exit $rc)"
grep -q "ch2/ex2_7.md:3:6: '1.49e-11': this is output sigmoid.max_err.numeric of ex2_7" "$tmp/err" ||
    fail "the hit should name file, line, column and key: $(cat "$tmp/err")"
grep -q "ch2/ex2_7.md:3:18: '0.0513': this is output phi.gap_at_3" "$tmp/err" ||
    fail "0.0513 should be caught as phi.gap_at_3: $(cat "$tmp/err")"
exit 0
