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
#   # aics-provenance v1 source=sha256:… lib=sha256:… flags=sha256:…
#
#   source  SHA-256 of the program's source, chapters/chN/exN_M.c
#   lib     SHA-256 of `sha256sum` lines ("HASH  path") of src/*.c and src/*.h,
#           sorted by path in the C locale: names and contents of the core library
#   flags   SHA-256 of $AICS_BUILD_FLAGS, the CPPFLAGS and CFLAGS the Makefile
#           compiles programs with (it exports them for these targets)
#
# SHA-256 comes from coreutils' sha256sum (or shasum -a 256): a standard tool
# anyone can rerun by hand to audit a header, it needs nothing built first,
# which is what lets `make check-solutions` run without compiling or running
# anything, and it is no home-made hash. The golden comparison ignores the
# provenance line. See docs/grading.md.
set -u
LC_ALL=C
export LC_ALL
mode=$1; shift
fail=0
flags=${AICS_BUILD_FLAGS-}

if command -v sha256sum >/dev/null 2>&1; then
    hash_files() { sha256sum "$@"; }
elif command -v shasum >/dev/null 2>&1; then
    hash_files() { shasum -a 256 "$@"; }
else
    echo "solutions.sh: need sha256sum (coreutils) or shasum to hash sources" >&2; exit 2
fi
hash_stdin() { hash_files | cut -c1-64; }

lib_hash() {
    # shellcheck disable=SC2046
    hash_files $(ls src/*.c src/*.h | sort) | hash_stdin
}

provenance() { # provenance SOURCE LIBHASH
    printf '# aics-provenance v1 source=sha256:%s lib=sha256:%s flags=sha256:%s\n' \
        "$(hash_stdin <"$1")" "$2" "$(printf '%s' "$flags" | hash_stdin)"
}

field() { # field NAME LINE -> the value after NAME=
    echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

lib=$(lib_hash)
for prog in "$@"; do
    name=${prog##*/}                       # ex3_2
    chapter=$(echo "$name" | sed 's/^ex\([0-9]*\)_.*/\1/')
    ref=solutions/ch$chapter/$name.kv
    src=chapters/ch$chapter/$name.c
    if [ "$mode" = stale ]; then
        if [ ! -f "$ref" ]; then
            echo "stale: $ref is missing (run 'make solutions')" >&2; fail=1; continue
        fi
        have=$(sed -n '2{/^# aics-provenance /p;}' "$ref")
        if [ -z "$have" ]; then
            echo "stale: $ref has no provenance line (run 'make solutions')" >&2; fail=1; continue
        fi
        want=$(provenance "$src" "$lib")
        if [ "$have" != "$want" ]; then
            why=
            for f in source lib flags; do
                [ "$(field $f "$have")" = "$(field $f "$want")" ] && continue
                case $f in
                    source) why="$why, $src changed" ;;
                    lib) why="$why, the core library src/ changed" ;;
                    flags) why="$why, the build flags changed" ;;
                esac
            done
            echo "stale: $ref (${why#, }; run 'make solutions')" >&2; fail=1
        else
            echo "fresh: $ref"
        fi
        continue
    fi
    tmp=$(mktemp) || exit 1
    if ! "$prog" --quiet --format=kv >"$tmp" 2>"$tmp.err"; then
        echo "golden $name: FAILED to run:" >&2; cat "$tmp.err" >&2; fail=1
    elif [ "$mode" = update ]; then
        mkdir -p "solutions/ch$chapter"
        prov=$(provenance "$src" "$lib")
        awk -v prov="$prov" 'NR == 1 { print; print prov; next } { print }' "$tmp" >"$tmp.ref"
        if cmp -s "$tmp.ref" "$ref"; then echo "solutions: $ref unchanged"
        else cp "$tmp.ref" "$ref.tmp" && mv "$ref.tmp" "$ref" && echo "solutions: wrote $ref"; fi
        rm -f "$tmp.ref"
    elif [ ! -f "$ref" ]; then
        echo "golden $name: no reference $ref (run 'make solutions')" >&2; fail=1
    elif ! grep -v '^# aics-provenance ' "$ref" | cmp -s "$tmp" -; then
        echo "golden $name: output differs from $ref:" >&2
        grep -v '^# aics-provenance ' "$ref" | diff - "$tmp" | head -20 >&2; fail=1
    else
        echo "golden $name: ok"
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
            echo "stale: $f has no program chapters/ch$chapter/$base.c" >&2; fail=1
        elif [ "${f%.spec}" != "$f" ] && [ ! -f "${f%.spec}.kv" ]; then
            echo "stale: $f has no reference ${f%.spec}.kv" >&2; fail=1
        fi
    done
fi
exit $fail
