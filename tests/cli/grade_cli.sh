#!/bin/sh
# grade_cli.sh — aics-grade's command line: help, usage errors, limits on
# untrusted input, folder mode and Gradescope's results.json.
set -u
grade=${AICS_BIN:-build/bin}/aics-grade
[ -x "$grade" ] || { echo "FAIL: $grade is not built (run make)"; exit 1; }
case $grade in /*) ;; *) grade=$(pwd)/$grade ;; esac
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

# expect NAME STATUS TEXT CMD...: CMD exits with STATUS and its output contains TEXT.
expect() {
    name=$1 want=$2 text=$3
    shift 3
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" != "$want" ]; then
        echo "FAIL $name: exit status $rc, expected $want"; echo "$out" | sed 's/^/    | /'; fail=1
    elif [ -n "$text" ] && ! printf '%s' "$out" | grep -qF -- "$text"; then
        echo "FAIL $name: output lacks: $text"; echo "$out" | sed 's/^/    | /'; fail=1
    fi
}

ref=solutions/ch2/ex2_7.kv
spec=solutions/ch2/ex2_7.spec
expect help 0 "Usage: aics-grade" "$grade" --help
expect no-args 2 "(try aics-grade --help)" "$grade"
expect unknown-option 2 "unknown option --bogus" "$grade" --bogus "$ref" "$ref"
expect batch 0 "ex2_7.kv: 10 of 10 keys passed, score 12/12" "$grade" --quiet "$ref" "$ref" "$ref"
expect batch-json 2 "--json writes the results of one submission" "$grade" --json "$tmp/x.json" "$ref" "$ref" "$ref"
expect batch-folders 2 "expected EXPECTED.kv and submitted kv files" "$grade" "$tmp" "$tmp" "$tmp"
expect json-needs-file 2 "--json needs a FILE" "$grade" "$ref" "$ref" --json
expect no-such-file 2 "$tmp/none.kv: cannot read: No such file or directory" "$grade" "$ref" "$tmp/none.kv"
expect file-and-folder 2 "expected two kv files or two folders" "$grade" "$ref" "$tmp"
expect no-such-spec 2 "$tmp/none.spec: cannot read" "$grade" --spec "$tmp/none.spec" "$ref" "$ref"
expect sibling-spec 0 "(spec: $spec)" "$grade" "$ref" "$ref"

# Untrusted input stays bounded: too many bytes, too many lines.
yes 'a.key 1' | head -c 5000000 >"$tmp/huge.kv"
expect huge 2 "huge.kv: file is larger than 4 MiB; expected a kv result file" "$grade" "$ref" "$tmp/huge.kv"
awk 'BEGIN { for (i = 0; i < 120000; i++) printf "k%d %d\n", i, i }' >"$tmp/long.kv"
expect many-lines 2 "long.kv:100001:1: more than 100000 lines" "$grade" "$ref" "$tmp/long.kv"

# results.json: written atomically, valid, also when the submission is unreadable.
# A quote and a backslash in a submitted word must be escaped in the JSON.
sed 's/^phi.dphi_at_0 .*/phi.dphi_at_0 0.5/; s/^phi.check .*/phi.check fa"il\\/' "$ref" >"$tmp/wrong.kv"
expect json-fail 1 "FAIL phi.dphi_at_0: expected 1, submitted 0.5" "$grade" --json "$tmp/out/results.json" "$ref" "$tmp/wrong.kv"
if [ ! -f "$tmp/out/results.json" ]; then
    echo "FAIL json-fail: no results.json written"; fail=1
else
    for field in '"score": 9,' '"max_score": 12,' '"tests": [' '"status": "failed"' \
                 '"name": "ex2_7 phi.dphi_at_0"' 'hint: φ' 'submitted fa\"il\\'; do
        grep -qF -- "$field" "$tmp/out/results.json" || { echo "FAIL json-fail: results.json lacks $field"; fail=1; }
    done
    if command -v python3 >/dev/null 2>&1; then
        python3 -m json.tool "$tmp/out/results.json" >/dev/null || { echo "FAIL json-fail: results.json is not valid JSON"; fail=1; }
    fi
    [ "$(ls "$tmp/out")" = results.json ] || { echo "FAIL json-fail: stray files beside results.json: $(ls "$tmp/out")"; fail=1; }
fi
printf 'x 1\nx 2\n' >"$tmp/dup.kv"
expect json-unreadable 2 "dup.kv:2:1: duplicate key (first given on line 1)" "$grade" --json "$tmp/dup.json" "$ref" "$tmp/dup.kv"
grep -qF '"score": 0,' "$tmp/dup.json" 2>/dev/null || { echo "FAIL json-unreadable: no results.json with score 0"; fail=1; }

# Folder mode: chN/ references with their specs; flat or nested submissions.
mkdir -p "$tmp/sol/ch2" "$tmp/sub1" "$tmp/sub2/ch2" "$tmp/sub3"
cp "$ref" "$spec" "$tmp/sol/ch2/"
cp "$ref" "$tmp/sub1/ex2_7.kv"
cp "$tmp/wrong.kv" "$tmp/sub2/ch2/ex2_7.kv"
expect folders-pass 0 "ex2_7: 10 of 10 keys passed, score 12/12" "$grade" "$tmp/sol" "$tmp/sub1"
expect folders-nested 1 "ex2_7: 8 of 10 keys passed, score 9/12" "$grade" "$tmp/sol" "$tmp/sub2"
expect folders-missing 1 "score 0/12 (not submitted)" "$grade" --json "$tmp/missing.json" "$tmp/sol" "$tmp/sub3"
expect folders-spec 2 "--spec applies to two kv files" "$grade" --spec "$spec" "$tmp/sol" "$tmp/sub1"
exit $fail
