#!/bin/sh
# run.sh BUILD SECONDS SHARED RESULTS NAME... — run each libFuzzer harness
# BUILD/bin/fuzz_NAME for SECONDS, or for $FUZZ_RUNS inputs when that is set,
# one after the other (make fuzz). RESULTS holds the normal build's program
# outputs, for the book harness.
#
# Each gets a fresh seed folder made from the tree (seeds.sh) and a corpus
# folder BUILD/corpus/NAME that grows across runs; crashes, leaks, timeouts
# (10 s per input) and out-of-memory inputs go to BUILD/crashes/NAME/ and fail
# the run. Prints one line per harness with its executions, then
# "fuzz: N passed, N failed, 0 skipped".
set -u
build=$1 seconds=$2 shared=$3 results=$4
shift 4
pass=0 fail=0
for name in "$@"; do
    bin=$build/bin/fuzz_$name
    seeds=$build/seeds/$name corpus=$build/corpus/$name crashes=$build/crashes/$name
    rm -rf "$seeds" "$build/tmp"
    mkdir -p "$seeds" "$corpus" "$crashes" "$build/tmp" "$build/log"
    sh tests/fuzz/seeds.sh "$name" "$seeds" "$shared" || { fail=$((fail + 1)); continue; }
    # Inputs up to 8 KiB: large seeds (the shared nets) are cut to that, which
    # keeps a reader at thousands of executions a second.
    opts="-timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1"
    leaks=1
    case $name in
        # These call code that ends in exit(2) on bad input (fuzz.h): what
        # it held is lost by design, so leaks are not findings there; and
        # their one-line refusals would flood the log.
        expand | book | ex3_2) opts="$opts -close_fd_mask=3" leaks=0 ;;
    esac
    if [ "$name" = book ]; then
        sh tests/fuzz/book-tree.sh "$build/tmp/book" "$results" || { fail=$((fail + 1)); continue; }
        export AICS_FUZZ_BOOK="$build/tmp/book"
    fi
    log=$build/log/fuzz_$name.log
    limit=-max_total_time=$seconds
    [ -n "${FUZZ_RUNS:-}" ] && limit=-runs=$FUZZ_RUNS
    start=$(date +%s)
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=$leaks TMPDIR=$build/tmp "$bin" $opts -detect_leaks=$leaks "$limit" -artifact_prefix="$crashes/" \
        "$corpus" "$seeds" >"$log" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ "$rc" -eq 0 ]; then
        pass=$((pass + 1))
        echo "fuzz $name: ${execs:-?} executions in $took s, no finding"
    else
        fail=$((fail + 1))
        echo "FAIL fuzz $name (exit $rc): the input is in $crashes/, the log in $log:"
        grep -E 'ERROR|SUMMARY|Test unit written|fuzz:' "$log" | head -8 | sed 's/^/  /'
    fi
done
rm -rf "$build/tmp"
echo "fuzz: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]
