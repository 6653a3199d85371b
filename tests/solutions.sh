#!/bin/sh
# solutions.sh — reference outputs in solutions/.
#   solutions.sh update PROG...  rewrite solutions/chN/exN_M.kv from each program (only if changed)
#   solutions.sh check PROG...   fail when a program's kv output differs from its reference
set -u
mode=$1; shift
fail=0
for prog in "$@"; do
    name=${prog##*/}                       # ex3_2
    chapter=$(echo "$name" | sed 's/^ex\([0-9]*\)_.*/\1/')
    ref=solutions/ch$chapter/$name.kv
    tmp=$(mktemp) || exit 1
    if ! "$prog" --quiet --format=kv >"$tmp" 2>"$tmp.err"; then
        echo "golden $name: FAILED to run:" >&2; cat "$tmp.err" >&2; fail=1
    elif [ "$mode" = update ]; then
        mkdir -p "solutions/ch$chapter"
        if cmp -s "$tmp" "$ref"; then echo "solutions: $ref unchanged"
        else cp "$tmp" "$ref.tmp" && mv "$ref.tmp" "$ref" && echo "solutions: wrote $ref"; fi
    elif [ ! -f "$ref" ]; then
        echo "golden $name: no reference $ref (run 'make solutions')" >&2; fail=1
    elif ! cmp -s "$tmp" "$ref"; then
        echo "golden $name: output differs from $ref:" >&2
        diff "$ref" "$tmp" | head -20 >&2; fail=1
    else
        echo "golden $name: ok"
    fi
    rm -f "$tmp" "$tmp.err"
done
exit $fail
