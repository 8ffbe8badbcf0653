# regdesk — terminal dashboard for Verifik App Registrations.
#
#   make            build build/regdesk and build/regdesk-sim (no network, no root)
#   make install    install both programs, the themes, the manual pages and the bash and
#                   zsh completions under PREFIX (/usr/local), into DESTDIR if set
#   make uninstall  remove exactly what make install put there
#   make demo       run the dashboard on the bundled simulator
#   make test       install missing packages, then the whole suite (TSan on the worker,
#                   ASan+UBSan+LSan on everything, logs checked for any report)
#   make asan       only the ASan+UBSan pass
#   make valgrind   the whole suite under valgrind (slow; not part of make test)
#   make fuzz       libFuzzer (clang-14) on every harness in tests/fuzz/, FUZZ_SECONDS each
#   make screenshots   screenshots/*.txt and *.png from the real dashboard in tmux
#   make test-install  the install tests alone (tests/install.sh; make test runs them)
#   make soak       dashboard + CLI against every simulator fault for SOAK_SECONDS (600),
#                   memory and descriptors checked flat (tests/soak/soak.sh; niced)
#   make deps       install the Debian packages regdesk needs (root), or print the command
#   make clean
#
# Objects go under $(BUILD) (build/ by default); sanitizer builds use build/asan and build/tsan.
# A distribution builds it its way: CC, CFLAGS, CPPFLAGS and LDFLAGS are honoured (CFLAGS
# replaces the default -g -O2; the warnings and -std=c11 stay), PKG_CONFIG finds the
# libraries. Give the same PREFIX (or DATADIR) to make and make install.

VERSION   := 0.1
# The libraries the programs link (the tests add criterion); each one through pkg-config.
APP_PKGS  := ncursesw libcurl libcjson
SIM_PKGS  := libmicrohttpd libcjson
DEB_PKGS  := gcc make pkg-config libncurses-dev libcurl4-openssl-dev libcjson-dev \
             libcriterion-dev libmicrohttpd-dev tmux python3 zsh man-db groff-base
BUILD     ?= build
SAN       ?=
CC        ?= cc
PKG_CONFIG ?= pkg-config

# Where make install puts things (the GNU names; DESTDIR is prepended to every one, and to
# nothing else). DATADIR is also compiled in: the installed regdesk reads its themes from
# DATADIR/regdesk/themes.
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
DATAROOTDIR ?= $(PREFIX)/share
DATADIR     ?= $(DATAROOTDIR)
MANDIR      ?= $(DATAROOTDIR)/man
BASHCOMPDIR ?= $(DATAROOTDIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATAROOTDIR)/zsh/site-functions
DESTDIR     ?=
INSTALL     ?= install

WARN      := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
BASEFLAGS := -std=c11 -D_GNU_SOURCE -MMD -MP -Isrc $(WARN)
# CFLAGS and CPPFLAGS are the builder's (their defaults here); SANFLAGS are the sanitizer
# builds' own and come last.
ifeq ($(SAN),)
CFLAGS    ?= -g -O2
CPPFLAGS  ?= -D_FORTIFY_SOURCE=2
SANFLAGS  :=
else
CFLAGS    ?= -g
CPPFLAGS  ?=
SANFLAGS  := -O1 -fno-omit-frame-pointer -fsanitize=$(SAN) -fno-sanitize-recover=undefined
endif
LDFLAGS   ?=
# CJSON_SRC: a directory with cJSON.c/cJSON.h to compile in instead of the system library
# (the fuzz build, so libFuzzer sees inside the parser; tests/fuzz/fuzz.sh sets it).
CJSON_SRC ?=
ALLCFLAGS  = $(BASEFLAGS) $(if $(CJSON_SRC),-I$(CJSON_SRC)) $(CPPFLAGS) $(CFLAGS) $(SANFLAGS)
ALLLDFLAGS = $(CFLAGS) $(LDFLAGS) $(if $(SAN),-fsanitize=$(SAN))

pc_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pc_libs   = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)

CORE_SRC := $(wildcard src/core/*.c)
NET_SRC  := $(wildcard src/net/*.c)
MODEL_SRC := $(wildcard src/model/*.c)
CONF_SRC := $(wildcard src/conf/*.c)
LOCAL_SRC := $(wildcard src/local/*.c)
# src/main/: main.c is the process's entry; the rest (options, settings) is linked into
# the tests too.
MAIN_SRC := $(filter-out src/main/main.c,$(wildcard src/main/*.c))
UI_SRC   := $(wildcard src/ui/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
SIM_SRC  := $(wildcard src/sim/*.c)
TEST_SRC := $(wildcard tests/unit/*.c tests/integration/*.c)
BENCH_SRC := $(wildcard bench/*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
CORE_OBJ := $(call obj,$(CORE_SRC))
NET_OBJ  := $(call obj,$(NET_SRC))
MODEL_OBJ := $(call obj,$(MODEL_SRC))
CONF_OBJ := $(call obj,$(CONF_SRC))
LOCAL_OBJ := $(call obj,$(LOCAL_SRC))
UI_OBJ   := $(call obj,$(UI_SRC))
CLI_OBJ  := $(call obj,$(CLI_SRC))
SIM_OBJ  := $(call obj,$(SIM_SRC))
MAIN_OBJ := $(call obj,src/main/main.c)
TEST_OBJ := $(call obj,$(TEST_SRC))
# themes/default.theme compiled in as a C string (conf/theme.h: theme_default_text);
# regdesk parses it with the same code as any theme file.
THEME_OBJ := $(BUILD)/obj/gen/theme_default.o
# The version and the folders the build fixed (core/buildinfo.h): build/regdesk also
# looks in this source tree's themes/ (make demo, the tests); the regdesk make install
# installs, and regdesk-sim, link buildinfo-installed.o, which names no source tree.
INFO_OBJ  := $(BUILD)/obj/gen/buildinfo.o
INFO_INST_OBJ := $(BUILD)/obj/gen/buildinfo-installed.o
APP_OBJ  := $(call obj,$(MAIN_SRC)) $(UI_OBJ) $(MODEL_OBJ) $(CLI_OBJ) $(CONF_OBJ) $(THEME_OBJ) $(LOCAL_OBJ) $(NET_OBJ) $(CORE_OBJ) $(INFO_OBJ)

# Each layer sees only the libraries design.md allows it.
$(BUILD)/obj/src/core/%.o: XFLAGS = $(call pc_cflags,libcjson)
$(BUILD)/obj/src/net/%.o:  XFLAGS = $(call pc_cflags,libcurl)
$(BUILD)/obj/src/ui/%.o:   XFLAGS = $(call pc_cflags,ncursesw)
$(BUILD)/obj/src/sim/%.o:  XFLAGS = $(call pc_cflags,libmicrohttpd libcjson)
$(BUILD)/obj/tests/%.o:    XFLAGS = $(call pc_cflags,criterion libcurl libcjson)

APP_LIBS  = $(call pc_libs,$(APP_PKGS)) -lpthread
SIM_LIBS  = $(call pc_libs,$(SIM_PKGS)) -lpthread -lm
TEST_LIBS = $(call pc_libs,criterion) $(APP_LIBS) -lm

.PHONY: all tests-bin bench-bin demo test test-install asan tsan valgrind deps check-deps check-libs \
        clean bench fuzz fuzz-bin install uninstall screenshots soak FORCE
SIM_BIN := $(if $(SIM_SRC),$(BUILD)/regdesk-sim)
all: $(BUILD)/regdesk $(SIM_BIN) $(BUILD)/installed/regdesk $(BUILD)/installed/regdesk.bash \
     $(BUILD)/installed/_regdesk

# Before anything compiles: the libraries, or one sentence saying how to get them
# (plain make never installs anything itself).
check-libs:
	@missing=""; for p in $(APP_PKGS) $(if $(SIM_SRC),$(SIM_PKGS)); do \
	    $(PKG_CONFIG) --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	 [ -z "$$missing" ] || { echo "regdesk: $(PKG_CONFIG) cannot find:$$missing; install the" \
	    "development packages (make deps does it on Debian, as root) or set PKG_CONFIG_PATH" >&2; exit 1; }

$(BUILD)/obj/%.o: %.c | check-libs
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(XFLAGS) -c $< -o $@

# Written again only when a value changed (cmp), so that make DATADIR=… (or a new
# VERSION) rebuilds what embeds it and nothing else. C strings, shell-quoted.
cstr = '$(subst ','\'',$(subst ",\",$(subst \,\\,$(1))))'
$(BUILD)/gen/buildinfo.c: INFO_SRCDIR = $(CURDIR)
$(BUILD)/gen/buildinfo-installed.c: INFO_SRCDIR =
$(BUILD)/gen/buildinfo.c $(BUILD)/gen/buildinfo-installed.c: FORCE
	@mkdir -p $(dir $@)
	@{ echo '/* Generated by the Makefile; do not edit. */'; echo '#include "core/buildinfo.h"'; \
	   printf 'const char buildinfo_version[] = "%s";\n' $(call cstr,$(VERSION)); \
	   printf 'const char buildinfo_datadir[] = "%s";\n' $(call cstr,$(DATADIR)); \
	   printf 'const char buildinfo_srcdir[] = "%s";\n' $(call cstr,$(INFO_SRCDIR)); } >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi
$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -c $< -o $@

$(BUILD)/gen/theme_default.c: themes/default.theme Makefile
	@mkdir -p $(dir $@)
	@{ echo '/* Generated by the Makefile from themes/default.theme; do not edit. */'; \
	   echo '#include "conf/theme.h"'; echo 'const char theme_default_text[] ='; \
	   sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$$/\\n"/' $<; echo '    ;'; } >$@

$(BUILD)/regdesk: $(MAIN_OBJ) $(APP_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(APP_LIBS) -lm

# The same program, but it never looks for themes in this source tree.
$(BUILD)/installed/regdesk: $(MAIN_OBJ) $(filter-out $(INFO_OBJ),$(APP_OBJ)) $(INFO_INST_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(APP_LIBS) -lm

$(BUILD)/regdesk-sim: $(SIM_OBJ) $(CORE_OBJ) $(INFO_INST_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(SIM_LIBS)

$(BUILD)/regdesk-tests: $(TEST_OBJ) $(APP_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(TEST_LIBS)

# The worker tests once more, against a minimal Criterion stand-in (tests/tsan/), because
# Criterion cannot start under ThreadSanitizer (Snaipe/Criterion#274).
SHIM_SRC := tests/integration/test_worker.c tests/integration/test_worker_lies.c tests/integration/workertest.c \
            tests/integration/simproc.c tests/integration/simstats.c tests/integration/simhttp.c tests/tsan/shim.c
SHIM_OBJ := $(patsubst %.c,$(BUILD)/obj-shim/%.o,$(SHIM_SRC))
$(BUILD)/obj-shim/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -Itests/tsan -Itests/integration $(call pc_cflags,libcurl libcjson) -c $< -o $@
$(BUILD)/worker-tests: $(SHIM_OBJ) $(NET_OBJ) $(LOCAL_OBJ) $(CORE_OBJ) $(INFO_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(call pc_libs,libcurl libcjson) -lpthread -lm

# bench/bench_X.c → $(BUILD)/bench-X, linked against everything but main.
BENCH_BIN := $(patsubst bench/bench_%.c,$(BUILD)/bench-%,$(BENCH_SRC))
$(BUILD)/bench-%: $(BUILD)/obj/bench/bench_%.o $(APP_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(APP_LIBS) -lm
bench-bin: $(BENCH_BIN) all

# Fuzz harnesses (tests/fuzz/target_NAME.c). With gcc they run behind replay_main.c over
# the committed corpus (make test does, under ASan+UBSan); make fuzz links each with
# libFuzzer as $(BUILD)/fuzzer-NAME, with clang-14 and -fsanitize=fuzzer.
FUZZ_NAMES := $(patsubst tests/fuzz/target_%.c,%,$(wildcard tests/fuzz/target_*.c))
FUZZ_OBJ   := $(call obj,$(wildcard tests/fuzz/target_*.c) tests/fuzz/check.c)
$(BUILD)/fuzz-replay: $(FUZZ_OBJ) $(call obj,tests/fuzz/replay_main.c) $(APP_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(APP_LIBS) -lm

CJSON_OBJ := $(if $(CJSON_SRC),$(BUILD)/obj-cjson/cJSON.o)
FUZZ_LIBS  = $(if $(CJSON_SRC),,$(call pc_libs,libcjson)) $(call pc_libs,ncursesw libcurl) -lpthread -lm
$(BUILD)/obj-cjson/cJSON.o: $(CJSON_SRC)/cJSON.c
	@mkdir -p $(dir $@)
	$(CC) -std=c89 $(CPPFLAGS) $(CFLAGS) $(SANFLAGS) -c $< -o $@
$(BUILD)/obj/tests/fuzz/entry_%.o: tests/fuzz/libfuzzer_entry.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -DFUZZ_NAME=$* -c $< -o $@
$(BUILD)/fuzzer-%: $(BUILD)/obj/tests/fuzz/entry_%.o $(FUZZ_OBJ) $(APP_OBJ) $(CJSON_OBJ)
	$(CC) $(ALLLDFLAGS) -fsanitize=fuzzer -o $@ $^ $(FUZZ_LIBS)
fuzz-bin: $(patsubst %,$(BUILD)/fuzzer-%,$(FUZZ_NAMES))

tests-bin: $(BUILD)/regdesk-tests $(BUILD)/regdesk $(SIM_BIN) $(BUILD)/fuzz-replay

# A fresh machine gets its packages first; then the runner does every pass.
test: check-deps
	@CI="$(CI)" sh tests/run.sh

asan: check-deps
	@sh tests/run.sh asan

tsan: check-deps
	@sh tests/run.sh tsan

valgrind: check-deps
	@sh tests/run.sh valgrind

fuzz: check-deps
	@sh tests/fuzz/fuzz.sh

soak: check-deps all
	@nice -n 19 sh tests/soak/soak.sh

demo: check-deps all
	@sh tests/demo.sh

bench: check-deps bench-bin
	@sh bench/run.sh

# make install: both programs, the themes, the manual pages, the bash and zsh completions
# (tests/install.sh checks the tree). DESTDIR goes in front of every path and nowhere else.
THEMES   := $(wildcard themes/*.theme)
MAN1     := src/cli/regdesk.1 src/sim/regdesk-sim.1
MAN5     := src/cli/regdesk-config.5
INST_BASH := $(DESTDIR)$(BASHCOMPDIR)
INST_THEMES := $(DESTDIR)$(DATADIR)/regdesk/themes

# The completions know where the themes are installed.
$(BUILD)/installed/regdesk.bash: completion/regdesk.bash $(BUILD)/gen/buildinfo-installed.c
$(BUILD)/installed/_regdesk: completion/_regdesk $(BUILD)/gen/buildinfo-installed.c
$(BUILD)/installed/regdesk.bash $(BUILD)/installed/_regdesk:
	@mkdir -p $(dir $@)
	sed 's|@DATADIR@|$(DATADIR)|g' $< >$@

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(INST_THEMES) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(INST_BASH) $(DESTDIR)$(ZSHCOMPDIR)
	$(INSTALL) -m 755 $(BUILD)/installed/regdesk $(DESTDIR)$(BINDIR)/regdesk
	$(INSTALL) -m 755 $(BUILD)/regdesk-sim $(DESTDIR)$(BINDIR)/regdesk-sim
	$(INSTALL) -m 644 $(THEMES) $(INST_THEMES)
	$(INSTALL) -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5
	$(INSTALL) -m 644 $(BUILD)/installed/regdesk.bash $(INST_BASH)/regdesk
	ln -sf regdesk $(INST_BASH)/regdesk-sim
	$(INSTALL) -m 644 $(BUILD)/installed/_regdesk $(DESTDIR)$(ZSHCOMPDIR)/_regdesk

# Exactly what install wrote; of the folders, only regdesk's own (share/regdesk).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/regdesk $(DESTDIR)$(BINDIR)/regdesk-sim \
	    $(addprefix $(INST_THEMES)/,$(notdir $(THEMES))) \
	    $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1))) \
	    $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5))) \
	    $(INST_BASH)/regdesk $(INST_BASH)/regdesk-sim $(DESTDIR)$(ZSHCOMPDIR)/_regdesk
	rmdir $(INST_THEMES) $(DESTDIR)$(DATADIR)/regdesk 2>/dev/null || true

screenshots: check-deps all
	@sh screenshots/make.sh

test-install: all
	@sh tests/install.sh

deps:
	@sh tests/deps.sh install $(DEB_PKGS)

check-deps:
	@sh tests/deps.sh check $(DEB_PKGS)

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj $(BUILD)/obj-shim -name '*.d' 2>/dev/null)
