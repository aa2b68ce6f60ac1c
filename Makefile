# cspkit - one non-recursive Makefile.
#
#   make            build every tool into bin/
#   make run        install what is missing, build, run the pipelines on samples/
#                   (DATA=folder: on the user's files instead; AREA=, GROUP=,
#                   POPULATION=: the dashboard's area, peers and estimate)
#   make dashboard  DATA=FILE|DIR|'GLOB' AREA=NAME: one area's dashboard
#                   (MPS borough file or police.uk street files)
#   make test       install what is missing, build, run unit and CLI tests
#                   (seconds: what a developer runs before a commit)
#   make stress     the slow cases: 50 MB lines, a million rows, signals,
#                   whole real-data files (tagged stress in the bats files)
#   make check      make test's suite again under ASan + UBSan
#   make lint       mandoc -Tlint over the man pages, clang-format --dry-run
#                   over the C (.clang-format); fails on any finding
#   make valgrind   make test's suite under valgrind memcheck
#   make deps       install the Debian packages every target needs
#   make accuracy   the readers scored against tests/accuracy/ facts
#                   (V=1 lists each miss, ACC_ONLY=GLOB limits documents)
#   make install    PREFIX=/usr/local DESTDIR= (the tools, man pages, data,
#                   the pipelines in PREFIX/share/cspkit/pipelines/ and
#                   a command for each, cspkit-minutes ..., in BINDIR)
#   make bench | fuzz | clean
#
# Tools are found, not listed: every cmd/<tool>/ directory is a tool built
# from its *.c files and lib/.  Unit tests are tests/unit/test_*.c; those
# named test_<tool>_*.c also link the tool's objects but its main.o.

.SUFFIXES:
.DELETE_ON_ERROR:

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man/man1
DATADIR   = $(PREFIX)/share/cspkit

# Build flavour: objects and binaries go under $(O); the default build puts
# its binaries in bin/ as the README promises.
O        ?= build
BIN      ?= bin

CC       ?= cc
PKG_CONFIG ?= pkg-config
PCRE2_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS   := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)

# -Wconversion is left out: in these parsers it flags every size_t/int
# index step and hides real warnings; UBSan (make check) checks overflow.
WARNINGS  = -Wall -Wextra -Wpedantic -Wformat=2 -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wvla -Wnull-dereference
ifeq ($(CI),true)
WARNINGS += -Werror
endif
OPT      ?= -O2 -g
CFLAGS   ?=
SAN      ?=
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARNINGS) $(SAN) \
             -Ilib $(PCRE2_CFLAGS) -DCSPKIT_VERSION='"$(VERSION)"' \
             -DCSPKIT_DATADIR='"$(DATADIR)"' -MMD -MP $(CFLAGS)
LDLIBS    = $(PCRE2_LIBS) -lcsv -lz -lm
ALL_LDFLAGS = $(SAN) $(LDFLAGS)

TOOLS    := $(notdir $(patsubst %/,%,$(wildcard cmd/*/)))
LIB_SRC  := $(wildcard lib/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(O)/%.o)
LIB_A     = $(O)/libcspkit.a
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(O)/unit/%)
TOOL_BINS = $(TOOLS:%=$(BIN)/%)

all: $(TOOL_BINS)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

# One link rule per tool, over the objects of its directory.
define tool_rule
$(1)_OBJ := $$(patsubst %.c,$(O)/%.o,$$(wildcard cmd/$(1)/*.c))
$(BIN)/$(1): $$($(1)_OBJ) $(LIB_A)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_LDFLAGS) -o $$@ $$($(1)_OBJ) $(LIB_A) $$(LDLIBS)
endef
$(foreach t,$(TOOLS),$(eval $(call tool_rule,$(t))))

$(O)/unit/%: $(O)/tests/unit/%.o $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

# A unit test of a tool's internals, tests/unit/test_<tool>_<what>.c (the
# rank-boroughs ranker, the rag-flag judge), links the tool's objects but
# main.o, as the fuzzers do, and sees the tool's headers.
unit_tool = $(firstword $(subst _, ,$(patsubst test_%,%,$(1))))
define unit_tool_rule
$(O)/tests/unit/$(1).o: ALL_CFLAGS += -Icmd/$(2)
$(O)/unit/$(1): $(O)/tests/unit/$(1).o $$(filter-out %/main.o,$$($(2)_OBJ)) $(LIB_A)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_LDFLAGS) -o $$@ $$(filter %.o,$$^) $(LIB_A) $$(LDLIBS)
endef
$(foreach u,$(UNIT_BIN:$(O)/unit/%=%),$(if $(filter $(call unit_tool,$(u)),$(TOOLS)),\
  $(eval $(call unit_tool_rule,$(u),$(call unit_tool,$(u))))))

-include $(shell find $(O) -name '*.d' 2>/dev/null)

# ---- dependencies -------------------------------------------------------
# Debian packages each target needs; tests/deps.sh installs the missing ones.
DEPS_BUILD = gcc make pkg-config libcsv-dev libpcre2-dev zlib1g-dev
DEPS_TEST  = $(DEPS_BUILD) bats bats-assert bats-support gawk mawk poppler-utils \
             parallel rsync openssh-server openssh-client
DEPS_RUN   = $(DEPS_BUILD) gawk poppler-utils
DEPS_LINT  = mandoc clang-format

# deps.sh asks dpkg first and runs apt-get only for what is missing; on a
# machine without apt-get it names the packages to install by hand.
deps:
	@sh tests/deps.sh $(sort $(DEPS_TEST) $(DEPS_RUN) $(DEPS_LINT))
deps-build:
	@sh tests/deps.sh $(DEPS_BUILD)
deps-test:
	@sh tests/deps.sh $(DEPS_TEST)
deps-run:
	@sh tests/deps.sh $(DEPS_RUN)
deps-lint:
	@sh tests/deps.sh $(DEPS_LINT)

# ---- lint ---------------------------------------------------------------
# Every man page mandoc -Tlint clean at level warning (an Xr out of order,
# a date mandoc cannot read), and every C file as .clang-format (OpenBSD
# style(9)) would write it.  Both halves run; each finding is one line
# (clang-format names the first place per file: clang-format -i FILE fixes
# it); the status is 0 only when both are clean.  No TAP: .ci/run counts
# a failing lint as a failure, not as tests.
LINT_MAN := $(wildcard cmd/*/*.1 pipelines/*.1)
LINT_C   := $(wildcard lib/*.[ch] cmd/*/*.[ch] tests/unit/*.[ch] tests/fuzz/*.[ch])
lint: deps-lint
	@st=0; \
	mandoc -Tlint -W warning $(LINT_MAN) || st=1; \
	out=$$(clang-format --dry-run -Werror --ferror-limit=1 $(LINT_C) 2>&1) || { \
	  printf '%s\n' "$$out" | grep ': error: '; st=1; }; \
	if [ $$st = 0 ]; then echo "lint: $(words $(LINT_MAN)) man pages, $(words $(LINT_C)) C files clean"; \
	else echo "lint: failed"; fi; \
	exit $$st

# ---- tests --------------------------------------------------------------
unit: $(UNIT_BIN)

# The runner prints TAP per test and ends with "N passed, N failed".
# make test leaves out the cases tagged stress; make stress runs only them.
test: deps-test
	@$(MAKE) --no-print-directory all unit
	@CSPKIT_TAGS='!stress' CSPKIT_BIN=$(CURDIR)/$(BIN) CSPKIT_UNIT=$(CURDIR)/$(O)/unit \
	  CSPKIT_DATA=$(CURDIR)/lib/data sh tests/run.sh

stress: deps-test
	@$(MAKE) --no-print-directory all unit
	@CSPKIT_TAGS=stress CSPKIT_BIN=$(CURDIR)/$(BIN) CSPKIT_UNIT=$(CURDIR)/$(O)/unit \
	  CSPKIT_DATA=$(CURDIR)/lib/data sh tests/run.sh

SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check: deps-test
	@$(MAKE) --no-print-directory O=build/san BIN=build/san/bin OPT='-O1 -g' \
	  SAN='$(SANFLAGS)' all unit
	@CSPKIT_TAGS='!stress' ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  CSPKIT_BIN=$(CURDIR)/build/san/bin CSPKIT_UNIT=$(CURDIR)/build/san/unit \
	  CSPKIT_DATA=$(CURDIR)/lib/data sh tests/run.sh

valgrind: deps-test
	@sh tests/deps.sh valgrind
	@$(MAKE) --no-print-directory O=build/vg BIN=build/vg/bin OPT='-O1 -g' all unit
	@sh tests/vgwrap.sh build/vg/bin build/vg/wrap
	@CSPKIT_TAGS='!stress' CSPKIT_VALGRIND=1 CSPKIT_NO_JIT=1 CSPKIT_BIN=$(CURDIR)/build/vg/wrap \
	  CSPKIT_UNIT=$(CURDIR)/build/vg/unit \
	  CSPKIT_DATA=$(CURDIR)/lib/data sh tests/run.sh

# The readers' rows against the facts written by reading each document in
# ../shared (tests/accuracy/README.md): a measurement, exit 0 whatever the
# scores; says so and exits 0 when ../shared is absent.
CSPKIT_SHARED ?= $(CURDIR)/../shared
accuracy: deps-build
	@$(MAKE) --no-print-directory -s all
	@CSPKIT_BIN=$(CURDIR)/$(BIN) CSPKIT_DATA=$(CURDIR)/lib/data \
	  CSPKIT_SHARED='$(CSPKIT_SHARED)' ACC_VERBOSE="$${ACC_VERBOSE:-$(V)}" \
	  sh tests/accuracy/run.sh

# ---- pipelines ----------------------------------------------------------
# One output directory per dataset and pipeline, made by pattern rules from
# samples/, or from DATA=DIR instead (laid out like samples/, or a flat
# folder of packs, MPS files and data.police.uk files: datasets.sh sorts
# them, and a folder with nothing to run is an error naming what it holds):
#   <src>/minutes/NAME.txt|.pdf  out/minutes/NAME/minutes.tsv (+ a table per record kind)
#   <src>/reports/NAME.txt|.pdf  out/reports/NAME/indicators.tsv, rag.tsv
#   <src>/mps/NAME.csv (borough) out/league/NAME/league.tsv
#                                out/dashboard/NAME/dashboard.tsv, .html, trend.tsv, compare.tsv
#   <src>/mps/NAME.csv (ward)    out/wards/NAME/wards.tsv
# make run then links them all in out/index.html (pipelines/site.sh, with
# a page per meeting and per report in out/pages/).
# An MPS file in mps/ whose name has "ward" in it is a ward file.  In a flat
# DATA folder a CSV is what its header says; a .txt or .pdf is a report
# when its name says report, assessment, performance or indicator, else a
# minutes pack; the data.police.uk files of one force make one dashboard
# of AREA, out/dashboard/police-uk-<force>/ (run by datasets.sh).
# Each script publishes its directory in one rename (common.sh), so make -j
# builds datasets side by side and an interrupted run leaves no half table
# or mix of old and new; a rerun with nothing changed is a
# no-op.  AREA is the borough of the league highlight, ward profile and
# dashboard (not of the reports: a report names its own area, and AREA
# would put a default borough on figures it does not name), or the
# partnership of a police.uk dashboard.
AREA     ?= Barnet
DATA     ?=
# GROUP: the dashboard's peer group (a file, a data file name or none;
# empty: the area's default).  POPULATION: the estimate of the rates
# (mid2020, mid2019, census2021, census2011; empty: rank-boroughs' default).
GROUP    ?=
POPULATION ?=
# sq: a word in single quotes for a recipe, whatever its bytes, so a file
# named a`id>X`.txt or d'e.txt reaches the script as one argument.
sq        = '$(subst ','\'',$(1))'
DATASETS  = sh pipelines/datasets.sh
# Which file goes to which pipeline is pipelines/datasets.sh's business; it
# gives make only the names make can hold as words, and `make pipelines`
# has it run the others (a space, a quote, a $ in the name) itself.  A
# DATA directory make cannot name (DATA='/tmp/with space') is run there
# whole; one that does not exist fails the pipelines target.
PIPE_DATA := $(if $(DATA),$(shell $(DATASETS) safe $(call sq,$(DATA))))
# With DATA, only DATA: the samples are Barnet's, and AREA=Camden is for
# the user's files.
PIPE_SRC  = $(if $(DATA),$(PIPE_DATA),samples)
PIPE_LIB  = pipelines/common.sh pipelines/datasets.sh $(wildcard pipelines/awk/*.awk) $(wildcard lib/data/*.tsv) $(TOOL_BINS)

inputs_of = $(shell $(DATASETS) list $(2) $(call sq,$(1)))

# Every parameter that changes an output is a prerequisite of it through a
# stamp, out/.params/NAME, holding its value and rewritten only when the
# value changes: `make run AREA=Camden` after a Barnet run rebuilds the
# dashboard, and a rerun with the same AREA rebuilds nothing.  Written only
# when a goal builds outputs (make test or make all leave out/ alone).
ifneq ($(filter pipelines out/%,$(MAKECMDGOALS)),)
param = $(shell $(DATASETS) param $(1) $(call sq,$($(1))))
endif
P_AREA  := $(call param,AREA)
P_GROUP := $(call param,GROUP)
P_POP   := $(call param,POPULATION)
pop_opt  = $(if $(POPULATION),--population $(call sq,$(POPULATION)))
group_opt = $(if $(GROUP),--group $(call sq,$(GROUP)))
name_of   = $(basename $(notdir $(1)))

MINUTES_TABLES = minutes attendance items resolutions decisions actions
PIPE_OUT := $(foreach s,$(PIPE_SRC),\
  $(foreach f,$(call inputs_of,$(s),minutes),$(MINUTES_TABLES:%=out/minutes/$(call name_of,$(f))/%.tsv)) \
  $(foreach f,$(call inputs_of,$(s),reports),out/reports/$(call name_of,$(f))/rag.tsv) \
  $(foreach f,$(call inputs_of,$(s),borough),out/league/$(call name_of,$(f))/league.tsv \
                                      out/dashboard/$(call name_of,$(f))/dashboard.tsv) \
  $(foreach f,$(call inputs_of,$(s),ward),out/wards/$(call name_of,$(f))/wards.tsv))

# The pattern rules of one source directory $(1).  $< and $(@D) are quoted
# (sq): a recipe never reads a file name as shell text.
define pipe_rules
$(MINUTES_TABLES:%=out/minutes/\%/%.tsv): $(1)/minutes/%.txt pipelines/minutes.sh $(PIPE_LIB)
	@sh pipelines/minutes.sh -q -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
$(MINUTES_TABLES:%=out/minutes/\%/%.tsv): $(1)/minutes/%.pdf pipelines/minutes.sh $(PIPE_LIB)
	@sh pipelines/minutes.sh -q -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
out/reports/%/rag.tsv out/reports/%/indicators.tsv: $(1)/reports/%.txt pipelines/report-indicators.sh $(PIPE_LIB)
	@sh pipelines/report-indicators.sh -q -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
out/reports/%/rag.tsv out/reports/%/indicators.tsv: $(1)/reports/%.pdf pipelines/report-indicators.sh $(PIPE_LIB)
	@sh pipelines/report-indicators.sh -q -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
$(if $(filter-out samples,$(1)),
$(MINUTES_TABLES:%=out/minutes/\%/%.tsv): $(1)/%.txt pipelines/minutes.sh $(PIPE_LIB)
	@sh pipelines/minutes.sh -q -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
$(MINUTES_TABLES:%=out/minutes/\%/%.tsv): $(1)/%.pdf pipelines/minutes.sh $(PIPE_LIB)
	@sh pipelines/minutes.sh -q -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
out/reports/%/rag.tsv out/reports/%/indicators.tsv: $(1)/%.txt pipelines/report-indicators.sh $(PIPE_LIB)
	@sh pipelines/report-indicators.sh -q -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
out/reports/%/rag.tsv out/reports/%/indicators.tsv: $(1)/%.pdf pipelines/report-indicators.sh $(PIPE_LIB)
	@sh pipelines/report-indicators.sh -q -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
)
$(foreach m,$(1)/mps/%.csv $(if $(filter-out samples,$(1)),$(1)/%.csv),
out/league/%/league.tsv: $(m) pipelines/borough-league.sh $(PIPE_LIB) $(P_AREA) $(P_POP)
	@sh pipelines/borough-league.sh -q --area $$(call sq,$$(AREA)) $$(pop_opt) -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
out/dashboard/%/dashboard.tsv out/dashboard/%/dashboard.html out/dashboard/%/trend.tsv: $(m) pipelines/dashboard.sh $(PIPE_LIB) $(P_AREA) $(P_GROUP) $(P_POP)
	@sh pipelines/dashboard.sh -q --area $$(call sq,$$(AREA)) $$(group_opt) $$(pop_opt) -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
out/wards/%/wards.tsv: $(m) pipelines/ward-profile.sh $(PIPE_LIB) $(P_AREA)
	@sh pipelines/ward-profile.sh -q --borough $$(call sq,$$(AREA)) -o $$(call sq,$$(@D)) -- $$(call sq,$$<)
)
endef
$(foreach s,$(PIPE_SRC),$(eval $(call pipe_rules,$(s))))

# Each script publishes its directory in one step; an interrupted make must
# not delete a table the script left whole (.DELETE_ON_ERROR would).
.PRECIOUS: $(PIPE_OUT) $(MINUTES_TABLES:%=out/minutes/\%/%.tsv) out/reports/%/rag.tsv \
           out/reports/%/indicators.tsv out/league/%/league.tsv out/dashboard/%/dashboard.tsv \
           out/dashboard/%/dashboard.html out/dashboard/%/trend.tsv out/wards/%/wards.tsv

SRC_ARGS = $(if $(DATA),$(call sq,$(DATA)),samples)
pipelines: $(PIPE_OUT)
	@GROUP=$(call sq,$(GROUP)) POPULATION=$(call sq,$(POPULATION)) \
	  $(DATASETS) run $(call sq,$(AREA)) $(SRC_ARGS)
# The output directories as shell words on one line, for make run's summary.
pipeline-dirs:
	@printf '%s ' $(foreach d,$(sort $(dir $(PIPE_OUT))),$(call sq,$(call sq,$(d))))
	@$(DATASETS) dirs $(SRC_ARGS)

# ---- run, bench, fuzz ---------------------------------------------------
# run-samples.sh runs make pipelines (+: under make -j it shares the job
# slots) and prints what was written.
run: deps-run
	@$(MAKE) --no-print-directory -s all
	+@MAKE='$(MAKE)' sh pipelines/run-samples.sh

# make dashboard DATA=... AREA=NAME: one area's dashboard, whatever the
# data: an MPS borough file gives a London borough's, police.uk street
# files (a directory of them, or a quoted pattern: DATA='gwent/*.csv') the
# partnership's.  Written to out/areas/<area>/dashboard/ (AREA in the
# path: a page is never another area's left from an earlier run) and
# rebuilt each time (pipelines/datasets.sh dashboard).
dashboard: deps-run
	@$(MAKE) --no-print-directory -s all
	@$(DATASETS) dashboard $(call sq,$(AREA)) $(call sq,$(DATA))

bench: deps-build
	@$(MAKE) --no-print-directory all
	@sh tests/bench/bench.sh

FUZZ_SECONDS ?= 60
fuzz:
	@sh tests/deps.sh clang libclang-rt-14-dev
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# ---- install ------------------------------------------------------------
# The pipelines a user runs, each installed as BINDIR/cspkit-NAME: a
# two-line script running DATADIR/pipelines/NAME.sh with BINDIR first on
# PATH (the tools beside it); one man page, cspkit-pipelines(1), for all.
PIPE_CMDS = minutes report-indicators borough-league dashboard ward-profile batch site
# The pages carry ".Os cspkit" and no version; the installed ones get
# VERSION, so a release never ships a page that names the last one.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	for t in $(TOOLS); do cp $(BIN)/$$t $(DESTDIR)$(BINDIR)/$$t; \
	  sed 's/^\.Os cspkit$$/.Os cspkit $(VERSION)/' cmd/$$t/$$t.1 \
	    >$(DESTDIR)$(MANDIR)/$$t.1; done
	cp lib/data/*.tsv $(DESTDIR)$(DATADIR)/
	mkdir -p $(DESTDIR)$(DATADIR)/pipelines/awk
	cp pipelines/*.sh pipelines/*.pl $(DESTDIR)$(DATADIR)/pipelines/
	cp pipelines/awk/*.awk $(DESTDIR)$(DATADIR)/pipelines/awk/
	for p in $(PIPE_CMDS); do \
	  printf '#!/bin/sh\n# cspkit-%s: pipelines/%s.sh as installed (man cspkit-pipelines)\nPATH=\047%s\047:$$PATH exec sh \047%s/pipelines/%s.sh\047 "$$@"\n' \
	    $$p $$p $(call sq,$(BINDIR)) $(call sq,$(DATADIR)) $$p >$(DESTDIR)$(BINDIR)/cspkit-$$p; \
	  chmod 755 $(DESTDIR)$(BINDIR)/cspkit-$$p; \
	  printf '.so man1/cspkit-pipelines.1\n' >$(DESTDIR)$(MANDIR)/cspkit-$$p.1; done
	sed 's/^\.Os cspkit$$/.Os cspkit $(VERSION)/' pipelines/cspkit-pipelines.1 \
	  >$(DESTDIR)$(MANDIR)/cspkit-pipelines.1

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANDIR)/$$t.1; done
	for p in $(PIPE_CMDS); do rm -f $(DESTDIR)$(BINDIR)/cspkit-$$p $(DESTDIR)$(MANDIR)/cspkit-$$p.1; done
	rm -f $(DESTDIR)$(MANDIR)/cspkit-pipelines.1
	for f in lib/data/*.tsv; do rm -f $(DESTDIR)$(DATADIR)/$${f##*/}; done
	rm -rf $(DESTDIR)$(DATADIR)/pipelines
	-rmdir $(DESTDIR)$(DATADIR)

clean:
	rm -rf build bin out

.PHONY: all unit test stress deps check valgrind accuracy run dashboard bench fuzz install uninstall clean \
        deps-build deps-test deps-run deps-lint lint pipelines pipeline-dirs
