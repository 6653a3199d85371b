/* caffe.h — a Caffe network description (prototxt) as an aics_net.
 *
 * Reads what prototxt.h parses: the current `layer { type: "Convolution" }`
 * syntax and the old V1 `layers { type: CONVOLUTION }` one, and the four
 * ways a deploy file gives its input:
 *   1. `input: "data"` + four `input_dim:` (N, C, H, W) per input;
 *   2. `input: "data"` + `input_shape { dim: … }` per input;
 *   3. an `Input` layer with `input_param { shape { dim: … } }`;
 *   4. a `Data` layer with `input_param { shape … }`, or with
 *      `transform_param { crop_size: S }` (then 3×S×S; other tops, such as
 *      the label, are 1×1×1).
 * The batch dimension is read but ignored: every count is per image.
 * Layers are kept for the TEST phase (`include`/`exclude { phase: … }`),
 * except that an input layer marked TRAIN still defines its blob when no
 * TEST layer does.
 *
 * Every error is one line, "path:line:col: message", naming what was
 * expected. An unknown layer type is an error naming the type and the layer
 * unless `allow_unknown` is set; such a layer then has type
 * AICS_LAYER_UNKNOWN (it keeps its input's shape and counts as zero).
 */
#ifndef AICS_CAFFE_H
#define AICS_CAFFE_H

#include <stdbool.h>
#include <stddef.h>

#include "net.h"

/* Parse `len` bytes of prototxt text. `path` is used in messages and to name
 * the net (see aics_caffe_net_name). Returns a finished net, or NULL with
 * "path:line:col: message" in err. */
aics_net *aics_caffe_parse(const char *text, size_t len, const char *path,
                           bool allow_unknown, char *err, size_t errsz);

/* Read a file and parse it as above. */
aics_net *aics_caffe_load(const char *path, bool allow_unknown, char *err,
                          size_t errsz);

/* The kv name of a file: its base name without the extension, lower-cased,
 * every character outside [a-z0-9_] replaced by '_'
 * ("nets/ResNet-152-deploy.prototxt" → "resnet_152_deploy"). */
void aics_caffe_net_name(const char *path, char *out, size_t n);

#endif
