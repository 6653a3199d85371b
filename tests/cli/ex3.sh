#!/bin/sh
# ex3.sh — exercises 3.1 and 3.2 from the outside: the graded kv keys, known
# totals, --net, file naming, determinism, usage errors, and (with
# $AICS_SHARED) the built-in networks agreeing with their Caffe files.
set -u
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
b1=$AICS_BIN/ex3_1 b2=$AICS_BIN/ex3_2

"$b1" --format=kv >"$tmp/1.kv" || fail "ex3_1 exited $?"
"$b2" --format=kv >"$tmp/2.kv" || fail "ex3_2 exited $?"
head -1 "$tmp/1.kv" | grep -q '^# aics-result v1 exercise=3.1 seed=0 convention=' || fail "ex3_1 kv header"
head -1 "$tmp/2.kv" | grep -q '^# aics-result v1 exercise=3.2 seed=0 convention=' || fail "ex3_2 kv header"
# Independent references: the released models' parameter counts, AlexNet conv1 by hand.
grep -qx 'alexnet.total.params 60965224' "$tmp/1.kv" || fail "AlexNet has 60,965,224 parameters"
grep -qx 'vgg19.total.params 143667240' "$tmp/1.kv" || fail "VGG-19 has 143,667,240 parameters"
grep -qx 'resnet152.total.params 60192808' "$tmp/1.kv" || fail "ResNet-152 has 60,192,808 parameters"
grep -qx 'alexnet.layer.conv1.mul 105415200' "$tmp/2.kv" || fail "AlexNet conv1: 96*55*55*3*11*11 multiplications"
grep -qx 'alexnet.layer.conv1.neurons 290400' "$tmp/1.kv" || fail "AlexNet conv1: 96*55*55 neurons"
for net in alexnet vgg19 resnet152; do
    for m in mul add mac; do grep -q "^$net\.total\.$m [0-9]" "$tmp/2.kv" || fail "missing $net.total.$m"; done
    for m in neurons params; do grep -q "^$net\.total\.$m [0-9]" "$tmp/1.kv" || fail "missing $net.total.$m"; done
done
mac=$(sed -n 's/^resnet152\.total\.mac //p' "$tmp/2.kv")
[ "$mac" -gt 11250000000 ] && [ "$mac" -lt 11350000000 ] || fail "ResNet-152 should be 11.3 G MACs, got $mac"
grep -q '^alexnet\.total\.neurons' "$tmp/2.kv" && fail "ex3_2 should not print the neuron keys"
grep -q '^alexnet\.total\.mul' "$tmp/1.kv" && fail "ex3_1 should not print the operation keys"

# Deterministic, and one built-in with --net.
"$b2" --format=kv >"$tmp/2b.kv" && cmp -s "$tmp/2.kv" "$tmp/2b.kv" || fail "two runs should print identical kv"
"$b1" --net vgg19 --format=kv >"$tmp/v.kv" || fail "--net vgg19 failed"
grep -q '^alexnet\.' "$tmp/v.kv" && fail "--net vgg19 should report only vgg19"
grep -qx 'vgg19.total.params 143667240' "$tmp/v.kv" || fail "--net vgg19 should report vgg19"
"$b2" --net resnet152_tv --format=kv | grep -q '^resnet152_tv\.total\.mac 115' || fail "the torchvision variant"

# The text table has thousands separators.
"$b1" --net alexnet | grep -q '60,965,224' || fail "the text output should use thousands separators"

# Usage errors.
"$b2" --net lenet 2>"$tmp/err" >/dev/null; [ $? -eq 2 ] || fail "an unknown --net should exit 2"
grep -q "unknown network 'lenet'" "$tmp/err" || fail "the message should name the network"
"$b1" --help | grep -q '^用法：ex3_1' || fail "--help should print usage"

# Figures: MACs per layer for each network, the three side by side; none without gnuplot.
if command -v gnuplot >/dev/null 2>&1; then
    "$b2" --quiet --format=none --figures="$tmp/fig" || fail "the figure run failed"
    for f in ex3_2_compare ex3_2_macs_alexnet ex3_2_macs_vgg19 ex3_2_macs_resnet152; do
        grep -q '<svg' "$tmp/fig/$f.svg" || fail "figure $f.svg should be written"
    done
    "$b1" --quiet --format=none --figures="$tmp/fig" || fail "the ex3_1 figure run failed"
    grep -q '<svg' "$tmp/fig/ex3_1_params_resnet152.svg" || fail "figure ex3_1_params_resnet152.svg"
fi
PATH=/nonexistent "$b2" --format=kv --figures="$tmp/nofig" >"$tmp/2c.kv" 2>/dev/null || fail "no gnuplot: still succeed"
cmp -s "$tmp/2.kv" "$tmp/2c.kv" || fail "without gnuplot the results should be the same"

# Files: the kv name is the base name, lower-cased, [^a-z0-9_] -> _.
net=$(find "${AICS_SHARED:-../shared}/nets" -name 'ResNet-152-deploy.prototxt' 2>/dev/null | head -1)
[ -n "$net" ] || { echo "skipped the Caffe-file checks: ${AICS_SHARED:-../shared}/nets is absent"; exit 77; }
cp "$net" "$tmp/ResNet-152-deploy.prototxt"
"$b2" --quiet --format=kv "$tmp/ResNet-152-deploy.prototxt" >"$tmp/f.kv" || fail "the ResNet-152 file should load"
grep -qx "resnet_152_deploy.total.mac $mac" "$tmp/f.kv" || fail "the file and the built-in ResNet-152 should agree"
d=$(dirname "$net")
"$b1" --quiet --format=kv "$d/bvlc_alexnet.prototxt" "$d/VGG_ILSVRC_19_layers_deploy.prototxt" >"$tmp/g.kv" \
    || fail "two files at once"
grep -qx 'bvlc_alexnet.total.params 60965224' "$tmp/g.kv" || fail "bvlc_alexnet params"
grep -qx 'vgg_ilsvrc_19_layers_deploy.total.params 143667240' "$tmp/g.kv" || fail "VGG-19 file params"
# Layer by layer, the built-ins' kv values equal the files' (same layer names).
for pair in "alexnet bvlc_alexnet.prototxt bvlc_alexnet" "vgg19 VGG_ILSVRC_19_layers_deploy.prototxt vgg_ilsvrc_19_layers_deploy"; do
    set -- $pair
    "$b2" --quiet --format=kv --net "$1" | grep '\.layer\.' | sed "s/^$1\.//" | sort >"$tmp/a"
    "$b2" --quiet --format=kv "$d/$2" | grep '\.layer\.' | sed "s/^$3\.//" | sort >"$tmp/b"
    cmp -s "$tmp/a" "$tmp/b" || fail "$1 and $2 should agree layer by layer"
done
exit 0
