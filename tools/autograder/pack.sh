#!/bin/sh
# pack.sh BUILD "LIBS" [EXERCISES] — build BUILD/autograder.zip, Gradescope's
# autograder format: setup.sh and run_autograder at the top, bin/ with
# aics-grade and the exercise programs relinked statically (so the zip works
# on Gradescope's image offline, whatever its C library), and solutions/ with
# the references and specs of EXERCISES (names like "ex3_1 ex3_2"; all when
# empty). Run by `make autograder [EXERCISES=…]`.
set -eu
b=$1 libs=$2 only=${3:-}
cc=${CC:-cc}
stage=$b/autograder
rm -rf "$stage" "$b/autograder.zip.tmp"
mkdir -p "$stage/bin" "$stage/solutions"
link() { "$cc" -static -o "$stage/bin/$1" "$2" $libs -lm; }
link aics-grade "$b/obj/tools/aics-grade.o"
n=0
for ref in solutions/ch*/ex*.kv; do
    name=$(basename "$ref" .kv)
    if [ -n "$only" ]; then case " $only " in *" $name "*) ;; *) continue ;; esac; fi
    chapter=$(basename "$(dirname "$ref")")
    mkdir -p "$stage/solutions/$chapter"
    cp "$ref" "$stage/solutions/$chapter/"
    [ -f "${ref%.kv}.spec" ] && cp "${ref%.kv}.spec" "$stage/solutions/$chapter/"
    link "$name" "$b/obj/chapters/$chapter/$name.o"
    n=$((n + 1))
done
[ $n -gt 0 ] || { echo "pack.sh: no reference matches EXERCISES='$only'" >&2; exit 2; }
cp tools/autograder/setup.sh tools/autograder/run_autograder "$stage/"
chmod +x "$stage/setup.sh" "$stage/run_autograder"
if command -v zip >/dev/null 2>&1; then
    (cd "$stage" && zip -qr ../autograder.zip.tmp setup.sh run_autograder bin solutions)
else
    (cd "$stage" && python3 -m zipfile -c ../autograder.zip.tmp setup.sh run_autograder bin solutions)
fi
mv "$b/autograder.zip.tmp" "$b/autograder.zip"
echo "autograder: $b/autograder.zip ($n exercises)"
