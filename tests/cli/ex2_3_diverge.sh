#!/bin/sh
# ex2_3 --lr=1000 diverges: both training runs report <run>.diverged 1 and a
# divergence epoch, no loss for them, and the kv output holds no nan or inf.
set -u
prog=${AICS_BIN:-build/bin}/ex2_3
[ -x "$prog" ] || { echo "FAIL: $prog is not built"; exit 1; }
kv=$("$prog" --quiet --format=kv --lr=1000) || { echo "FAIL: ex2_3 --lr=1000 exited $?"; exit 1; }
fail=0
for run in gd sgd; do
    printf '%s\n' "$kv" | grep -qx "$run.diverged 1" || { echo "FAIL: no '$run.diverged 1'"; fail=1; }
    printf '%s\n' "$kv" | grep -q "^$run\.diverged_epoch [1-9][0-9]*$" || { echo "FAIL: no $run.diverged_epoch"; fail=1; }
    printf '%s\n' "$kv" | grep -q "^$run\.final_loss " && { echo "FAIL: $run.final_loss printed for a diverged run"; fail=1; }
done
if printf '%s\n' "$kv" | grep -v '^#' | grep -Eiq '(nan|inf)'; then
    echo "FAIL: kv holds nan or inf:"; printf '%s\n' "$kv" | grep -Ei '(nan|inf)'; fail=1
fi
json=$("$prog" --quiet --format=json --lr=1000) || { echo "FAIL: json run failed"; exit 1; }
printf '%s\n' "$json" | grep -Eiq '(nan|inf)[^o]' && { echo "FAIL: json holds nan or inf"; fail=1; }
# The default rate converges: no diverged key for gd or sgd.
"$prog" --quiet --format=kv | grep -Eq '^(gd|sgd)\.diverged' && { echo "FAIL: the default run diverged"; fail=1; }
exit $fail
