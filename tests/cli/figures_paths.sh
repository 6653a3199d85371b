#!/bin/sh
# figures_paths.sh — gnuplot is started without a shell (issue 14): a figure
# folder named "it's" (or with a newline) gets its figures, and AICS_PLOT_LOG
# is a file name, never a command. And 33 networks get their 33 figures.
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is not installed: figures are not drawn"; exit 77; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

dir="$tmp/it's"
"$AICS_BIN/ex2_7" --quiet --format=none --figures="$dir" 2>"$tmp/err" || fail "ex2_7 --figures=\"it's\": $(cat "$tmp/err")"
[ -s "$dir/ex2_7_functions.svg" ] || fail "no figure in a folder named it's: $(cat "$tmp/err")"
[ -z "$(ls "$dir" | grep '\.tmp')" ] || fail "temporary figures left behind"

nl="$tmp/a
b"
"$AICS_BIN/ex2_7" --quiet --format=none --figures="$nl" 2>"$tmp/err" || fail "a folder with a newline: $(cat "$tmp/err")"
[ -s "$nl/ex2_7_functions.svg" ] || fail "no figure in a folder with a newline in its name"

log="$tmp/log'; touch $tmp/pwned; echo '"
AICS_PLOT_LOG=$log "$AICS_BIN/ex2_7" --quiet --format=none --figures="$tmp/f" 2>"$tmp/err"
[ ! -e "$tmp/pwned" ] || fail "AICS_PLOT_LOG was run as a shell command"
[ -s "$tmp/f/ex2_7_functions.svg" ] || fail "figures should still be drawn when the log cannot be written"
AICS_PLOT_LOG="$tmp/plot log" "$AICS_BIN/ex2_7" --quiet --format=none --figures="$tmp/g" 2>"$tmp/err" ||
    fail "AICS_PLOT_LOG with a space: $(cat "$tmp/err")"
[ -f "$tmp/plot log" ] || fail "the log should be written where AICS_PLOT_LOG says"

# 33 networks, one figure each: the figure list had room for 32 (an internal
# "check failed").
mkdir "$tmp/nets"
i=1
while [ $i -le 33 ]; do
    printf 'input: "data"\ninput_dim: 1\ninput_dim: 3\ninput_dim: 8\ninput_dim: 8\nlayer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 4 kernel_size: 3 } }\n' \
        >"$tmp/nets/n$i.prototxt"
    i=$((i + 1))
done
"$AICS_BIN/ex3_1" --quiet --format=none --figures="$tmp/f33" "$tmp"/nets/*.prototxt 2>"$tmp/err" ||
    fail "ex3_1 --figures on 33 networks: exit $? $(cat "$tmp/err")"
[ "$(ls "$tmp/f33" | grep -c '^ex3_1_params_n[0-9]*\.svg$')" -eq 33 ] || fail "33 figures expected: $(ls "$tmp/f33")"
exit 0
