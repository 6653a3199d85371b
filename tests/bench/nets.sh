#!/bin/sh
# nets.sh — speed of the Caffe reader and counter as whole processes.
#   1. ex3_2 on ResNet-152-deploy.prototxt (parse, count, render kv): target < 5 ms.
#   2. Linear growth: generated chains of 12,500 … 100,000 layers; the time per
#      layer must stay flat (100,000 layers may take at most 1.5x the time per
#      layer of 25,000; a quadratic step would take 4x). 12,500 is shown only:
#      it still fits the caches, so it is faster per layer.
# Times are the best of several batches, so other work on the machine does not
# count against the program. Needs: awk, date +%N.
set -u
bin=$AICS_BIN/ex3_2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0

now_ns() { date +%s%N; }

# best_ms FILE RUNS BATCHES: best average wall time per run, in ms (3 decimals).
best_ms() {
    best=
    b=0
    while [ "$b" -lt "$3" ]; do
        t0=$(now_ns)
        i=0
        while [ "$i" -lt "$2" ]; do
            "$bin" --quiet --format=kv "$1" >/dev/null || { echo "ex3_2 failed on $1"; exit 1; }
            i=$((i + 1))
        done
        t1=$(now_ns)
        us=$(( (t1 - t0) / 1000 / $2 ))
        if [ -z "$best" ] || [ "$us" -lt "$best" ]; then best=$us; fi
        b=$((b + 1))
    done
    echo "$best"
}

resnet=${AICS_SHARED:-../shared}/nets/ResNet-152-deploy.prototxt
if [ -f "$resnet" ]; then
    us=$(best_ms "$resnet" 20 5)
    base=$( t0=$(now_ns); i=0; while [ $i -lt 20 ]; do /bin/true; i=$((i+1)); done; t1=$(now_ns); echo $(( (t1 - t0) / 1000 / 20 )) )
    verdict=ok; [ "$us" -lt 5000 ] || { verdict=SLOW; status=1; }
    printf 'ResNet-152-deploy.prototxt: %d.%03d ms per whole process (target < 5 ms; an empty process takes %d.%03d ms) %s\n' \
        $((us / 1000)) $((us % 1000)) $((base / 1000)) $((base % 1000)) "$verdict"
else
    echo "skipped ResNet-152: $resnet not found"
fi

# A chain of 1x1 convolutions, each followed by an in-place ReLU.
gen() {
    awk -v n="$1" 'BEGIN {
        print "input: \"data\"\ninput_dim: 1\ninput_dim: 16\ninput_dim: 8\ninput_dim: 8";
        prev = "data";
        for (i = 1; i <= n / 2; i++) {
            printf "layer { name: \"c%d\" type: \"Convolution\" bottom: \"%s\" top: \"c%d\"\n", i, prev, i;
            printf "  convolution_param { num_output: 16 kernel_size: 1 } }\n";
            printf "layer { name: \"r%d\" type: \"ReLU\" bottom: \"c%d\" top: \"c%d\" }\n", i, i, i;
            prev = "c" i;
        }
    }' >"$tmp/chain$1.prototxt"
}

first=
for n in 12500 25000 50000 100000; do
    gen "$n"
    us=$(best_ms "$tmp/chain$n.prototxt" 1 5)
    per=$(( us * 1000 / n ))  # ns per layer
    [ "$n" -ne 25000 ] || first=$per
    printf '%7d layers: %5d ms, %5d ns per layer\n' "$n" $((us / 1000)) "$per"
done
if [ "$per" -gt $(( first * 3 / 2 )) ]; then
    echo "growth: NOT linear (per-layer time rose from $first to $per ns)"; status=1
else
    echo "growth: linear (per-layer time $first -> $per ns; target: at most 1.5x)"
fi
exit $status
