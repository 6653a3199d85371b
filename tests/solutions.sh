#!/bin/sh
# solutions.sh — reference outputs in solutions/ and their provenance.
#   solutions.sh update PROG...  rewrite solutions/chN/exN_M.kv from each program (only if changed)
#   solutions.sh check PROG...   fail when a program's kv output differs from its reference
#   solutions.sh stale PROG...   name each reference whose provenance no longer matches the
#                                sources and flags, WITHOUT running any program
#
# A reference is the program's `--format=kv` output with one line added after
# the `# aics-result v1 exercise=… seed=… convention=…` header (which already
# records the exercise, the format version and the seed):
#
#   # aics-provenance v2 source=sha256:… deps=sha256:…
#
#   source  SHA-256 of the program's source, chapters/chN/exN_M.c
#   deps    SHA-256 of the `sha256sum` lines ("HASH  path"), sorted by path in the
#           C locale, of every other project file the program is built from: the
#           headers its object includes, and for each library module the linker
#           took (build/link/NAME.map) that module's .c and the headers it includes
#           (from the compiler's .d files). Build flags are not part of it, so a
#           sanitizer or -O0 build checks the same references.
#
# SHA-256 comes from coreutils' sha256sum (or shasum -a 256), a standard tool
# anyone can rerun by hand to audit a header. The stale check runs no program,
# but needs the build's .d files and link maps ($AICS_BUILD, default build).
# The golden comparison ignores the provenance line. See docs/grading.md.
set -u
LC_ALL=C
export LC_ALL
mode=$1; shift
fail=0 npass=0 nfail=0
# failed: one more reference that did not pass; passed: one that did.
failed() { fail=1; nfail=$((nfail + 1)); }
passed() { npass=$((npass + 1)); }
build=${AICS_BUILD-build}

if command -v sha256sum >/dev/null 2>&1; then
    hash_files() { sha256sum "$@"; }
elif command -v shasum >/dev/null 2>&1; then
    hash_files() { shasum -a 256 "$@"; }
else
    echo "solutions.sh: need sha256sum (coreutils) or shasum to hash sources" >&2; exit 2
fi
hash_stdin() { hash_files | cut -c1-64; }

# dep_files NAME SOURCE: the project files program NAME is built from, but SOURCE,
# one a line, sorted. The link map names each archive member the linker took;
# each member's .d file names its .c and the headers it includes.
dep_files() {
    map=$build/link/$1.map
    if [ ! -f "$map" ]; then
        echo "solutions.sh: no link map $map (build the program first)" >&2; return 1
    fi
    objs=$(sed -n 's#^[^ ]*libaics_\([a-z]*\)\.a(\([A-Za-z0-9_]*\)\.o)$#src/\1/\2#p' "$map" | sort -u)
    for o in "chapters/ch$3/$1" $objs; do
        d=$build/obj/$o.d
        [ -f "$d" ] || { echo "solutions.sh: no dependency file $d" >&2; return 1; }
        sed -e 's/^[^:]*://' -e 's/\\$//' "$d" | tr ' ' '\n' | sed -n '/^[^ ]/{/:$/d;p;}'
    done | grep -v "^$2\$" | sort -u
}

provenance() { # provenance NAME SOURCE CHAPTER
    files=$(dep_files "$1" "$2" "$3") || return 1
    # shellcheck disable=SC2086
    printf '# aics-provenance v2 source=sha256:%s deps=sha256:%s\n' \
        "$(hash_stdin <"$2")" "$(hash_files $files | hash_stdin)"
}

field() { # field NAME LINE -> the value after NAME=
    echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

for prog in "$@"; do
    name=${prog##*/}                       # ex3_2
    chapter=$(echo "$name" | sed 's/^ex\([0-9]*\)_.*/\1/')
    ref=solutions/ch$chapter/$name.kv
    src=chapters/ch$chapter/$name.c
    if [ "$mode" = stale ]; then
        if [ ! -f "$ref" ]; then
            echo "stale: $ref is missing (run 'make solutions')" >&2; failed; continue
        fi
        have=$(sed -n '2{/^# aics-provenance /p;}' "$ref")
        if [ -z "$have" ]; then
            echo "stale: $ref has no provenance line (run 'make solutions')" >&2; failed; continue
        fi
        want=$(provenance "$name" "$src" "$chapter") || { failed; continue; }
        if [ "$have" != "$want" ]; then
            why=
            for f in source deps; do
                [ "$(field $f "$have")" = "$(field $f "$want")" ] && continue
                case $f in
                    source) why="$why, $src changed" ;;
                    deps) why="$why, one of the $(dep_files "$name" "$src" "$chapter" | wc -l | tr -d ' ') library files it is built from changed" ;;
                esac
            done
            [ -n "$why" ] || why=", provenance format changed"
            echo "stale: $ref (${why#, }; run 'make solutions')" >&2; failed
        else
            echo "fresh: $ref"; passed
        fi
        continue
    fi
    tmp=$(mktemp) || exit 1
    if ! "$prog" --quiet --format=kv >"$tmp" 2>"$tmp.err"; then
        echo "golden $name: FAILED to run:" >&2; cat "$tmp.err" >&2; failed
    elif [ "$mode" = update ]; then
        mkdir -p "solutions/ch$chapter"
        prov=$(provenance "$name" "$src" "$chapter") || { failed; rm -f "$tmp" "$tmp.err"; continue; }
        awk -v prov="$prov" 'NR == 1 { print; print prov; next } { print }' "$tmp" >"$tmp.ref"
        if cmp -s "$tmp.ref" "$ref"; then echo "solutions: $ref unchanged"
        else cp "$tmp.ref" "$ref.tmp" && mv "$ref.tmp" "$ref" && echo "solutions: wrote $ref"; fi
        rm -f "$tmp.ref"
    elif [ ! -f "$ref" ]; then
        echo "golden $name: no reference $ref (run 'make solutions')" >&2; failed
    elif ! grep -v '^# aics-provenance ' "$ref" | cmp -s "$tmp" -; then
        echo "golden $name: output differs from $ref:" >&2
        grep -v '^# aics-provenance ' "$ref" | diff - "$tmp" | head -20 >&2; failed
    else
        echo "golden $name: ok"; passed
    fi
    rm -f "$tmp" "$tmp.err"
done
# A reference or spec whose program is gone is stale too.
if [ "$mode" = stale ]; then
    for f in solutions/ch*/ex*.kv solutions/ch*/ex*.spec; do
        [ -f "$f" ] || continue
        base=${f##*/}; base=${base%.*}
        chapter=$(echo "$base" | sed 's/^ex\([0-9]*\)_.*/\1/')
        if [ ! -f "chapters/ch$chapter/$base.c" ]; then
            echo "stale: $f has no program chapters/ch$chapter/$base.c" >&2; failed
        elif [ "${f%.spec}" != "$f" ] && [ ! -f "${f%.spec}.kv" ]; then
            echo "stale: $f has no reference ${f%.spec}.kv" >&2; failed
        fi
    done
fi
# The runner's summary: every reference is checked, none is ever skipped.
case $mode in
    stale) echo "provenance: $npass passed, $nfail failed, 0 skipped" ;;
    check) echo "golden: $npass passed, $nfail failed, 0 skipped" ;;
esac
exit $fail
