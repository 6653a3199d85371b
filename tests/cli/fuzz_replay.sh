#!/bin/sh
# fuzz_replay.sh — every libFuzzer harness, built without libFuzzer
# (tests/fuzz/replay.c), runs its seeds without a finding: the harnesses still
# compile against the library, and the seeds are good inputs. Under
# `make sanitize` the replay is instrumented. (The whole-book harness replays
# two seeds: each is a whole book build.)
set -u
build=${AICS_BUILD:-build}
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0
for src in tests/fuzz/fuzz_*.c; do
    name=${src#tests/fuzz/fuzz_}
    name=${name%.c}
    bin=$build/tests/fuzz/replay_$name
    [ -x "$bin" ] || fail "$bin is not built"
    mkdir "$tmp/$name"
    sh tests/fuzz/seeds.sh "$name" "$tmp/$name" "${AICS_SHARED:-../shared}" || fail "no seeds for $name"
    set -- "$tmp/$name"/*
    if [ "$name" = book ]; then
        sh tests/fuzz/book-tree.sh "$tmp/tree" "$build/out" || fail "cannot copy the tree for the book"
        set -- "$1" tests/fuzz/seeds/book/*
    fi
    # As in tests/fuzz/run.sh: harnesses whose refusals leave the library by a
    # jump (in a real run, exit 2) lose what it held by design; not a finding.
    leaks=1
    case $name in expand | book | ex3_2) leaks=0 ;; esac
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=$leaks" \
    AICS_FUZZ_BOOK=$tmp/tree TMPDIR=$tmp "$bin" "$@" >"$tmp/log" 2>&1 \
        || fail "replaying the $name seeds: $(tail -5 "$tmp/log")"
    n=$((n + $#))
done
echo "replayed $n seeds"
exit 0
