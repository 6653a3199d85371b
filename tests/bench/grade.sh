#!/bin/sh
# grade.sh — grading 1,000 submissions of ex3_2's kv against its reference.
# Target: under 2 s in total for one aics-grade run over the 1,000 files, 9 in
# 10 correct, 1 in 10 with one graded integer wrong (so failures are
# explained and diagnosed too). One process per file is timed as well and printed for comparison.
#
# Until solutions/ch3/ex3_2.kv exists, a stand-in of the same kind is graded
# instead and the line says so: 5,000 integer keys named like per-layer counts.
set -u
grade=${AICS_BIN:-build/bin}/aics-grade
[ -x "$grade" ] || { echo "grade bench: $grade is not built"; exit 1; }
N=${AICS_BENCH_SUBMISSIONS:-1000}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

ref=solutions/ch3/ex3_2.kv
spec=solutions/ch3/ex3_2.spec
what="ex3_2's reference"
target='\.total\.(mul|add|mac)$'  # graded, diagnosed keys: failures cost the most
if [ ! -f "$ref" ]; then
    ref=$tmp/ex3_2.kv
    spec=$tmp/ex3_2.spec
    what="a stand-in for ex3_2 (no solutions/ch3/ex3_2.kv yet)"
    awk 'BEGIN {
        print "# aics-result v1 exercise=3.2 seed=0 convention=stand-in"
        for (l = 0; l < 1000; l++)
            for (f = 1; f <= 5; f++) printf "net.layer%d.f%d %d\n", l, f, l * 7919 + f
    }' >"$ref"
    echo 'key * kind=int' >"$spec"
    target=.
fi
[ -f "$spec" ] || spec=
keys=$(grep -vc '^#' "$ref")
ntarget=$(awk -v t="$target" '!/^#/ && $1 ~ t' "$ref" | wc -l)

mkdir -p "$tmp/sub"
i=0
while [ $i -lt "$N" ]; do
    if [ $((i % 10)) -eq 9 ]; then
        # One integer's last digit changed (+1, or −9 from a 9), on a graded key
        # that depends on i.
        awk -v k=$(( (i * 37) % ntarget + 1 )) -v t="$target" '
            !/^#/ && $1 ~ t { n++ }
            !/^#/ && $1 ~ t && n == k && $2 ~ /^-?[0-9]+$/ {
                d = substr($2, length($2)) + 0     # text, not numbers: awk may be mawk,
                $2 = substr($2, 1, length($2) - 1) ((d + 1) % 10)  # whose numbers round
            }
            { print }' "$ref" >"$tmp/sub/$i.kv"
    else
        cp "$ref" "$tmp/sub/$i.kv"
    fi
    i=$((i + 1))
done

# The target: one aics-grade run over all the files, the reference read once
# (how an instructor grades a class).
files=$(i=0; while [ $i -lt "$N" ]; do echo "$i.kv"; i=$((i + 1)); done)
case $grade in /*) ;; *) grade=$(pwd)/$grade ;; esac
case $ref in /*) ;; *) ref=$(pwd)/$ref ;; esac
case ${spec:-/} in /*) ;; *) spec=$(pwd)/$spec ;; esac
start=$(date +%s%N)
# shellcheck disable=SC2086
(cd "$tmp/sub" && "$grade" --quiet ${spec:+--spec "$spec"} "$ref" $files >"$tmp/batch.out" 2>&1)
rc=$?
end=$(date +%s%N)
batch_ms=$(( (end - start) / 1000000 ))
failed=$(awk '$3 == "of" && $2 != $4' "$tmp/batch.out" | wc -l)
[ $rc -le 1 ] || { echo "grade bench: the batch run exited $rc"; tail -3 "$tmp/batch.out"; exit 1; }

# For comparison: one process per submission (as an autograder container
# runs it), which adds process start-up to each.
start=$(date +%s%N)
i=0 bad=0
while [ $i -lt "$N" ]; do
    "$grade" --quiet ${spec:+--spec "$spec"} "$ref" "$tmp/sub/$i.kv" >/dev/null 2>&1
    [ $? -le 1 ] || bad=$((bad + 1))
    i=$((i + 1))
done
end=$(date +%s%N)
each_ms=$(( (end - start) / 1000000 ))
echo "grade: $N submissions of $what ($keys keys), $failed with a wrong value:"
echo "grade:   one run over all files    $batch_ms ms (target < 2000 ms)"
echo "grade:   one process per file      $each_ms ms (for comparison; includes process start-up)"
[ $bad -eq 0 ] || { echo "grade bench: $bad submissions could not be graded"; exit 1; }
[ $batch_ms -lt 2000 ]
