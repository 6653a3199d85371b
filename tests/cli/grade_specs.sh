#!/bin/sh
# grade_specs.sh — every spec in solutions/ parses, every rule matches a key of
# its reference, and the reference passes its own spec with full marks. The
# references with no spec yet are named (not a failure).
set -u
grade=${AICS_BIN:-build/bin}/aics-grade
[ -x "$grade" ] || { echo "FAIL: $grade is not built (run make)"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0 n=0
for spec in solutions/ch*/ex*.spec; do
    [ -f "$spec" ] || continue
    n=$((n + 1))
    ref=${spec%.spec}.kv
    if [ ! -f "$ref" ]; then echo "FAIL $spec: no reference $ref"; fail=1; continue; fi
    # A copy: the grader refuses the reference file itself as a submission.
    cp "$ref" "$tmp/submitted.kv"
    err=$("$grade" --quiet --spec "$spec" "$ref" "$tmp/submitted.kv" 2>&1 >/dev/null)
    rc=$?
    if [ $rc -ne 0 ] || [ -n "$err" ]; then
        echo "FAIL $spec: the reference does not pass its own spec cleanly (exit $rc)"
        [ -n "$err" ] && echo "$err" | sed 's/^/    /'
        fail=1
    fi
done
# A reference without a spec is graded by the default spec (every key); name
# them so a new exercise gets one, without failing while it is being written.
nospec=
for ref in solutions/ch*/ex*.kv; do
    [ -f "$ref" ] && [ ! -f "${ref%.kv}.spec" ] && nospec="$nospec ${ref#solutions/}"
done
echo "grade specs: $n checked${nospec:+; no spec yet for:$nospec}"
exit $fail
