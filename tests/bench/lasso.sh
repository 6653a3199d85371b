#!/bin/sh
# lasso.sh — an L1 path of 100 λ values on the diabetes data, warm-started,
# as a whole process (start-up, CSV reading, standardizing, the path, the
# optimality check and kv output): the median of 21 runs must be under 20 ms.
set -u
bin=${AICS_BIN:-build/bin}/ex2_5
[ -x "$bin" ] || { echo "ex2_5 is not built"; exit 1; }
data=data/diabetes.csv
[ -f "$data" ] || { echo "run from the repository root: $data not found"; exit 1; }
limit_us=20000
times=""
for i in $(seq 21); do
    t0=$(date +%s%N)
    "$bin" path --data $data --target y --penalty l1 --standardize --points 100 --format=kv >/dev/null || exit 1
    t1=$(date +%s%N)
    times="$times $(( (t1 - t0) / 1000 ))"
done
median=$(echo $times | tr ' ' '\n' | sort -n | sed -n 11p)
best=$(echo $times | tr ' ' '\n' | sort -n | head -1)
echo "lasso path, 100 λ on diabetes (whole process): median ${median} us, best ${best} us, limit ${limit_us} us"
[ "$median" -lt "$limit_us" ]
