#!/bin/sh
# provenance_scope.sh — a reference's provenance covers exactly the sources
# its program is built from (issue 15): a comment added to src/nets/netcount.c
# makes stale the references of the programs that link netcount.o, and no
# other. Which programs link it is found independently of the link maps that
# tests/solutions.sh reads: from the symbols each binary defines (nm). The
# edit is made in a copy of the tree; the build's .d files and maps are read
# where they are (their paths are relative to the tree).
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v nm >/dev/null || { echo "nm (binutils) is not installed"; exit 77; }
build=$(cd "${AICS_BUILD:-build}" && pwd) || fail "no build folder"
[ -f "$build/obj/src/nets/netcount.o" ] || fail "netcount.o is not built"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/tree" "$tmp/tree/tests"
cp -R src chapters solutions "$tmp/tree/" && cp tests/solutions.sh "$tmp/tree/tests/" || fail "cannot copy the tree"
progs=$(ls "$build"/bin/ex*_*)
[ -n "$progs" ] || fail "no programs in $build/bin"
# The programs whose references solutions.sh finds stale, one name a line.
stale() {
    # shellcheck disable=SC2086
    (cd "$tmp/tree" && AICS_BUILD=$build sh tests/solutions.sh stale $progs 2>&1) |
        sed -n 's#^stale: solutions/ch[0-9]*/\(ex[0-9_]*\)\.kv .*#\1#p' | sort
}
before=$(stale)
[ -z "$before" ] || fail "references stale before any edit: $(echo $before)"
printf '/* a comment added by provenance_scope.sh */\n' >>"$tmp/tree/src/nets/netcount.c"
got=$(stale)
# The global symbols netcount.o defines; a program links it iff it defines one.
nm --defined-only "$build/obj/src/nets/netcount.o" | awk '$2 ~ /^[TDRB]$/ { print $3 }' >"$tmp/syms"
[ -s "$tmp/syms" ] || fail "netcount.o defines no global symbol"
want=$(for p in $progs; do
    nm --defined-only "$p" 2>/dev/null | awk '{ print $3 }' | grep -qxFf "$tmp/syms" && basename "$p"
done | sort)
all=$(for p in $progs; do basename "$p"; done | sort)
[ -n "$want" ] || fail "no program links netcount.o (nm found none)"
[ "$want" != "$all" ] || fail "every program links netcount.o: the test cannot tell 'only' apart"
[ "$got" = "$want" ] || fail "stale after editing netcount.c: $(echo $got); expected exactly: $(echo $want)"
echo "netcount.c edited: stale $(echo "$got" | wc -l) of $(echo "$all" | wc -l) references: $(echo $got)"
