#!/bin/sh
# book-tree.sh TREE RESULTS — the copy of the tree fuzz_book.c works on:
# TREE/chapters and TREE/src (which {{code}} excerpts read), the programs'
# outputs from RESULTS (a build's out/) in TREE/results, their figures in
# TREE/out/fig. Set AICS_FUZZ_BOOK=TREE for the harness.
set -eu
tree=$1 results=$2
rm -rf "$tree"
mkdir -p "$tree/results" "$tree/out/fig"
cp -R chapters src "$tree/"
find "$results" -maxdepth 1 -type f -exec cp {} "$tree/results/" \;
if [ -d "$results/fig" ]; then find "$results/fig" -maxdepth 1 -type f -exec cp {} "$tree/out/fig/" \; ; fi
