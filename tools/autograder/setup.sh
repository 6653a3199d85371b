#!/bin/sh
# setup.sh — Gradescope runs this once when it builds the autograder image.
# Nothing is downloaded: aics-grade and the exercise programs in bin/ are
# statically linked, and the references are in solutions/ (see
# tools/autograder/pack.sh, which made this zip with `make autograder`).
set -eu
chmod +x /autograder/source/run_autograder /autograder/source/bin/*
