#!/bin/sh
# special_files.sh — readers read only regular files and writers replace only
# regular files (issue 14): a FIFO, a device or a folder as input gets one
# line and exit 2 at once (a FIFO once hung ex3_2); --write or --output onto a
# device, FIFO, folder or symbolic link is refused before any work, and the
# thing is left as it was (as root, --write=kv:/dev/null replaced /dev/null).
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/fifo" || { echo "mkfifo is not available"; exit 77; }

# refused WHAT EXPECTED CMD…: exit 2 within 10 s, one line containing EXPECTED.
refused() {
    what=$1 want=$2
    shift 2
    timeout 10 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    [ $rc -ne 124 ] || fail "$what: hung"
    [ $rc -eq 2 ] || fail "$what: expected exit 2, got $rc: $(cat "$tmp/err")"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$what: expected one line, got: $(cat "$tmp/err")"
    grep -qF -- "$want" "$tmp/err" || fail "$what: expected '$want', got: $(cat "$tmp/err")"
}

refused "ex3_2 on a FIFO" "$tmp/fifo: is a FIFO or socket, not a regular file; expected a prototxt file" \
    "$AICS_BIN/ex3_2" "$tmp/fifo"
refused "ex3_1 on a device" "/dev/zero: is a device, not a regular file; expected a prototxt file" \
    "$AICS_BIN/ex3_1" /dev/zero
refused "ex3_2 on a folder" "$tmp: is a folder, not a regular file; expected a prototxt file" \
    "$AICS_BIN/ex3_2" "$tmp"
refused "ex2_5 fit on a FIFO" "$tmp/fifo: is a FIFO or socket, not a regular file; expected a CSV file" \
    "$AICS_BIN/ex2_5" fit --data="$tmp/fifo" --target=y --penalty=l2 --lambda=1
refused "aics-grade on a FIFO" "is a FIFO or socket, not a regular file" \
    "$AICS_BIN/aics-grade" solutions/ch2/ex2_7.kv "$tmp/fifo"

refused "--write onto /dev/null" "--write /dev/null: is a device, not a regular file" \
    "$AICS_BIN/ex2_7" --quiet --write=kv:/dev/null
[ -c /dev/null ] || fail "/dev/null is no longer a device"
refused "--output onto a FIFO" "--output $tmp/fifo: is a FIFO or socket, not a regular file" \
    "$AICS_BIN/ex2_7" --quiet --output="$tmp/fifo"
[ -p "$tmp/fifo" ] || fail "the FIFO was replaced"
ln -s "$tmp/target" "$tmp/link"
refused "--write through a link" "--write $tmp/link: is a symbolic link, not a regular file" \
    "$AICS_BIN/ex2_7" --quiet --write=kv:"$tmp/link"
[ -L "$tmp/link" ] && [ ! -e "$tmp/target" ] || fail "the link was replaced or written through"
refused "aics-grade --json onto a device" "is a device" \
    "$AICS_BIN/aics-grade" --quiet --json=/dev/null solutions/ch2/ex2_7.kv solutions/ch2/ex2_7.kv

# A regular file and a new path are still written.
"$AICS_BIN/ex2_7" --quiet --format=none --write=kv:"$tmp/new.kv" && [ -s "$tmp/new.kv" ] || fail "a new path should be written"
"$AICS_BIN/ex2_7" --quiet --format=none --write=kv:"$tmp/new.kv" || fail "a regular file should be replaced"
exit 0
