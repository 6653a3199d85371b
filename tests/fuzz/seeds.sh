#!/bin/sh
# seeds.sh NAME DIR SHARED — fill DIR with seed inputs for harness fuzz_NAME,
# taken from the project's own files (and SHARED/nets when present) plus the
# small hand-made seeds in tests/fuzz/seeds/NAME/.
set -u
name=$1 dir=$2 shared=$3
n=0
add() { # add FILE...: copy each regular file in as seed_N
    for f in "$@"; do
        [ -f "$f" ] || continue
        n=$((n + 1))
        cp "$f" "$dir/seed_$n"
    done
}
sep='--8<--'
case $name in
    caffe) add "$shared"/nets/*.prototxt ;;
    ex3_2) add "$shared"/nets/*.prototxt tests/fuzz/seeds/caffe/* ;;
    kv) add solutions/ch*/*.kv tests/grade/*/*.kv ;;
    csv) add data/*.csv ;;
    isa) ;; # tests/fuzz/seeds/isa/ only: the programs of 7.7-7.12 are built in C
    grade)
        # SPEC, REFERENCE and SUBMISSION of every grader case, as one input.
        for c in tests/grade/*/; do
            [ -f "$c/expected.kv" ] && [ -f "$c/submitted.kv" ] || continue
            n=$((n + 1))
            { cat "$c/spec" 2>/dev/null; printf '\n%s\n' "$sep"; cat "$c/expected.kv"
              printf '\n%s\n' "$sep"; cat "$c/submitted.kv"; } >"$dir/seed_$n"
        done
        for s in solutions/ch*/*.spec; do
            [ -f "$s" ] || continue
            n=$((n + 1))
            { cat "$s"; printf '\n%s\n' "$sep"; cat "${s%.spec}.kv"; printf '\n%s\n' "$sep"
              cat "${s%.spec}.kv"; } >"$dir/seed_$n"
        done ;;
    expand | mathpass | book) add chapters/ch*/*.md ;;
esac
[ "$name" = mathpass ] && add docs/*.md README.md
add tests/fuzz/seeds/"$name"/*
[ "$n" -gt 0 ] || { echo "seeds.sh: no seeds for $name" >&2; exit 1; }
