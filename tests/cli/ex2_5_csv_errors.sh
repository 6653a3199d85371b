#!/bin/sh
# ex2_5_csv_errors.sh — every kind of bad CSV given to `ex2_5 fit` exits 2 with
# one line naming the file and line (and column where there is one).
set -u
bin=$AICS_BIN/ex2_5
[ -x "$bin" ] || { echo "ex2_5 is not built"; exit 1; }
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail=0

# expect NAME CONTENT TARGET MESSAGE: exit 2, stderr exactly MESSAGE (with the path), stdout empty.
expect() {
    name=$1 content=$2 target=$3 want=$4
    f=$dir/$name.csv
    printf '%b' "$content" >"$f"
    "$bin" fit --data "$f" --target "$target" --penalty l2 --lambda 1 --format=kv >"$dir/out" 2>"$dir/err"
    rc=$?
    got=$(cat "$dir/err")
    if [ "$rc" -ne 2 ]; then echo "FAIL $name: exit $rc, expected 2 ($got)"; fail=1
    elif [ "$got" != "$f:$want" ]; then echo "FAIL $name: stderr '$got', expected '$f:$want'"; fail=1
    elif [ -s "$dir/out" ]; then echo "FAIL $name: wrote to stdout despite the error"; fail=1
    fi
}

expect ragged 'a,b,y\n1,2,3\n4,5\n' y '3: row has 2 fields but the header has 3 columns'
expect ragged_long 'a,b,y\n1,2,3,4\n' y '2: row has 4 fields but the header has 3 columns'
expect non_number 'a,b,y\n1,2,3\n4,five,6\n' y '3:3: expected a number, found '"'five'"
expect nan 'a,b,y\n1,NaN,3\n' y '2:3: expected a number, found '"'NaN'"
expect empty_field 'a,b,y\n1,,3\n' y '2:3: empty field; expected a number'
expect empty '' y '1: empty file; expected a header row of column names'
expect blank_only '\n\n' y '1: empty file; expected a header row of column names'
expect header_only 'a,b,y\n' y '2: no data rows after the header'
expect no_target 'a,b,y\n1,2,3\n4,5,6\n' z "1: no column named 'z' (columns: a, b, y)"
expect no_features 'y\n1\n2\n' y "1: no feature columns besides the target 'y'"
expect one_row 'a,y\n1,2\n' y '2: a regression needs at least 2 data rows, found 1'

# A file that does not exist.
"$bin" fit --data "$dir/missing.csv" --target y --penalty l2 --lambda 1 >/dev/null 2>"$dir/err"
rc=$?
case "$rc:$(cat "$dir/err")" in
    "2:$dir/missing.csv: cannot read: No such file or directory") ;;
    *) echo "FAIL missing file: exit $rc, '$(cat "$dir/err")'"; fail=1 ;;
esac

# Standardizing a constant column is refused too.
printf 'a,c,y\n1,7,1\n2,7,3\n3,7,2\n' >"$dir/const.csv"
"$bin" fit --data "$dir/const.csv" --target y --penalty l1 --lambda 0.1 --standardize >/dev/null 2>"$dir/err"
rc=$?
[ "$rc" = 2 ] && grep -q "const.csv: column 'c' is constant" "$dir/err" || { echo "FAIL constant column: exit $rc, '$(cat "$dir/err")'"; fail=1; }

# Numbers too large to square overflow the fit: refused, never printed as inf or nan.
printf 'a,b,y\n1e200,1,2\n-1e200,2,3\n3e200,0,1\n' >"$dir/huge.csv"
"$bin" fit --data "$dir/huge.csv" --target y --penalty l2 --lambda 1 --format=kv >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" = 2 ] && [ ! -s "$dir/out" ] && grep -q "huge.csv: the fit overflowed" "$dir/err" \
    || { echo "FAIL overflow: exit $rc, '$(cat "$dir/err")'"; fail=1; }

exit $fail
