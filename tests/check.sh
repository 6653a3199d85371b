#!/bin/sh
# check.sh BUILD SHARED PROG... — `make check`: run every test runner in turn
# (provenance, golden outputs, script tests, unit suites) and end with the
# overall count alone on the last line, which CI reads:
#
#   N passed, N failed, N skipped
#
# Each runner ends its own output with "NAME: N passed, N failed, N skipped"
# and lists its skipped tests above it as "SKIP test: reason"; those lines are
# repeated above the overall count, so a skip is never mistaken for a pass.
# A runner that fails without its summary line (a crash) counts as one failure.
set -u
build=$1 shared=$2
shift 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/summaries"
: >"$tmp/skips"
status=0

run() { # run NAME CMD...: show CMD's output and keep its summary and skips
    name=$1
    shift
    { "$@"; echo $? >"$tmp/rc"; } | tee "$tmp/out"
    rc=$(cat "$tmp/rc")
    line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped\$" "$tmp/out" | tail -1)
    if [ -z "$line" ]; then
        echo "FAIL $name: exited with status $rc before its summary line"
        line="$name: 0 passed, 1 failed, 0 skipped"
    elif [ "$rc" != 0 ] && [ "$(echo "$line" | cut -d' ' -f4)" = 0 ]; then
        echo "FAIL $name: exited with status $rc but counted no failure"
        line=$(echo "$line" | sed 's/ 0 failed,/ 1 failed,/')
    fi
    echo "$line" >>"$tmp/summaries"
    grep '^SKIP ' "$tmp/out" >>"$tmp/skips"
    [ "$rc" = 0 ] || status=1
}

run provenance sh tests/solutions.sh stale "$@"
run golden sh tests/solutions.sh check "$@"
run scripts sh tests/run-scripts.sh "$build" "$shared"
run unit env AICS_BIN="$build/bin" AICS_SHARED="$shared" "$build/tests/unit-tests"

echo
cat "$tmp/summaries" "$tmp/skips"
awk '{ p += $2; f += $4; s += $6 } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' \
    "$tmp/summaries"
exit $status
