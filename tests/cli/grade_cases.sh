#!/bin/sh
# grade_cases.sh — run aics-grade on every case folder in tests/grade/.
#
# A case holds expected.kv, submitted.kv, spec, exit (the expected exit
# status) and messages (lines that must each appear, as substrings, in the
# grader's stdout+stderr). A case with a `derive` file takes its numbers from
# the network library: each line `FILE KEY NET FIELD MISTAKES [OFFSET]` makes
# FILE hold `KEY <aics-mistakes NET FIELD MISTAKES, plus OFFSET>`. The runner
# derives them afresh and fails if the committed kv files differ, so no number
# in a case is unchecked. `sh tests/cli/grade_cases.sh --update` rewrites the
# derived files (after a deliberate change to the counting library).
set -u
bin=${AICS_BIN:-build/bin}
grade=$bin/aics-grade
mistakes=$bin/aics-mistakes
update=0
[ "${1-}" = --update ] && update=1
for tool in "$grade" "$mistakes"; do
    [ -x "$tool" ] || { echo "FAIL: $tool is not built (run make)"; exit 1; }
done
case $grade in /*) ;; *) grade=$(pwd)/$grade ;; esac
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# derive CASE: write the derived kv files into $tmp; false on error.
derive() {
    for f in expected.kv submitted.kv; do
        printf '# aics-result v1 exercise=3.2 seed=0 convention=derived\n' >"$tmp/$f"
    done
    while read -r file key net field mis off; do
        case $file in '' | '#'*) continue ;; esac
        v=$("$mistakes" "$net" "$field" "$mis") || return 1
        [ -n "${off:-}" ] && v=$((v + off))
        echo "$key $v" >>"$tmp/$file"
    done <"$1/derive"
}

pass=0 fail=0
for dir in tests/grade/*/; do
    case=${dir%/}
    name=${case##*/}
    if [ -f "$case/derive" ]; then
        if ! derive "$case"; then
            echo "FAIL $name: aics-mistakes could not derive $case/derive"; fail=$((fail + 1)); continue
        fi
        stale=0
        for f in expected.kv submitted.kv; do
            if [ $update = 1 ]; then
                cmp -s "$tmp/$f" "$case/$f" || { cp "$tmp/$f" "$case/$f"; echo "updated $case/$f"; }
            elif ! cmp -s "$tmp/$f" "$case/$f"; then
                echo "FAIL $name: $case/$f differs from what the library derives" \
                     "(after a deliberate library change: sh tests/cli/grade_cases.sh --update)"
                diff "$case/$f" "$tmp/$f" | sed 's/^/    /'
                stale=1
            fi
        done
        [ $stale = 1 ] && { fail=$((fail + 1)); continue; }
    fi
    want=$(cat "$case/exit")
    # Run from inside the case so messages can name the files without a path.
    # Messages are checked in English unless the case has a `lang` file (zh).
    lang=en
    [ -f "$case/lang" ] && lang=$(cat "$case/lang")
    out=$(cd "$case" && "$grade" --lang="$lang" --spec spec expected.kv submitted.kv 2>&1)
    rc=$?
    bad=0
    if [ "$rc" != "$want" ]; then
        echo "FAIL $name: exit status $rc, expected $want"; bad=1
    fi
    while IFS= read -r line || [ -n "$line" ]; do
        [ -z "$line" ] && continue
        case $out in
            *"$line"*) ;;
            *) echo "FAIL $name: output lacks the line: $line"; bad=1 ;;
        esac
    done <"$case/messages"
    if [ $bad = 1 ]; then
        echo "$out" | sed 's/^/    | /'
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
done
echo "grade cases: $pass passed, $fail failed"
[ $fail -eq 0 ]
