#!/bin/sh
# help.sh — for every program in build/bin/ex* (new ones included): --help
# exits 0, is Chinese (usage line, summary and every option's description),
# fits 80 display columns, and every default it shows with "报告为 KEY" equals
# what KEY holds in the program's kv output for a default run. Changes nothing.
bin=$AICS_BIN
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
checked=0
fail() { echo "FAIL: $*"; status=1; }
cjk=$(printf '[\344-\351]') # lead bytes of U+4E00..U+9FFF in UTF-8

# The default run's kv: the build's own (written with no options), else run it.
default_kv() {
    if [ -n "${AICS_BUILD:-}" ] && [ -s "$AICS_BUILD/out/$1.kv" ]; then cat "$AICS_BUILD/out/$1.kv"
    else "$bin/$1" --quiet --format=kv; fi
}

for prog in "$bin"/ex*; do
    [ -x "$prog" ] || continue
    name=$(basename "$prog")
    h=$tmp/$name.help
    "$prog" --help >"$h" 2>"$tmp/err" || { fail "$name --help exits $?"; continue; }
    head -1 "$h" | grep -q "^用法：$name" || fail "$name --help: the first line should be '用法：$name …'"
    sed -n 2p "$h" | LC_ALL=C grep -q "$cjk" || fail "$name --help: the summary should be Chinese: $(sed -n 2p "$h")"
    wide=$(LC_ALL=C.UTF-8 wc -L <"$h")
    [ "$wide" -le 80 ] || fail "$name --help is $wide columns wide"
    # Each option with its continuation lines, on one line, spaces dropped.
    awk '/^  --/ { if (o) print o; o = $0; next }
         /^                          / && o { o = o $0; next }
         { if (o) print o; o = "" }
         END { if (o) print o }' "$h" | tr -d ' ' >"$tmp/opts"
    while IFS= read -r line; do
        desc=$(printf '%s\n' "${line#*--}" | sed 's/（默认[^）]*）$//; s/（[-+.0-9e]*[≤<][^）]*）$//')
        printf '%s\n' "$desc" | LC_ALL=C grep -q "$cjk" || fail "$name --help: not Chinese: --$desc"
    done <"$tmp/opts"
    grep -o '（默认[^）]*报告为[a-z0-9_.]*）' "$tmp/opts" >"$tmp/defaults" || continue
    default_kv "$name" >"$tmp/kv" || { fail "$name: the default run failed"; continue; }
    while IFS= read -r d; do
        value=$(printf '%s\n' "$d" | sed 's/^（默认\([^；）]*\).*/\1/')
        key=$(printf '%s\n' "$d" | sed 's/.*报告为\([a-z0-9_.]*\)）$/\1/')
        if [ "$key" = seed ]; then
            got=$(head -1 "$tmp/kv" | sed -n 's/.* seed=\([0-9]*\) .*/\1/p')
        else
            got=$(awk -v k="$key" '$1 == k { print $2; exit }' "$tmp/kv")
        fi
        [ -n "$got" ] || { fail "$name --help names kv key $key, which the default run does not report"; continue; }
        # Numbers compare as doubles (help shows 0.1, kv 0.10000000000000001).
        if ! awk -v a="$value" -v b="$got" 'BEGIN { exit !(a == b || (a + 0 == b + 0 && a ~ /^[-+.0-9eE]+$/)) }'; then
            fail "$name --help says the default of $key is $value, the default run reports $got"
        fi
        checked=$((checked + 1))
    done <"$tmp/defaults"
done
# Subcommands have their own generated help, Chinese too.
if [ -x "$bin/ex2_5" ]; then
    for sub in fit path; do
        "$bin/ex2_5" $sub --help >"$tmp/sub" || fail "ex2_5 $sub --help exits $?"
        head -1 "$tmp/sub" | grep -q "^用法：ex2_5 $sub" || fail "ex2_5 $sub --help: the first line should be '用法：ex2_5 $sub …'"
        sed -n 2p "$tmp/sub" | LC_ALL=C grep -q "$cjk" || fail "ex2_5 $sub --help: the summary should be Chinese"
    done
fi
[ "$checked" -gt 0 ] || fail "no default was checked against kv"
exit $status
