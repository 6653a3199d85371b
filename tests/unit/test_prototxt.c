/* test_prototxt.c — the protobuf text-format reader: the real Caffe files in
 * $AICS_SHARED/nets, every grammar form it promises, every error with its
 * exact line:col, and hostile input (deep nesting, huge files, truncation). */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "prototxt.h"
#include "rng.h"
#include "unit.h"

/* Parse a NUL-terminated string, failing the test with the message if it is
 * refused. */
static aics_pt_node *parse_ok(const char *text)
{
    char err[512];
    aics_pt_node *r = aics_pt_parse(text, strlen(text), "t.prototxt", err, sizeof err);
    ck_assert_msg(r != NULL, "The text should parse, but the reader said: %s", err);
    return r;
}

/* Load a file from the shared nets folder (the test has checked that the
 * folder is there, so a missing file fails). */
static aics_pt_node *load_net(const char *file)
{
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/nets/%s", aics_unit_shared(), file);
    aics_pt_node *r = aics_pt_load(path, err, sizeof err);
    ck_assert_msg(r != NULL, "%s should load, but the reader said: %s", path, err);
    return r;
}

static void assert_scalar(const aics_pt_node *n, const char *name, const char *value,
                          int quoted, long line, long col)
{
    ck_assert_msg(n != NULL, "Field '%s' should exist.", name);
    ck_assert_msg(!n->is_message, "Field '%s' should be a scalar.", name);
    ck_assert_msg(strcmp(n->name, name) == 0, "Expected field '%s', got '%s'.", name, n->name);
    ck_assert_msg(strcmp(n->value, value) == 0, "Field '%s' should be \"%s\", got \"%s\".",
                  name, value, n->value);
    ck_assert_msg(n->quoted == quoted, "Field '%s' should have quoted=%d.", name, quoted);
    ck_assert_msg(n->line == line && n->col == col, "Field '%s' should be at %ld:%ld, got %ld:%ld.",
                  name, line, col, n->line, n->col);
}

/* ---- Core ----------------------------------------------------------------- */

START_TEST(every_shared_net_parses)
{
    AICS_SKIP_WITHOUT_SHARED("nets");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/nets", aics_unit_shared());
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "%s should open.", dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 9 || strcmp(e->d_name + len - 9, ".prototxt") != 0) continue;
        aics_pt_node *r = load_net(e->d_name);
        ck_assert_msg(r && r->nchildren > 0, "%s should have top-level fields.", e->d_name);
        ck_assert_msg(aics_pt_count(r, "layer") + aics_pt_count(r, "layers") > 0,
                      "%s should have layers.", e->d_name);
        aics_pt_free(r);
        n++;
    }
    closedir(d);
    ck_assert_msg(n >= 16, "Expected at least the 16 nets listed in SOURCES.md, found %d.", n);
}
END_TEST

START_TEST(real_files_read_as_written)
{
    AICS_SKIP_WITHOUT_SHARED("nets");
    /* Counts checked by hand with grep -c '^layer {' and the files' text. */
    aics_pt_node *r = load_net("VGG_ILSVRC_19_layers_deploy.prototxt");
    if (r) {
        ck_assert_msg(aics_pt_count(r, "layers") == 45, "VGG-19 has 45 V1 'layers' blocks.");
        ck_assert_msg(aics_pt_count(r, "input_dim") == 4, "VGG-19 has 4 input_dim fields.");
        assert_scalar(aics_pt_nth(r, "input_dim", 0), "input_dim", "10", 0, 3, 1);
        assert_scalar(aics_pt_nth(r, "input_dim", 3), "input_dim", "224", 0, 6, 1);
        const aics_pt_node *l0 = aics_pt_nth(r, "layers", 0);
        assert_scalar(aics_pt_child(l0, "type"), "type", "CONVOLUTION", 0, 11, 3);
        aics_pt_free(r);
    }
    r = load_net("ResNet-152-deploy.prototxt");
    if (r) {
        ck_assert_msg(aics_pt_count(r, "layer") == 670, "ResNet-152 has 670 layers.");
        const aics_pt_node *conv1 = aics_pt_nth(r, "layer", 0);
        /* tabs: one column each */
        assert_scalar(aics_pt_child(conv1, "bottom"), "bottom", "data", 1, 9, 2);
        const aics_pt_node *cp = aics_pt_child(conv1, "convolution_param");
        assert_scalar(aics_pt_child(cp, "bias_term"), "bias_term", "false", 0, 18, 3);
        aics_pt_free(r);
    }
    r = load_net("bvlc_alexnet.prototxt");
    if (r) {
        ck_assert_msg(aics_pt_count(r, "layer") == 24, "AlexNet has 24 layers.");
        const aics_pt_node *in = aics_pt_child(aics_pt_nth(r, "layer", 0), "input_param");
        const aics_pt_node *shape = aics_pt_child(in, "shape");
        ck_assert_msg(shape && shape->is_message, "input_param: { shape: { … } } is a message.");
        ck_assert_msg(aics_pt_count(shape, "dim") == 4, "The input shape has 4 dims.");
        assert_scalar(aics_pt_nth(shape, "dim", 2), "dim", "227", 0, 6, 41);
        aics_pt_free(r);
    }
}
END_TEST

START_TEST(tricky_forms)
{
    const char *text =
        "\xEF\xBB\xBF" "name: \"a\" 'b\\n\\x41\\101\\u00e9\\'\\\"'\r\n" /* 1 */
        "# a comment { not a brace\r\n"                                 /* 2 */
        "x: -1.5e-3f, y: 0x1F; z: -inf w: 1E+6 v: nan\n"                /* 3 */
        "m: { a: 1 } n < b: [1, -2 ,3] > o { p: [] q: [{r:1},<r:2>] }\n" /* 4 */
        "\tt: TRAIN s: .5 u: 'é' e: \"\" k: 7;\n"                       /* 5 */
        "layers { include: { phase: TEST } }\n";                        /* 6 */
    aics_pt_node *r = parse_ok(text);
    ck_assert_msg(r->is_message && strcmp(r->name, "") == 0, "The root is a message named \"\".");
    /* the BOM is not a column; escapes and concatenation */
    assert_scalar(aics_pt_child(r, "name"), "name", "ab\nAA\xC3\xA9'\"", 1, 1, 1);
    assert_scalar(aics_pt_child(r, "x"), "x", "-1.5e-3", 0, 3, 1);
    assert_scalar(aics_pt_child(r, "y"), "y", "0x1F", 0, 3, 14);
    assert_scalar(aics_pt_child(r, "z"), "z", "-inf", 0, 3, 23);
    assert_scalar(aics_pt_child(r, "w"), "w", "1E+6", 0, 3, 31);
    assert_scalar(aics_pt_child(r, "v"), "v", "nan", 0, 3, 39);
    const aics_pt_node *m = aics_pt_child(r, "m");
    ck_assert_msg(m && m->is_message && m->nchildren == 1 && m->value == NULL,
                  "'m: { … }' is a message with one field.");
    const aics_pt_node *n = aics_pt_child(r, "n");
    ck_assert_msg(n && n->is_message && aics_pt_count(n, "b") == 3,
                  "'n < b: [1, -2, 3] >' has three b fields.");
    /* list elements carry their own positions */
    assert_scalar(aics_pt_nth(n, "b", 0), "b", "1", 0, 4, 21);
    assert_scalar(aics_pt_nth(n, "b", 1), "b", "-2", 0, 4, 24);
    assert_scalar(aics_pt_nth(n, "b", 2), "b", "3", 0, 4, 28);
    const aics_pt_node *o = aics_pt_child(r, "o");
    ck_assert_msg(aics_pt_count(o, "p") == 0, "An empty list adds no fields.");
    ck_assert_msg(aics_pt_count(o, "q") == 2, "A list of two messages adds two fields.");
    assert_scalar(aics_pt_child(aics_pt_nth(o, "q", 1), "r"), "r", "2", 0, 4, 54);
    assert_scalar(aics_pt_child(r, "t"), "t", "TRAIN", 0, 5, 2);
    assert_scalar(aics_pt_child(r, "s"), "s", ".5", 0, 5, 11);
    assert_scalar(aics_pt_child(r, "u"), "u", "\xC3\xA9", 1, 5, 17);
    assert_scalar(aics_pt_child(r, "e"), "e", "", 1, 5, 24);
    assert_scalar(aics_pt_child(r, "k"), "k", "7", 0, 5, 30);
    const aics_pt_node *inc = aics_pt_child(aics_pt_child(r, "layers"), "include");
    assert_scalar(aics_pt_child(inc, "phase"), "phase", "TEST", 0, 6, 21);
    ck_assert_msg(r->nchildren == 15, "The root should have 15 fields, got %zu.", r->nchildren);
    aics_pt_free(r);
}
END_TEST

START_TEST(accessors)
{
    /* 3 fields (scanned) and 30 fields (indexed) must answer alike. */
    aics_buf b = AICS_BUF_INIT;
    aics_buf_puts(&b, "small { a: 1 b: 2 a: 3 }\nbig {");
    for (int i = 0; i < 30; i++) aics_buf_printf(&b, " %s: %d", i % 3 ? "a" : "b", i);
    aics_buf_puts(&b, " }\n");
    aics_pt_node *r = parse_ok(b.data);
    const aics_pt_node *small = aics_pt_child(r, "small"), *big = aics_pt_child(r, "big");
    ck_assert_msg(aics_pt_count(small, "a") == 2 && aics_pt_count(small, "c") == 0,
                  "small has two a fields and no c.");
    assert_scalar(aics_pt_nth(small, "a", 1), "a", "3", 0, 1, 19);
    ck_assert_msg(aics_pt_nth(small, "a", 2) == NULL, "There is no third a in small.");
    ck_assert_msg(aics_pt_count(big, "a") == 20 && aics_pt_count(big, "b") == 10,
                  "big has 20 a and 10 b fields.");
    for (size_t i = 0; i < 20; i++) {
        const aics_pt_node *a = aics_pt_nth(big, "a", i);
        int want = (int)(i / 2 * 3 + 1 + i % 2); /* 1 2 4 5 7 8 … */
        ck_assert_msg(a && atoi(a->value) == want, "big's a #%zu should be %d.", i, want);
    }
    ck_assert_msg(aics_pt_nth(big, "a", 20) == NULL && aics_pt_child(big, "zz") == NULL,
                  "Missing fields give NULL.");
    ck_assert_msg(aics_pt_child(NULL, "a") == NULL && aics_pt_count(NULL, "a") == 0,
                  "A NULL message has no fields.");
    ck_assert_msg(aics_pt_child(aics_pt_nth(small, "a", 0), "x") == NULL,
                  "A scalar has no fields.");
    aics_pt_free(r);
    aics_pt_free(NULL);
    aics_buf_free(&b);
}
END_TEST

/* Each malformed input and the exact message it must get. */
static const struct {
    const char *text;
    const char *want;
} bad_inputs[] = {
    {"", "t.prototxt:1:1: empty file; expected a Caffe prototxt"},
    {"\xEF\xBB\xBF \n# only a comment\n", "t.prototxt:1:1: empty file; expected a Caffe prototxt"},
    {"a: 1 }", "t.prototxt:1:6: unexpected '}' with no open '{' before it; expected a field name"},
    {"layer {\n  p {\n    x: 1\n  }\n",
     "t.prototxt:1:7: unclosed '{' of 'layer'; expected '}' before the end of the file"},
    {"a < b: 1 }",
     "t.prototxt:1:10: '}' does not match the '<' of 'a' opened at line 1, col 3; expected '>'"},
    {"a:\nb: 1", "t.prototxt:1:1: missing value after 'a:'; expected a number, string or identifier"},
    {"x: 1\n  a: }",
     "t.prototxt:2:3: missing value after 'a:'; expected a number, string or identifier, found '}'"},
    {"a:", "t.prototxt:1:1: missing value after 'a:'; expected a number, string or identifier, "
           "found the end of the file"},
    {"a: 1 b", "t.prototxt:1:7: expected ':' or '{' after field name 'b', found the end of the file"},
    {"a 1", "t.prototxt:1:3: expected ':' or '{' after field name 'a', found number 1"},
    {"a: \"abc\nb: 1",
     "t.prototxt:1:4: unterminated string; expected a closing \" before the end of the line"},
    {"a: 'abc", "t.prototxt:1:4: unterminated string; expected a closing ' before the end of the file"},
    {"a: \"x\\q\"", "t.prototxt:1:6: invalid escape in string (backslash before 'q'); expected one "
                    "of \\n \\t \\r \\\\ \\\" \\' \\xHH \\ooo \\uXXXX"},
    {"a: \"\\0\"", "t.prototxt:1:5: escape for a NUL character in a string; NUL is not supported"},
    {"a: \"\\400\"", "t.prototxt:1:5: octal escape is larger than \\377; expected a byte value"},
    {"a: \"\\xg\"", "t.prototxt:1:5: \\x escape without hex digits; expected \\xHH"},
    {"a: \"\\u12\"", "t.prototxt:1:5: \\u escape needs 4 hex digits"},
    {"a: \"\\ud800\"", "t.prototxt:1:5: \\u escape U+D800 is not a Unicode scalar value"},
    {"a: @", "t.prototxt:1:4: unexpected character '@'; expected a field name, a value, or one of "
             "{ } < > [ ] : , ;"},
    {"a: 1\n  \xE2\x80\x9C" "b: 2",
     "t.prototxt:2:3: unexpected character '\xE2\x80\x9C' (U+201C); expected a field name, a value, "
     "or one of { } < > [ ] : , ;"},
    {"a: \x01", "t.prototxt:1:4: unexpected character U+0001; expected a field name, a value, or "
                "one of { } < > [ ] : , ;"},
    {"a: -x", "t.prototxt:1:4: '-x' is not a number; expected a number, inf or nan after '-'"},
    {"a: - 1", "t.prototxt:1:4: '-' without a number; expected a number right after the minus sign"},
    {"a: 12ab", "t.prototxt:1:4: malformed number '12ab'; expected digits, a '.', an exponent or a "
                "blank after them"},
    {"a: 1.2.3", "t.prototxt:1:4: malformed number '1.2.3'; expected digits, a '.', an exponent or "
                 "a blank after them"},
    {"a: 5f", "t.prototxt:1:4: malformed number '5f'; expected digits, a '.', an exponent or a "
              "blank after them"},
    {"a: [1, ]", "t.prototxt:1:8: missing value in the list of 'a'; expected a number, string, "
                 "identifier or message, found ']'"},
    {"a: [1 2]", "t.prototxt:1:7: expected ',' or ']' in the list of 'a' opened at line 1, col 4; "
                 "found number 2"},
    {"a: 1,, b: 2", "t.prototxt:1:6: expected a field name, found ','"},
    {"a { 1 }", "t.prototxt:1:5: expected a field name or '}', found number 1"},
    {"a: 1\nb: \"\xFF\"", "t.prototxt:2:5: binary file (a NUL byte or invalid UTF-8 here); "
                          "expected a text prototxt"},
};

START_TEST(each_error_exactly)
{
    for (size_t i = 0; i < sizeof bad_inputs / sizeof bad_inputs[0]; i++) {
        const char *t = bad_inputs[i].text;
        char err[512];
        aics_pt_node *r = aics_pt_parse(t, strlen(t), "t.prototxt", err, sizeof err);
        ck_assert_msg(r == NULL, "Input #%zu should be refused.", i);
        ck_assert_msg(strcmp(err, bad_inputs[i].want) == 0,
                      "Input #%zu should give\n  %s\nbut gave\n  %s", i, bad_inputs[i].want, err);
        ck_assert_msg(strchr(err, '\n') == NULL, "Error #%zu should be one line.", i);
    }
    char err[512];
    ck_assert_msg(aics_pt_parse("a: 1\n\tb:\0 2", 11, "t.prototxt", err, sizeof err) == NULL,
                  "A NUL byte is refused.");
    ck_assert_msg(strcmp(err, "t.prototxt:2:4: binary file (a NUL byte or invalid UTF-8 here); "
                              "expected a text prototxt") == 0, "The NUL is located: %s", err);
}
END_TEST

START_TEST(error_buffer_edges)
{
    char err[8] = "xxxxxxx";
    ck_assert_msg(aics_pt_parse("a:", 2, "t", NULL, 0) == NULL, "A NULL err still fails cleanly.");
    ck_assert_msg(aics_pt_parse("a:", 2, "t", err, sizeof err) == NULL, "A short err still fails.");
    ck_assert_msg(strcmp(err, "t:1:1: ") == 0, "A short err is truncated, got \"%s\".", err);
    char full[128];
    ck_assert_msg(aics_pt_parse("a:", 2, NULL, full, sizeof full) == NULL, "NULL path works.");
    ck_assert_msg(strncmp(full, "<input>:1:1: ", 13) == 0, "A NULL path is named <input>.");
    aics_pt_node *r = aics_pt_parse("a: 1 trailing", 4, "t", full, sizeof full);
    ck_assert_msg(r && r->nchildren == 1, "Only len bytes are read.");
    aics_pt_free(r);
}
END_TEST

/* ---- Limits --------------------------------------------------------------- */

static char *nested(int depth)
{
    aics_buf b = AICS_BUF_INIT;
    for (int i = 0; i < depth; i++) aics_buf_puts(&b, "m {");
    aics_buf_puts(&b, " x: 1 ");
    for (int i = 0; i < depth; i++) aics_buf_puts(&b, "}");
    return aics_buf_take(&b);
}

START_TEST(deep_nesting)
{
    char *ok = nested(AICS_PT_MAX_DEPTH);
    aics_pt_node *r = parse_ok(ok);
    const aics_pt_node *n = r;
    for (int i = 0; i < AICS_PT_MAX_DEPTH; i++) n = aics_pt_child(n, "m");
    ck_assert_msg(n && aics_pt_child(n, "x"), "100 nested messages are read to the bottom.");
    aics_pt_free(r);
    free(ok);

    char err[256];
    char *too = nested(AICS_PT_MAX_DEPTH + 1);
    ck_assert_msg(aics_pt_parse(too, strlen(too), "t", err, sizeof err) == NULL,
                  "101 nested messages are refused.");
    ck_assert_msg(strcmp(err, "t:1:303: messages nested deeper than 100 levels; expected at "
                              "most 100") == 0, "The depth error names the brace: %s", err);
    free(too);
    /* hostile: a million openers, no stack overflow */
    size_t big = 1000000;
    char *hostile = malloc(big);
    for (size_t i = 0; i < big; i += 2) memcpy(hostile + i, "a{", 2);
    ck_assert_msg(aics_pt_parse(hostile, big, "t", err, sizeof err) == NULL,
                  "Half a million nested '{' are refused.");
    ck_assert_msg(strstr(err, "t:1:202: messages nested deeper") == err, "Got: %s", err);
    for (size_t i = 0; i < big; i += 4) memcpy(hostile + i, "a:<[", 4);
    ck_assert_msg(aics_pt_parse(hostile, big, "t", err, sizeof err) == NULL,
                  "Lists of nested '<' are refused.");
    free(hostile);
}
END_TEST

START_TEST(hundred_thousand_layers)
{
    enum { N = 100000 };
    aics_buf b = AICS_BUF_INIT;
    aics_buf_puts(&b, "name: \"big\"\ninput: \"data\"\n");
    for (int i = 0; i < N; i++)
        aics_buf_printf(&b, "layer {\n  name: \"l%d\"\n  type: \"ReLU\"\n  bottom: \"data\"\n"
                            "  top: \"data\"\n  param { lr_mult: 1 }\n}\n", i);
    aics_pt_node *r = parse_ok(b.data);
    ck_assert_msg(aics_pt_count(r, "layer") == N, "All %d layers are read.", N);
    /* iterating with nth is linear thanks to the index */
    for (size_t i = 0; i < N; i += 1) {
        const aics_pt_node *l = aics_pt_nth(r, "layer", i);
        ck_assert(l != NULL);
        if (i % 9973 == 0) {
            char want[32];
            snprintf(want, sizeof want, "l%zu", i);
            assert_scalar(aics_pt_child(l, "name"), "name", want, 1, (long)(3 + 7 * i + 1), 3);
        }
    }
    aics_pt_free(r);
    aics_buf_free(&b);
}
END_TEST

START_TEST(load_errors)
{
    char err[512];
    ck_assert_msg(aics_pt_load("/nonexistent/x.prototxt", err, sizeof err) == NULL,
                  "A missing file is refused.");
    ck_assert_msg(strcmp(err, "/nonexistent/x.prototxt: cannot read: No such file or directory") == 0,
                  "A missing file names the reason: %s", err);
    ck_assert_msg(aics_pt_load("/tmp", err, sizeof err) == NULL, "A folder is refused.");
    ck_assert_msg(strcmp(err, "/tmp: is a folder, not a regular file; expected a prototxt file") == 0,
                  "A folder gets a clear message: %s", err);

    char path[] = "/tmp/aics-pt-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_msg(fd >= 0, "A temporary file can be made.");
    ck_assert_msg(ftruncate(fd, (off_t)AICS_PT_MAX_BYTES + 1) == 0, "It can be extended.");
    close(fd);
    aics_pt_node *r = aics_pt_load(path, err, sizeof err);
    remove(path);
    ck_assert_msg(r == NULL, "A file over 64 MiB is refused.");
    char want[600];
    snprintf(want, sizeof want, "%s: file is larger than 64 MiB; expected a prototxt file", path);
    ck_assert_msg(strcmp(err, want) == 0, "The size error reads: %s", err);
}
END_TEST

/* Truncated and mangled real text must be refused or accepted, never crash;
 * valgrind (see the report) checks for invalid reads. */
static const char sample[] =
    "name: \"AlexNet\"\nlayer {\n  name: \"data\"\n  type: \"Input\"\n  top: \"data\"\n"
    "  input_param { shape: { dim: 10 dim: 3 dim: 227 dim: 227 } }\n}\n"
    "layers { type: CONVOLUTION convolution_param < num_output: 96 kernel_size: [11, 11] "
    "weight_filler { type: 'gaussian' std: 0.01 } bias: -1.5e-3f > }\n"
    "x: \"a\\n\\x41\\u00e9\" 'b' # comment\r\n";

static void parse_quietly(const char *t, size_t len)
{
    char err[256];
    aics_pt_node *r = aics_pt_parse(t, len, "fuzz", err, sizeof err);
    ck_assert_msg(r != NULL || err[0] != '\0', "A refusal always has a message.");
    aics_pt_free(r);
}

START_TEST(truncated_and_mangled_input)
{
    size_t len = sizeof sample - 1;
    char *copy = malloc(len);
    /* every prefix, in an exactly sized buffer so overreads show */
    for (size_t k = 0; k <= len; k++) {
        char *t = malloc(k ? k : 1);
        memcpy(t, sample, k);
        parse_quietly(t, k);
        free(t);
    }
    aics_rng rng;
    aics_rng_seed(&rng, 20261127, 3);
    static const char alphabet[] = "{}<>[]:,;#\"'\\-.0x9eEfa_\n\t \xC3\xA9";
    for (int round = 0; round < 3000; round++) {
        memcpy(copy, sample, len);
        int edits = 1 + (int)aics_rng_below(&rng, 4);
        for (int e = 0; e < edits; e++)
            copy[aics_rng_below(&rng, (uint32_t)len)] =
                alphabet[aics_rng_below(&rng, sizeof alphabet - 1)];
        size_t cut = aics_rng_below(&rng, (uint32_t)len + 1);
        parse_quietly(copy, cut);
    }
    free(copy);
}
END_TEST

START_TEST(prefixes_of_a_large_real_file)
{
    AICS_SKIP_WITHOUT_SHARED("nets/ResNet-152-deploy.prototxt");
    aics_rng rng;
    aics_rng_seed(&rng, 20261127, 4);
    char path[1024];
    snprintf(path, sizeof path, "%s/nets/ResNet-152-deploy.prototxt", aics_unit_shared());
    size_t flen;
    char *big = aics_read_file(path, AICS_PT_MAX_BYTES, &flen);
    ck_assert_msg(big != NULL, "%s should be readable.", path);
    for (int round = 0; round < 40; round++) {
        size_t cut = aics_rng_below(&rng, (uint32_t)flen + 1);
        char *t = malloc(cut ? cut : 1);
        memcpy(t, big, cut);
        parse_quietly(t, cut);
        free(t);
    }
    free(big);
}
END_TEST

Suite *prototxt_suite(void)
{
    Suite *s = suite_create("prototxt");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, every_shared_net_parses);
    tcase_add_test(core, real_files_read_as_written);
    tcase_add_test(core, tricky_forms);
    tcase_add_test(core, accessors);
    tcase_add_test(core, each_error_exactly);
    tcase_add_test(core, error_buffer_edges);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_set_timeout(limits, 60);
    tcase_add_test(limits, deep_nesting);
    tcase_add_test(limits, hundred_thousand_layers);
    tcase_add_test(limits, load_errors);
    tcase_add_test(limits, truncated_and_mangled_input);
    tcase_add_test(limits, prefixes_of_a_large_real_file);
    suite_add_tcase(s, limits);
    return s;
}
