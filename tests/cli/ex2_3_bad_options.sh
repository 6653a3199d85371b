#!/bin/sh
# ex2_3 rejects every bad option value with a one-line message naming the
# option, exit 2, and no output on stdout.
set -u
prog=${AICS_BIN:-build/bin}/ex2_3
[ -x "$prog" ] || { echo "FAIL: $prog is not built"; exit 1; }
errf=$(mktemp) || exit 1
trap 'rm -f "$errf"' EXIT
fail=0
for arg in --lr=0 --lr=-0.1 --lr=abc --lr=nan --lr=inf --lr=1e7 --lr= \
           --epochs=0 --epochs=-5 --epochs=1.5 --epochs=100001 \
           --batch=0 --batch=101 --batch=x \
           --hidden=0 --hidden=65 --hidden=2.5 \
           --seed=-1 --seed=abc --unknown; do
    out=$("$prog" --quiet --format=kv "$arg" 2>"$errf")
    rc=$?
    err=$(cat "$errf")
    name=${arg%%=*}
    if [ "$rc" -ne 2 ]; then
        echo "FAIL: $arg exited $rc, expected 2"; fail=1
    elif [ -n "$out" ]; then
        echo "FAIL: $arg printed results before failing"; fail=1
    elif [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ] || ! printf '%s' "$err" | grep -q -- "$name"; then
        echo "FAIL: $arg: expected one line naming $name, got: $err"; fail=1
    fi
done
# The boundaries themselves are accepted.
"$prog" --quiet --format=none --lr=1e6 --epochs=1 --batch=100 --hidden=64 || { echo "FAIL: boundary values rejected"; fail=1; }
"$prog" --quiet --format=none --epochs=1 --batch=1 --hidden=1 || { echo "FAIL: lower boundary values rejected"; fail=1; }
exit $fail
