#!/bin/sh
# ex2_5_permuted.sh — the diabetes demo finds its columns by name: the same
# data with the columns in another order give the same OLS coefficients, the
# same published-value check and the same lasso entry order; a file without
# a column the demo needs is an error, exit 2, not a silent misreading.
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

# Reverse the columns (y first, bmi no longer third), and rename bmi in another copy.
awk -F, -v OFS=, '{ for (i = NF; i > 1; i--) printf "%s,", $i; print $1 }' $data >"$dir/reversed.csv"
sed '1s/bmi/BodyMass/' $data >"$dir/renamed.csv"
"$bin" --quiet --format=kv >"$dir/plain.kv" || say "plain run exited $?"
"$bin" --quiet --format=kv --diabetes "$dir/reversed.csv" >"$dir/rev.kv" || say "reversed run exited $?"

for k in diabetes.ols.check diabetes.lasso.classic_order; do
    [ "$(val $k "$dir/rev.kv")" = pass ] || say "$k should pass on reversed columns, got '$(val $k "$dir/rev.kv")'"
done
[ "$(val diabetes.lasso.entry_order "$dir/rev.kv")" = "$(val diabetes.lasso.entry_order "$dir/plain.kv")" ] \
    || say "the entry order should not depend on the column order"
for k in diabetes.ols.intercept diabetes.ols.w_bmi diabetes.ols.w_s5; do
    a=$(val $k "$dir/plain.kv") b=$(val $k "$dir/rev.kv")
    awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; if (d < 0) d = -d; s = a < 0 ? -a : a; exit !(d <= 1e-9 * s) }' \
        || say "$k should not depend on the column order: $a vs $b"
done
awk '$1 == "diabetes.ols.w_bmi" { d = $2 - 5.602962; if (d < 0) d = -d; exit !(d < 1e-5) }' "$dir/rev.kv" \
    || say "w_bmi on reversed columns should be bmi's published coefficient 5.602962"

"$bin" --quiet --format=kv --diabetes "$dir/renamed.csv" >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" = 2 ] || say "a file without a bmi column should exit 2, not $rc"
grep -q "no column named 'bmi'" "$dir/err" || say "the error should name the missing column: $(cat "$dir/err")"
[ "$(wc -l <"$dir/err")" = 1 ] || say "the error should be one line"
exit $fail
