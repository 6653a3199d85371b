#!/bin/sh
# grade_cli.sh — aics-grade's command line: help, usage errors, limits on
# untrusted input, files that are not regular (symlinks, FIFOs), folder and
# class mode, seeds, and Gradescope's results.json and class summary.
set -u
bin=${AICS_BIN:-build/bin}
grade=$bin/aics-grade
[ -x "$grade" ] || { echo "FAIL: $grade is not built (run make)"; exit 1; }
case $grade in /*) ;; *) grade=$(pwd)/$grade ;; esac
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
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
# has NAME FILE TEXT: FILE contains TEXT.
has() {
    grep -qF -- "$3" "$2" 2>/dev/null || { echo "FAIL $1: $2 lacks: $3"; fail=1; }
}

ref=solutions/ch2/ex2_7.kv
spec=solutions/ch2/ex2_7.spec
cp "$ref" "$tmp/copy.kv"
cp "$ref" "$tmp/copy2.kv"
en="--lang=en"
expect help 0 "用法：aics-grade" "$grade" --help
expect no-args 2 "(try aics-grade --help)" "$grade"
expect unknown-option 2 "unknown option '--bogus'" "$grade" --bogus "$ref" "$tmp/copy.kv"
expect bad-lang 2 "--lang=fr: expected zh or en" "$grade" --lang=fr "$ref" "$tmp/copy.kv"
expect batch 0 "copy2.kv ex2_7: 8 of 8 keys passed, score 10/10" "$grade" $en --quiet "$ref" "$tmp/copy.kv" "$tmp/copy2.kv"
expect batch-zh 0 "ex2_7：8 个键中通过 8 个，得分 10/10" "$grade" --quiet "$ref" "$tmp/copy.kv"
expect batch-json 2 "--json writes one submission's results" "$grade" --json "$tmp/x.json" "$ref" "$tmp/copy.kv" "$tmp/copy2.kv"
expect batch-folders 2 "expected EXPECTED.kv and kv files" "$grade" "$tmp" "$tmp" "$tmp"
expect json-needs-file 2 "--json needs a value" "$grade" "$ref" "$tmp/copy.kv" --json
expect no-such-file 2 "$tmp/none.kv: cannot open: No such file or directory" "$grade" "$ref" "$tmp/none.kv"
expect file-and-folder 2 "expected EXPECTED.kv and kv files, or SOLUTIONS_DIR" "$grade" "$ref" "$tmp"
expect no-such-spec 2 "$tmp/none.spec: cannot read" "$grade" --spec "$tmp/none.spec" "$ref" "$tmp/copy.kv"
expect sibling-spec 0 "(spec: $spec)" "$grade" $en "$ref" "$tmp/copy.kv"
# The reference itself, by its own path or a hard link, scores nothing.
expect reference-itself 1 "is the reference file itself" "$grade" $en "$ref" "$ref"

# Untrusted input stays bounded: too many bytes, too many lines; only regular files.
yes 'a.key 1' | head -c 5000000 >"$tmp/huge.kv"
expect huge 2 "huge.kv: file is larger than 4 MiB; expected a kv result file" "$grade" "$ref" "$tmp/huge.kv"
{ head -1 "$ref"; awk 'BEGIN { for (i = 0; i < 120000; i++) printf "k%d %d\n", i, i }'; } >"$tmp/long.kv"
expect many-lines 2 "long.kv:100001:1: more than 100000 lines" "$grade" "$ref" "$tmp/long.kv"
ln -s "$(pwd)/$ref" "$tmp/link.kv"
expect symlink 2 "link.kv: is a symbolic link; expected a regular kv file" "$grade" "$ref" "$tmp/link.kv"
if mkfifo "$tmp/fifo.kv" 2>/dev/null; then
    # A FIFO must be refused at once; `timeout` turns a hang into a failure.
    if command -v timeout >/dev/null 2>&1; then t="timeout 10"; else t=; fi
    expect fifo 2 "fifo.kv: is a FIFO or socket, not a regular file; expected a regular kv result file" $t "$grade" "$ref" "$tmp/fifo.kv"
fi

# results.json: written atomically, valid, also when the submission is unreadable.
# A quote and a backslash in a submitted value must be escaped in the JSON.
sed 's/^phi.dphi_at_0 .*/phi.dphi_at_0 0.5/; s/^phi.value_at_0 .*/phi.value_at_0 fa"il\\/' "$ref" >"$tmp/wrong.kv"
expect json-fail 1 "FAIL phi.dphi_at_0: expected 1, submitted 0.5" "$grade" $en --json "$tmp/out/results.json" "$ref" "$tmp/wrong.kv"
if [ ! -f "$tmp/out/results.json" ]; then
    echo "FAIL json-fail: no results.json written"; fail=1
else
    for field in '"score": 7,' '"max_score": 10,' '"tests": [' '"status": "failed"' \
                 '"name": "ex2_7 phi.dphi_at_0"' 'hint: φ' 'submitted fa\"il\\\\'; do
        has json-fail "$tmp/out/results.json" "$field"
    done
    if command -v python3 >/dev/null 2>&1; then
        python3 -m json.tool "$tmp/out/results.json" >/dev/null || { echo "FAIL json-fail: results.json is not valid JSON"; fail=1; }
    fi
    [ "$(ls "$tmp/out")" = results.json ] || { echo "FAIL json-fail: stray files beside results.json: $(ls "$tmp/out")"; fail=1; }
fi
printf 'x 1\n' >"$tmp/noheader.kv"
expect json-unreadable 2 "noheader.kv:1:1: the first line is not a kv header" "$grade" $en --json "$tmp/nh.json" "$ref" "$tmp/noheader.kv"
has json-unreadable "$tmp/nh.json" '"score": 0,'

# Folder mode: chN/ references with their specs; flat or nested submissions.
mkdir -p "$tmp/sol/ch2" "$tmp/sub1" "$tmp/sub2/ch2" "$tmp/sub3"
cp "$ref" "$spec" "$tmp/sol/ch2/"
cp "$ref" "$tmp/sub1/ex2_7.kv"
cp "$tmp/wrong.kv" "$tmp/sub2/ch2/ex2_7.kv"
expect folders-pass 0 "ex2_7: 8 of 8 keys passed, score 10/10" "$grade" $en "$tmp/sol" "$tmp/sub1"
expect folders-nested 1 "ex2_7: 6 of 8 keys passed, score 7/10" "$grade" $en "$tmp/sol" "$tmp/sub2"
expect folders-missing 1 "score 0/10 (not submitted)" "$grade" $en --json "$tmp/missing.json" "$tmp/sol" "$tmp/sub3"
expect folders-spec 2 "--spec applies to one reference file" "$grade" --spec "$spec" "$tmp/sol" "$tmp/sub1"

# A class: one folder or file per student; a symlinked student, a symlinked
# chapter folder and a FIFO are refused without hanging; one JSON each and a
# summary CSV with the mistake ids.
mkdir -p "$tmp/class/ann" "$tmp/class/bob/ch2" "$tmp/class/eve" "$tmp/json"
cp "$ref" "$tmp/class/ann/ex2_7.kv"
cp "$tmp/wrong.kv" "$tmp/class/bob/ch2/ex2_7.kv"
ln -s "$tmp/sol/ch2" "$tmp/class/eve/ch2"
ln -s "$tmp/class/ann" "$tmp/class/mallory"
[ -p "$tmp/fifo.kv" ] && mkfifo "$tmp/class/fifo"
expect class 1 "bob ex2_7: 6 of 8 keys passed, score 7/10" $t "$grade" $en --quiet --class --json "$tmp/json" "$tmp/sol" "$tmp/class"
for s in ann bob eve mallory; do
    [ -f "$tmp/json/$s.json" ] || { echo "FAIL class: no $s.json"; fail=1; }
done
has class "$tmp/json/summary.csv" "student,score,max_score,mistakes"
has class "$tmp/json/summary.csv" "ann,10,10,"
has class "$tmp/json/summary.csv" "bob,7,10,"
has class "$tmp/json/summary.csv" "eve,0,10,"
has class "$tmp/json/summary.csv" "mallory,0,10,"
has class "$tmp/json/mallory.json" "a symbolic link (links are not followed)"
has class "$tmp/json/eve.json" "ch2 is a symbolic link (links are not followed)"

# Mistake ids in the JSON and the summary, for a class of 3.2 files.
mkdir -p "$tmp/c32" "$tmp/j32"
r32=solutions/ch3/ex3_2.kv
cp "$r32" "$tmp/c32/good.kv"
sed 's/^alexnet.total.mul .*/alexnet.total.mul 665784864/' "$r32" >"$tmp/c32/nofc.kv"
expect class32 1 "nofc ex3_2: 8 of 9 keys passed" "$grade" $en --quiet --class --json "$tmp/j32" "$r32" "$tmp/c32"
has class32 "$tmp/j32/nofc.json" '"extra_data": {"match": "exact", "mistakes": ["no_fc"], "alternatives": []}'
has class32 "$tmp/j32/summary.csv" "nofc,13,15,ex3_2 alexnet.total.mul=no_fc"
has class32 "$tmp/j32/summary.csv" "good,15,15,"

# Seeds: a seed-5 ex2_3 is told about the seed, and with --programs graded
# against a seed-5 reference made by the trusted program.
if [ -x "$bin/ex2_3" ]; then
    "$bin/ex2_3" --format=kv --seed=5 --quiet >"$tmp/s5.kv" 2>/dev/null
    expect seed-note 1 "note: the submission's seed=5 differs from the reference's seed=2023" \
        "$grade" $en solutions/ch2/ex2_3.kv "$tmp/s5.kv"
    expect seed-regen 0 "graded against $bin/ex2_3 --seed=5" \
        "$grade" $en --programs "$bin" solutions/ch2/ex2_3.kv "$tmp/s5.kv"
    expect seed-no-program 1 "could not regenerate the reference" \
        "$grade" $en --programs "$tmp" solutions/ch2/ex2_3.kv "$tmp/s5.kv"
fi
exit $fail
