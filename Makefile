# regdesk — terminal dashboard for Verifik App Registrations.
#
#   make            build build/regdesk and build/regdesk-sim
#   make demo       run the dashboard on the bundled simulator
#   make test       install missing packages, then the whole suite (TSan on the worker,
#                   ASan+UBSan+LSan on everything, logs checked for any report)
#   make asan       only the ASan+UBSan pass
#   make valgrind   the unit suite and the binaries under valgrind
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
ALLCFLAGS  = $(BASEFLAGS) $(OPT) $(CFLAGS)
ALLLDFLAGS = $(if $(SAN),-fsanitize=$(SAN)) $(LDFLAGS)

pc_cflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pc_libs   = $(shell pkg-config --libs $(1) 2>/dev/null)

CORE_SRC := $(wildcard src/core/*.c)
NET_SRC  := $(wildcard src/net/*.c)
UI_SRC   := $(wildcard src/ui/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
SIM_SRC  := $(wildcard src/sim/*.c)
TEST_SRC := $(wildcard tests/unit/*.c tests/integration/*.c)
BENCH_SRC := $(wildcard bench/*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
CORE_OBJ := $(call obj,$(CORE_SRC))
NET_OBJ  := $(call obj,$(NET_SRC))
UI_OBJ   := $(call obj,$(UI_SRC))
CLI_OBJ  := $(call obj,$(CLI_SRC))
SIM_OBJ  := $(call obj,$(SIM_SRC))
MAIN_OBJ := $(call obj,src/main.c)
TEST_OBJ := $(call obj,$(TEST_SRC))
APP_OBJ  := $(UI_OBJ) $(CLI_OBJ) $(NET_OBJ) $(CORE_OBJ)

# Each layer sees only the libraries design.md allows it.
$(BUILD)/obj/src/core/%.o: XFLAGS = $(call pc_cflags,libcjson)
$(BUILD)/obj/src/net/%.o:  XFLAGS = $(call pc_cflags,libcurl)
$(BUILD)/obj/src/ui/%.o:   XFLAGS = $(call pc_cflags,ncursesw)
$(BUILD)/obj/src/sim/%.o:  XFLAGS = $(call pc_cflags,libmicrohttpd libcjson)
$(BUILD)/obj/tests/%.o:    XFLAGS = $(call pc_cflags,criterion libcurl libcjson)

APP_LIBS  = $(call pc_libs,ncursesw libcurl libcjson) -lpthread
SIM_LIBS  = $(call pc_libs,libmicrohttpd libcjson) -lpthread -lm
TEST_LIBS = $(call pc_libs,criterion) $(APP_LIBS) -lm

.PHONY: all tests-bin bench-bin demo test asan tsan valgrind deps check-deps clean bench fuzz
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

tests-bin: $(BUILD)/regdesk-tests $(BUILD)/regdesk $(SIM_BIN)

# A fresh machine gets its packages first; then the runner does every pass.
test: check-deps
	@CI="$(CI)" sh tests/run.sh

asan: check-deps
	@sh tests/run.sh asan

tsan: check-deps
	@sh tests/run.sh tsan

valgrind: check-deps
	@sh tests/run.sh valgrind

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

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
