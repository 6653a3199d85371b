# AICS Workbook — build the exercise programs, run them, test them and weave
# the answer book. GNU make. `make help` lists the targets.

PREFIX   ?= /usr/local
DESTDIR  ?=
STRICT   ?= 0
SHARED   ?= ../shared
PKG_CONFIG ?= pkg-config

# CFLAGS, CPPFLAGS and LDFLAGS are the user's: `make CFLAGS=-O0` replaces only the
# optimisation, never the language standard, the warnings or dependency tracking.
CFLAGS   ?= -O2 -g
AICS_CFLAGS   := -std=c11 -Wall -Wextra -Wno-missing-field-initializers
AICS_CPPFLAGS := -D_POSIX_C_SOURCE=200809L
AICS_LDFLAGS  :=

# `make sanitize` builds with these in build/sanitize (SANITIZE=1 does it in B).
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ifeq ($(SANITIZE),1)
AICS_CFLAGS  += $(SAN_FLAGS)
AICS_LDFLAGS += $(SAN_FLAGS)
endif
# Tests that would wrap a program in another checker (valgrind) or link it
# statically look at this: set by SANITIZE=1 and by -fsanitize in the user's
# flags (`make CFLAGS='-O1 -g -fsanitize=address,undefined' LDFLAGS=… check`).
ifneq ($(findstring -fsanitize,$(AICS_CFLAGS) $(CFLAGS) $(LDFLAGS)),)
export AICS_SANITIZED := 1
endif
LDLIBS   += -lm

# The cmark family only; never libcmark too, which exports the same symbols.
CMARK_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcmark-gfm 2>/dev/null)
CMARK_LIBS   := $(shell $(PKG_CONFIG) --libs libcmark-gfm 2>/dev/null) -lcmark-gfm-extensions
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

B        := build

# The core library in areas, lowest first (docs/architecture.md). Each area is one
# archive and one include folder, and sees only its own headers and those of the
# areas below it, so a dependency pointing the wrong way fails to compile.
AREAS    := core results models nets dlp grade
area_inc  = $(addprefix -Isrc/,$(1))
INC_core    := $(call area_inc,core)
INC_results := $(call area_inc,core results)
INC_models  := $(call area_inc,core results models)
INC_nets    := $(call area_inc,core results nets)
INC_dlp     := $(call area_inc,core results nets dlp)
INC_grade   := $(call area_inc,core results nets grade)
INC_report  := $(call area_inc,core results) -Ireport
INC_all     := $(call area_inc,$(AREAS)) -Ireport
area_lib  = $(B)/lib/libaics_$(1).a
# Link order: an archive before the archives it uses.
LIBS     := $(foreach a,grade dlp nets models results core,$(call area_lib,$(a)))
LIB_OBJ  := $(patsubst %.c,$(B)/obj/%.o,$(wildcard $(addsuffix /*.c,$(addprefix src/,$(AREAS)))))
REPORT_LIB := $(B)/lib/libaicsreport.a
REPORT_OBJ := $(patsubst %.c,$(B)/obj/%.o,$(filter-out report/main.c,$(wildcard report/*.c)))
BOOKGEN  := $(if $(wildcard report/main.c),$(B)/bin/aics-book)

DATA_FILES := $(sort $(shell find data -type f 2>/dev/null))
PROG_SRC := $(sort $(wildcard chapters/ch*/ex*.c))
PROGS    := $(patsubst %.c,$(B)/bin/%,$(notdir $(PROG_SRC)))
TOOL_SRC := $(sort $(wildcard tools/*.c))
TOOLS    := $(patsubst tools/%.c,$(B)/bin/%,$(TOOL_SRC))
CHAPTERS := $(sort $(patsubst chapters/ch%/,%,$(dir $(PROG_SRC))))

TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_RUNNER := $(B)/tests/unit-tests
# libFuzzer harnesses (tests/fuzz/fuzz_NAME.c); make check replays their seeds.
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_REPLAYS := $(patsubst %,$(B)/tests/fuzz/replay_%,$(FUZZ_NAMES))

# Every program run the book uses: results (md, kv, text) and SVG figures.
OUT      := $(B)/out
FIGDIR   := $(B)/book/fig
# The slowest programs first (ex2_11 trains five networks, about 3 s): with -j2
# the longest run starts at once and the short ones fill the other core.
SLOW_FIRST := ex2_11 ex1_2 ex2_5 ex2_3
RUN_PROGS := $(foreach p,$(SLOW_FIRST),$(filter $(B)/bin/$(p),$(PROGS))) \
             $(filter-out $(addprefix $(B)/bin/,$(SLOW_FIRST)),$(PROGS))
RUN_OUTS := $(patsubst $(B)/bin/%,$(OUT)/%.kv,$(RUN_PROGS))

.PHONY: autograder all check sanitize fuzz fuzz-run check-solutions book book-pdf solutions deps clean install uninstall help bench \
        $(addprefix chapter,$(CHAPTERS))
.DELETE_ON_ERROR:
.SECONDEXPANSION:

all: $(LIBS) $(PROGS) $(TOOLS) $(BOOKGEN)

help:
	@echo "make            build the library, every program and the book generator"
	@echo "make book       run every program and write the answer book to $(B)/book/"
	@echo "make chapterN   build, run and render chapter N ($(CHAPTERS))"
	@echo "make book-pdf   print the whole book to $(B)/book/book.pdf (headless Chromium)"
	@echo "make check      run every test (unit, golden outputs, scripts)"
	@echo "make sanitize   the same tests, built with ASan and UBSan in $(B)/sanitize"
	@echo "make fuzz       run every libFuzzer harness for FUZZ_SECONDS (clang; $(B)/fuzz)"
	@echo "make solutions  refresh the reference outputs in solutions/"
	@echo "make check-solutions  name stale references (runs no program)"
	@echo "make bench      measure speed (never part of the tests)"
	@echo "make autograder Gradescope zip build/autograder.zip (EXERCISES=\"ex3_1 ex3_2\" to choose)"
	@echo "make deps       install the Debian packages the project needs"
	@echo "make install    install programs (PREFIX=$(PREFIX), DESTDIR=)"

# ---- compiling ---------------------------------------------------------------

INC = $(INC_all)
$(foreach a,$(AREAS),$(eval $(B)/obj/src/$(a)/%.o: INC = $(INC_$(a))))
$(B)/obj/report/%.o: INC = $(INC_report)

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(AICS_CPPFLAGS) $(INC) $(CPPFLAGS) $(AICS_CFLAGS) $(EXTRA_CFLAGS) $(CFLAGS) \
	  -MMD -MP -MT $@ -MF $(@:.o=.d).tmp -c -o $@.tmp $< && mv $(@:.o=.d).tmp $(@:.o=.d) && mv $@.tmp $@

$(B)/obj/report/%.o: EXTRA_CFLAGS = $(CMARK_CFLAGS)
$(B)/obj/tests/%.o: EXTRA_CFLAGS = $(CHECK_CFLAGS) $(CMARK_CFLAGS) -I$(B)/tests

$(foreach a,$(AREAS),$(eval $(call area_lib,$(a)): $(filter $(B)/obj/src/$(a)/%,$(LIB_OBJ))))
$(LIBS):
	@mkdir -p $(@D)
	rm -f $@.tmp && $(AR) rcs $@.tmp $^ && mv $@.tmp $@

$(REPORT_LIB): $(REPORT_OBJ)
	@mkdir -p $(@D)
	rm -f $@.tmp && $(AR) rcs $@.tmp $^ && mv $@.tmp $@

# Program objects are made through a pattern chain, so make would delete them as
# intermediates; the next run then finds them in the .d files, rebuilds and reruns
# every program. Keeping them makes a no-op `make book` a no-op.
.SECONDARY: $(patsubst %.c,$(B)/obj/%.o,$(PROG_SRC) $(TOOL_SRC))

# Links write a map (build/link/NAME.map): which archive members a program uses,
# so that a reference's provenance covers exactly the sources it is built from.
# Binaries are linked to a temporary name and renamed: a killed link leaves none.
define link
@mkdir -p $(@D) $(B)/link
$(CC) $(AICS_LDFLAGS) $(LDFLAGS) -Wl,-Map=$(B)/link/$(@F).map -o $@.tmp $(filter %.o,$^) $(1) && mv $@.tmp $@
endef

# build/bin/ex3_2 comes from chapters/ch3/ex3_2.c.
$(B)/bin/ex%: $(B)/obj/chapters/ch$$(firstword $$(subst _, ,$$*))/ex$$*.o $(LIBS)
	$(call link,$(LIBS) $(LDLIBS))

$(B)/bin/aics-%: $(B)/obj/tools/aics-%.o $(LIBS)
	$(call link,$(LIBS) $(LDLIBS))

$(BOOKGEN): $(B)/obj/report/main.o $(REPORT_LIB) $(LIBS)
	$(call link,$(REPORT_LIB) $(LIBS) $(CMARK_LIBS) $(LDLIBS))

# ---- running the programs ----------------------------------------------------

# One run per program writes all its formats and figures at once, into a staging
# folder; then the figures, text and md are published and the kv goes last, so an
# interrupted run leaves the old kv (older than the program): the next make reruns
# it. NAME.figs lists the figures of the last run; when one is missing, FORCE
# reruns the program. .plotter changes when gnuplot comes or goes.
figs_of = $(addprefix $(OUT)/fig/,$(shell cat $(OUT)/$(1).figs 2>/dev/null))
$(OUT)/%.kv $(OUT)/%.md $(OUT)/%.txt $(OUT)/%.labels: $(B)/bin/% $(OUT)/.plotter \
    $$(if $$(filter-out $$(wildcard $$(call figs_of,$$*)),$$(call figs_of,$$*)),FORCE)
	@rm -rf $(OUT)/$*.stage && mkdir -p $(OUT)/$*.stage/fig $(OUT)/fig $(B)/log
	@echo "running $*" >&2
	@STRICT=$(STRICT) AICS_PLOT_LOG=$(B)/log/$*.gnuplot.log $< --quiet --format=none \
	  --write=kv:$(OUT)/$*.stage/$*.kv --write=md:$(OUT)/$*.stage/$*.md \
	  --write=text:$(OUT)/$*.stage/$*.txt --write=labels:$(OUT)/$*.stage/$*.labels \
	  --figures=$(OUT)/$*.stage/fig
	@cd $(OUT)/$*.stage && ls fig >figs && for f in $$(cat figs); do mv fig/$$f ../fig/$$f; done && \
	  mv figs ../$*.figs && mv $*.txt $*.md $*.labels .. && mv $*.kv .. && cd .. && rm -rf $*.stage

# .plotter is brought up to date while the Makefile is read, not by a recipe:
# with -j2 the first runs would wait for that recipe and start last.
ifneq ($(filter-out clean help deps uninstall,$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p $(OUT) && v=$$(gnuplot --version 2>/dev/null || echo none) && \
  { [ "$$(cat $(OUT)/.plotter 2>/dev/null)" = "$$v" ] || echo "$$v" >$(OUT)/.plotter; })
endif
$(OUT)/.plotter:
	@mkdir -p $(@D) && echo none >$@

# The book's figures are copies of the figures the last runs listed: a deleted
# build/book comes back whole, and a figure no program draws any more goes.
publish-figures = @mkdir -p $(FIGDIR) && cat $(OUT)/*.figs 2>/dev/null | sort -u >$(FIGDIR)/.want && \
  for f in $$(cat $(FIGDIR)/.want); do cmp -s $(OUT)/fig/$$f $(FIGDIR)/$$f || cp $(OUT)/fig/$$f $(FIGDIR)/$$f; done; \
  for f in $$(ls $(FIGDIR)); do grep -qxF "$$f" $(FIGDIR)/.want || rm -f $(FIGDIR)/$$f; done; rm -f $(FIGDIR)/.want

.PHONY: FORCE
FORCE:

chapter_progs = $(patsubst %.c,%,$(notdir $(wildcard chapters/ch$(1)/ex*.c)))

BOOK_FLAGS = --chapters chapters --results $(OUT) --figures $(FIGDIR) --out $(B)/book \
             $(if $(filter 1,$(STRICT)),--strict)

# The generator prints one line per step; it rewrites only pages whose bytes change.
book: $(BOOKGEN) $(B)/book/assets/.stamp $(RUN_OUTS)
	$(publish-figures)
	@$(BOOKGEN) $(BOOK_FLAGS)

# chapterN: build and run chapter N's programs, show each one's answer block (the
# text output up to its first blank line), render its page and name it.
define chapter_rule
chapter$(1): $(BOOKGEN) $(B)/book/assets/.stamp $(patsubst %,$(OUT)/%.kv,$(call chapter_progs,$(1)))
	@for f in $(patsubst %,$(OUT)/%.txt,$(sort $(call chapter_progs,$(1)))); do sed '/^$$$$/q' "$$$$f"; done
	$$(publish-figures)
	@$(BOOKGEN) $(BOOK_FLAGS) --quiet --chapter $(1)
	@echo "第 $(1) 章的页面：$(B)/book/chapter$(1).html（各题的推导与核对：build/bin/exN_M --detail）"
endef
$(foreach c,$(CHAPTERS),$(eval $(call chapter_rule,$(c))))

# KaTeX and highlight.js come from Debian's packages (-L because some of those
# files are links), MiniSearch from npm (package-lock.json; `make deps` or the
# rule below runs `npm ci`).
KATEX_DIR := /usr/share/javascript/katex
HLJS_JS   := /usr/share/javascript/highlight.js/highlight.min.js
MINISEARCH_JS := node_modules/minisearch/dist/umd/index.js
$(B)/book/assets/.stamp: $(wildcard report/assets/*) $(MINISEARCH_JS)
	@echo "copying assets" >&2
	@mkdir -p $(@D)/katex
	@cp -L report/assets/* $(@D)/
	@cp -L $(KATEX_DIR)/katex.min.js $(KATEX_DIR)/katex.min.css $(@D)/katex/
	@cp -rL $(KATEX_DIR)/fonts $(@D)/katex/
	@cp -L $(HLJS_JS) $(@D)/highlight.min.js
	@cp -L $(MINISEARCH_JS) $(@D)/minisearch.js
	@touch $@

# The npm packages (the search engine; puppeteer-core for the browser test and
# the PDF), exactly as package-lock.json pins them. No install scripts run.
node_modules/.package-lock.json $(MINISEARCH_JS): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch node_modules/.package-lock.json $(MINISEARCH_JS)

# The whole book as one PDF, printed from book.html by headless Chromium through
# puppeteer-core (report/print-pdf.js): A4, bookmarks, page numbers in the footer
# and in the contents (read back from a first print with qpdf), long tables in
# an appendix.
CHROMIUM ?= chromium
book-pdf: book node_modules/.package-lock.json
	@echo "printing $(B)/book/book.pdf" >&2
	@command -v $(CHROMIUM) >/dev/null && command -v qpdf >/dev/null || \
	  { echo "book-pdf: needs $(CHROMIUM) and qpdf ('make deps')" >&2; exit 1; }
	@CHROMIUM_PATH=$$(command -v $(CHROMIUM)) node report/print-pdf.js $(B)/book/book.html $(B)/book/book.pdf

# ---- reference outputs and tests ---------------------------------------------

# A reference's provenance hashes the sources its program is built from, read from
# the build's dependency files and link maps; build flags do not enter it.
solutions check-solutions check: export AICS_BUILD := $(B)

solutions: $(PROGS)
	@sh tests/solutions.sh update $(PROGS)

# Names each stale reference from hashes alone: builds what it must to know a
# program's sources, runs nothing.
check-solutions: $(PROGS)
	@sh tests/solutions.sh stale $(PROGS)

$(B)/tests/suites.h: $(TEST_SRC)
	@mkdir -p $(@D)
	@sed -n 's/^Suite \*\([a-z0-9_]*\)_suite(void)$$/AICS_SUITE(\1)/p' $^ > $@.tmp && mv $@.tmp $@

$(B)/obj/tests/unit/main.o: $(B)/tests/suites.h

$(TEST_RUNNER): $(patsubst %.c,$(B)/obj/%.o,$(TEST_SRC) tests/unit/main.c) $(REPORT_LIB) $(LIBS)
	$(call link,$(REPORT_LIB) $(LIBS) $(CHECK_LIBS) $(CMARK_LIBS) $(LDLIBS))

# Provenance, golden outputs, script tests, unit suites; each runner ends with
# "NAME: N passed, N failed, N skipped", and the last line is the overall count.
check: all $(TEST_RUNNER) $(FUZZ_REPLAYS) book
	@sh tests/check.sh $(B) $(SHARED) $(PROGS)

# The whole suite again, built with AddressSanitizer and UBSan in its own folder
# (gcc or clang: CC=clang works too). Any report fails the test that hit it.
SAN_B := $(B)/sanitize
sanitize: export ASAN_OPTIONS := detect_leaks=1:abort_on_error=0:strict_string_checks=1
sanitize: export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
# Instrumented code runs several times slower; Check's timeouts guard against hangs only.
sanitize: export CK_TIMEOUT_MULTIPLIER := 10
sanitize:
	@$(MAKE) --no-print-directory B=$(SAN_B) SANITIZE=1 check

# ---- fuzzing -------------------------------------------------------------------
# libFuzzer harnesses, tests/fuzz/fuzz_NAME.c, built by clang with ASan and UBSan
# in $(B)/fuzz (FUZZ=1) and run for FUZZ_SECONDS each on a corpus seeded from the
# tree (tests/fuzz/run.sh). A crash, hang, leak or sanitizer report fails and
# leaves the input in $(B)/fuzz/crashes/NAME/. See docs/testing.md.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 10
FUZZ_B       := $(B)/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ifeq ($(FUZZ),1)
AICS_CFLAGS  += -fsanitize=fuzzer-no-link $(FUZZ_SAN)
endif

# FUZZ_ONLY="kv csv" runs only those; FUZZ_RUNS=N runs N inputs each instead of
# FUZZ_SECONDS (the long campaigns of docs/testing.md). The book harness works on
# a copy of the tree with the normal build's outputs.
FUZZ_ONLY ?=
FUZZ_RUNS ?=
fuzz: $(RUN_OUTS)
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs $(FUZZ_CC) with libFuzzer (make deps)" >&2; exit 2; }
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) FUZZ=1 \
	  FUZZ_RESULTS=$(OUT) fuzz-run

$(B)/obj/tests/fuzz/%.o: EXTRA_CFLAGS = $(CMARK_CFLAGS)
.SECONDARY: $(patsubst %.c,$(B)/obj/%.o,$(wildcard tests/fuzz/*.c))

# ex3_2 end to end: the program itself, with its main renamed for the harness.
$(B)/obj/tests/fuzz/ex3_2_main.o: chapters/ch3/ex3_2.c
	@mkdir -p $(@D)
	$(CC) $(AICS_CPPFLAGS) $(INC) $(CPPFLAGS) $(AICS_CFLAGS) $(CFLAGS) -Dmain=aics_fuzz_ex3_2_main \
	  -c -o $@.tmp $< && mv $@.tmp $@
$(B)/bin/fuzz_ex3_2: $(B)/obj/tests/fuzz/ex3_2_main.o

$(B)/bin/fuzz_%: $(B)/obj/tests/fuzz/fuzz_%.o $(B)/obj/tests/fuzz/fuzz.o $(REPORT_LIB) $(LIBS)
	@mkdir -p $(@D)
	$(CC) -fsanitize=fuzzer $(FUZZ_SAN) -Wl,--wrap=exit $(LDFLAGS) -o $@.tmp $(filter %.o,$^) \
	  $(REPORT_LIB) $(LIBS) $(CMARK_LIBS) $(LDLIBS) && mv $@.tmp $@

FUZZ_PICKED = $(if $(FUZZ_ONLY),$(filter $(FUZZ_ONLY),$(FUZZ_NAMES)),$(FUZZ_NAMES))
# `make check` builds each harness with a plain main (tests/fuzz/replay.c) and
# replays its seeds (tests/cli/fuzz_replay.sh), so the harnesses keep compiling.
$(B)/tests/fuzz/replay_ex3_2: $(B)/obj/tests/fuzz/ex3_2_main.o
$(B)/tests/fuzz/replay_%: $(B)/obj/tests/fuzz/fuzz_%.o $(B)/obj/tests/fuzz/fuzz.o \
                          $(B)/obj/tests/fuzz/replay.o $(REPORT_LIB) $(LIBS)
	@mkdir -p $(@D)
	$(CC) $(AICS_LDFLAGS) $(LDFLAGS) -Wl,--wrap=exit -o $@.tmp $(filter %.o,$^) \
	  $(REPORT_LIB) $(LIBS) $(CMARK_LIBS) $(LDLIBS) && mv $@.tmp $@

fuzz-run: $$(patsubst %,$(B)/bin/fuzz_%,$$(FUZZ_PICKED))
	@FUZZ_RUNS=$(FUZZ_RUNS) sh tests/fuzz/run.sh $(B) $(FUZZ_SECONDS) $(SHARED) $(FUZZ_RESULTS) \
	  $(FUZZ_PICKED)

# Gradescope's autograder zip (setup.sh, run_autograder, static binaries,
# references): make autograder [EXERCISES="ex3_1 ex3_2"]. Works offline.
autograder: all
	@CC="$(CC)" sh tools/autograder/pack.sh $(B) "$(LIBS)" "$(EXERCISES)"

bench: all
	@sh tests/bench.sh $(B) $(SHARED)

# ---- set-up, install, clean --------------------------------------------------

DEB_PACKAGES := build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
                clang libclang-rt-dev \
                gnuplot-nox check libjs-katex fonts-katex fonts-noto-cjk chromium \
                libjs-highlight.js qpdf poppler-utils

deps:
	@if [ "$$(id -u)" = 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y --no-install-recommends $(DEB_PACKAGES) && \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else \
	  echo "Run as root:"; \
	  echo "  apt-get update && apt-get install -y --no-install-recommends $(DEB_PACKAGES)"; \
	fi

# The data the programs read goes under share/aics-workbook/, where
# src/core/datafile.h finds it from the installed programs.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/aics
	install -m 755 $(PROGS) $(TOOLS) $(BOOKGEN) $(DESTDIR)$(PREFIX)/bin
	install -m 644 $(LIBS) $(DESTDIR)$(PREFIX)/lib
	install -m 644 $(filter-out %_parts.h,$(wildcard src/*/*.h)) $(DESTDIR)$(PREFIX)/include/aics
	for f in $(DATA_FILES); do install -D -m 644 "$$f" "$(DESTDIR)$(PREFIX)/share/aics-workbook/$$f" || exit 1; done

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/bin/,$(notdir $(PROGS) $(TOOLS) $(BOOKGEN)))
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/lib/,$(notdir $(LIBS)))
	rm -rf $(DESTDIR)$(PREFIX)/include/aics $(DESTDIR)$(PREFIX)/share/aics-workbook

clean:
	rm -rf $(B)

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
