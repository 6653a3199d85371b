#!/bin/sh
# skips.sh — a test that cannot run counts as skipped, with its reason, never
# as passed: the unit runner without the shared data, then with it.
set -u
bin=${AICS_BUILD:-build}/tests/unit-tests
fail() { echo "FAIL: $*"; exit 1; }
[ -x "$bin" ] || fail "no unit runner $bin"

out=$(CK_RUN_SUITE=caffe AICS_SHARED=/nonexistent-shared "$bin" 2>/dev/null) || fail "the caffe suite failed"
last=$(echo "$out" | tail -1)
echo "$last" | grep -Eq '^unit: [0-9]+ passed, 0 failed, 2 skipped$' || fail "without data: '$last'"
echo "$out" | grep -q '^SKIP tests/unit/test_caffe.c every_shared_net_loads: /nonexistent-shared/nets is absent' \
    || fail "the skip should name the test and the reason"
echo "$out" | grep -q '^100%: Checks: ' || fail "Check's own summary should stay"

shared=${AICS_SHARED:-../shared}
[ -d "$shared/nets" ] || { echo "the run with data needs $shared/nets"; exit 77; }
out=$(CK_RUN_SUITE=caffe AICS_SHARED=$shared "$bin" 2>/dev/null) || fail "the caffe suite failed with data"
echo "$out" | tail -1 | grep -Eq '^unit: [0-9]+ passed, 0 failed, 0 skipped$' || fail "with data: no skips"
exit 0
