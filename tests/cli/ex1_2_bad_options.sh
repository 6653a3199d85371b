#!/bin/sh
# ex1_2 refuses bad options with exit 2 and a one-line message naming the problem,
# and writes nothing to stdout.
prog=$AICS_BIN/ex1_2
[ -x "$prog" ] || { echo "missing $prog"; exit 1; }
fail=0
# expect_usage "what the message must contain" ARGS...
expect_usage() {
    want=$1; shift
    errfile=$(mktemp) || exit 1
    out=$("$prog" --quiet "$@" 2>"$errfile"); rc=$?
    err=$(cat "$errfile"); rm -f "$errfile"
    if [ "$rc" -ne 2 ]; then echo "ex1_2 $*: exit $rc, expected 2"; fail=1; return; fi
    if [ -n "$out" ]; then echo "ex1_2 $*: wrote to stdout on error"; fail=1; fi
    if [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then echo "ex1_2 $*: message is not one line: $err"; fail=1; fi
    case $err in
        *"$want"*) ;;
        *) echo "ex1_2 $*: message '$err' does not say '$want'"; fail=1 ;;
    esac
}
expect_usage "unknown option" --bogus
expect_usage "--epochs must be at least 1" --epochs=0
expect_usage "--epochs expects an integer" --epochs=ten
expect_usage "--epochs expects an integer, not ' 5'" --epochs=' 5'
expect_usage "--epsilon expects a number, not '0x1p-2'" --epsilon=0x1p-2
expect_usage "--epsilon must be at least 0" --epsilon=1.5
expect_usage "--epsilon expects a number" --epsilon=nan
expect_usage "--arms must be at least 2" --arms=65
expect_usage "--runs must be at least 1" --runs=0
expect_usage "--steps must be at least 10" --steps=5
expect_usage "--seed expects a non-negative integer" --seed=-1
expect_usage "--facts expects comma-separated words" --facts=Has_Hair
expect_usage "--facts expects comma-separated words" --facts=has_hair,,tawny
expect_usage "--facts needs a value" --facts
expect_usage "unexpected argument" extra
exit $fail
