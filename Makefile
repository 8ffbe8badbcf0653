# regdesk — terminal dashboard for Verifik App Registrations.
#
#   make            build build/regdesk and build/regdesk-sim
#   make demo       run the dashboard on the bundled simulator
#   make test       install missing packages, then the whole suite (TSan on the worker,
#                   ASan+UBSan+LSan on everything, logs checked for any report)
#   make asan       only the ASan+UBSan pass
#   make valgrind   the whole suite under valgrind (slow; not part of make test)
#   make fuzz       libFuzzer (clang-14) on every harness in tests/fuzz/, FUZZ_SECONDS each
#   make deps       install the Debian packages regdesk needs (root), or print the command
#   make clean
#
# Objects go under $(BUILD) (build/ by default); sanitizer builds use build/asan and build/tsan.

PKGS      := ncursesw libcurl libcjson criterion libmicrohttpd
DEB_PKGS  := gcc make pkg-config libncurses-dev libcurl4-openssl-dev libcjson-dev \
             libcriterion-dev libmicrohttpd-dev tmux python3
BUILD     ?= build
SAN       ?=
CC        ?= cc

WARN      := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
BASEFLAGS := -std=c11 -D_GNU_SOURCE -g -MMD -MP -Isrc $(WARN)
ifeq ($(SAN),)
OPT       := -O2 -D_FORTIFY_SOURCE=2
else
OPT       := -O1 -fno-omit-frame-pointer -fsanitize=$(SAN) -fno-sanitize-recover=undefined
endif
CFLAGS    ?=
LDFLAGS   ?=
# CJSON_SRC: a directory with cJSON.c/cJSON.h to compile in instead of the system library
# (the fuzz build, so libFuzzer sees inside the parser; tests/fuzz/fuzz.sh sets it).
CJSON_SRC ?=
ALLCFLAGS  = $(BASEFLAGS) $(if $(CJSON_SRC),-I$(CJSON_SRC)) $(OPT) $(CFLAGS)
ALLLDFLAGS = $(if $(SAN),-fsanitize=$(SAN)) $(LDFLAGS)

pc_cflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pc_libs   = $(shell pkg-config --libs $(1) 2>/dev/null)

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
APP_OBJ  := $(call obj,$(MAIN_SRC)) $(UI_OBJ) $(MODEL_OBJ) $(CLI_OBJ) $(CONF_OBJ) $(LOCAL_OBJ) $(NET_OBJ) $(CORE_OBJ)

# Each layer sees only the libraries design.md allows it.
$(BUILD)/obj/src/core/%.o: XFLAGS = $(call pc_cflags,libcjson)
$(BUILD)/obj/src/net/%.o:  XFLAGS = $(call pc_cflags,libcurl)
$(BUILD)/obj/src/ui/%.o:   XFLAGS = $(call pc_cflags,ncursesw)
$(BUILD)/obj/src/sim/%.o:  XFLAGS = $(call pc_cflags,libmicrohttpd libcjson)
$(BUILD)/obj/tests/%.o:    XFLAGS = $(call pc_cflags,criterion libcurl libcjson)

APP_LIBS  = $(call pc_libs,ncursesw libcurl libcjson) -lpthread
SIM_LIBS  = $(call pc_libs,libmicrohttpd libcjson) -lpthread -lm
TEST_LIBS = $(call pc_libs,criterion) $(APP_LIBS) -lm

.PHONY: all tests-bin bench-bin demo test asan tsan valgrind deps check-deps clean bench fuzz fuzz-bin
SIM_BIN := $(if $(SIM_SRC),$(BUILD)/regdesk-sim)
all: $(BUILD)/regdesk $(SIM_BIN)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(XFLAGS) -c $< -o $@

$(BUILD)/regdesk: $(MAIN_OBJ) $(APP_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(APP_LIBS) -lm

$(BUILD)/regdesk-sim: $(SIM_OBJ) $(CORE_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(SIM_LIBS)

$(BUILD)/regdesk-tests: $(TEST_OBJ) $(APP_OBJ)
	$(CC) $(ALLLDFLAGS) -o $@ $^ $(TEST_LIBS)

# The worker tests once more, against a minimal Criterion stand-in (tests/tsan/), because
# Criterion cannot start under ThreadSanitizer (Snaipe/Criterion#274).
SHIM_SRC := tests/integration/test_worker.c tests/integration/simproc.c tests/integration/simstats.c \
            tests/integration/simhttp.c tests/tsan/shim.c
SHIM_OBJ := $(patsubst %.c,$(BUILD)/obj-shim/%.o,$(SHIM_SRC))
$(BUILD)/obj-shim/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -Itests/tsan -Itests/integration $(call pc_cflags,libcurl libcjson) -c $< -o $@
$(BUILD)/worker-tests: $(SHIM_OBJ) $(NET_OBJ) $(CORE_OBJ)
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
	$(CC) -std=c89 -g $(OPT) -c $< -o $@
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

demo: check-deps all
	@sh tests/demo.sh

bench: check-deps bench-bin
	@sh bench/run.sh

deps:
	@sh tests/deps.sh install $(DEB_PKGS)

check-deps:
	@sh tests/deps.sh check $(DEB_PKGS)

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj $(BUILD)/obj-shim -name '*.d' 2>/dev/null)
