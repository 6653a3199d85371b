#!/bin/sh
# ex2_5_fit.sh — the fit and path subcommands: OLS against the published
# diabetes coefficients, lasso edge cases, column-name sanitizing, usage errors.
set -u
bin=$AICS_BIN/ex2_5
[ -x "$bin" ] || { echo "ex2_5 is not built"; exit 1; }
data=data/diabetes.csv
[ -f "$data" ] || { echo "data/diabetes.csv not found (run from the repository root)"; exit 1; }
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail=0
say() { echo "FAIL $*"; fail=1; }
val() { sed -n "s/^$1 //p" "$2"; }

# OLS (λ = 0) on the raw data against R lm() / scikit-learn LinearRegression.
"$bin" fit --data $data --target y --penalty l2 --lambda 0 --format=kv >"$dir/ols.kv" || say "OLS fit exited $?"
awk '
    BEGIN { ref["intercept"] = -334.56714; ref["w.age"] = -0.036361; ref["w.sex"] = -22.859648
            ref["w.bmi"] = 5.602962; ref["w.bp"] = 1.116808; ref["w.s1"] = -1.089996
            ref["w.s2"] = 0.746450; ref["w.s3"] = 0.372005; ref["w.s4"] = 6.533832
            ref["w.s5"] = 68.483125; ref["w.s6"] = 0.280117 }
    ($1 in ref) { d = $2 - ref[$1]; if (d < 0) d = -d; if (d > 1e-5) { print "bad " $1 " " $2; bad = 1 }; seen++ }
    END { if (seen != 11) { print "saw " seen " of 11 keys"; bad = 1 }; exit bad }' "$dir/ols.kv" || say "OLS should match the published coefficients"

# The lasso with λ = 0 is OLS too, and its optimality violation is tiny.
"$bin" fit --data $data --target y --penalty l1 --lambda 0 --format=kv >"$dir/l1zero.kv" || say "l1 λ=0 exited $?"
for k in intercept w.bmi w.s5; do
    [ "$(val $k "$dir/l1zero.kv")" = "$(val $k "$dir/ols.kv")" ] || say "l1 at λ = 0 should equal OLS for $k"
done

# A large λ zeroes every L1 coefficient; the intercept is then mean(y).
"$bin" fit --data $data --target y --penalty l1 --lambda 1e6 --standardize --format=kv >"$dir/big.kv" || say "large λ exited $?"
[ "$(grep -c '^w\..* 0$' "$dir/big.kv")" = 10 ] || say "λ = 1e6 should zero all 10 coefficients"
awk '$1 == "intercept" { d = $2 - 152.13348416289594; if (d < 0) d = -d; exit !(d < 1e-9) }' "$dir/big.kv" \
    || say "with every coefficient zero the intercept should be mean(y)"

# A lasso fit meets its optimality conditions; the output is deterministic.
"$bin" fit --data $data --target y --penalty l1 --lambda 2 --standardize --format=kv >"$dir/l1.kv" || say "lasso exited $?"
awk '$1 == "optimality" { exit !($2 < 1e-9) }' "$dir/l1.kv" || say "the lasso optimality violation should be below 1e-9"
grep -q '^solver coordinate_descent$' "$dir/l1.kv" || say "the lasso should report coordinate_descent"
grep -q '^iterations [1-9]' "$dir/l1.kv" || say "the lasso should report its sweeps"
"$bin" fit --data $data --target y --penalty l1 --lambda 2 --standardize --format=kv | cmp -s - "$dir/l1.kv" \
    || say "two runs should print the same bytes"

# Column names become [a-z0-9_] keys; a clash gets the column number appended.
printf 'Age (yrs),BMI,bmi,Target Y\n1,2,1,3\n2,1,4,5\n3,5,2,4\n4,3,3,9\n' >"$dir/names.csv"
"$bin" fit --data "$dir/names.csv" --target 'Target Y' --penalty l2 --lambda 0.1 --format=kv >"$dir/names.kv" \
    || say "fit on names.csv exited $?"
for k in w.age__yrs_ w.bmi w.bmi_3; do grep -q "^$k " "$dir/names.kv" || say "key $k expected"; done

# The path subcommand: 100 λ with warm starts, all optimal.
"$bin" path --data $data --target y --penalty l1 --standardize --points 100 --format=kv >"$dir/path.kv" || say "path exited $?"
[ "$(val path.points "$dir/path.kv")" = 100 ] || say "the path should have 100 points"
[ "$(val path.000.nonzero "$dir/path.kv")" = 0 ] || say "the path should start with every coefficient zero"
[ "$(val path.099.nonzero "$dir/path.kv")" = 10 ] || say "the path should end with every coefficient nonzero"
awk '$1 == "path.max_optimality" { exit !($2 < 1e-9) }' "$dir/path.kv" || say "path optimality should be below 1e-9"

# Usage: help for both forms, errors exit 2 with a hint.
"$bin" --help >/dev/null || say "ex2_5 --help should exit 0"
"$bin" fit --help | grep -q -- '--penalty' || say "ex2_5 fit --help should list --penalty"
"$bin" path --help | grep -q -- '--points' || say "ex2_5 path --help should list --points"
usage() {
    "$bin" "$@" >/dev/null 2>"$dir/err"
    rc=$?
    [ $rc = 2 ] && grep -q 'try ex2_5' "$dir/err" || say "'$*' should be a usage error (exit $rc: $(cat "$dir/err"))"
}
usage fit --target y --penalty l1 --lambda 1
usage fit --data $data --penalty l1 --lambda 1
usage fit --data $data --target y --lambda 1
usage fit --data $data --target y --penalty l3 --lambda 1
usage fit --data $data --target y --penalty l1
usage fit --data $data --target y --penalty l1 --lambda -1
usage fit --data $data --target y --penalty l1 --lambda nan
usage fit --data $data --target y --penalty l1 --lambda 1 extra
exit $fail
