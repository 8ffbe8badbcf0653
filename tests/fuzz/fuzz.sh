#!/bin/sh
# make fuzz: builds every harness in tests/fuzz/ with clang-14 and libFuzzer under
# ASan+UBSan, and runs each for FUZZ_SECONDS (default 30) on its committed corpus.
# New inputs go to build/fuzz/corpus/<target>/ (git-ignored; the committed corpus is only
# read), crashes to build/fuzz/crashes/, logs to build/fuzz/<target>.log, binaries to
# build/fuzz/debian-cjson/fuzzer-<target>. Any crash, leak or violated property fails.
#
#   FUZZ_SECONDS=300 make fuzz              longer runs
#   FUZZ_RUNS=1000000 make fuzz             a number of executions per target instead of a
#                                           time (FUZZ_RUNS_page=10000000 for one target)
#   FUZZ_TARGETS="page detail" make fuzz    some targets only
#   FUZZ_CJSON=system make fuzz             skip the cJSON source build (see below)
#
# cJSON: libFuzzer is blind inside Debian's libcjson.so (no coverage instrumentation,
# reference §8), so the harnesses link cJSON compiled from Debian's own source package,
# the same version as the installed libcjson1 with its CVE patches. It is fetched with
# `apt-get source` through a private sources list under build/fuzz/apt/ (the system's
# apt configuration is not touched) and kept in build/fuzz/cjson/. Without network, or
# with FUZZ_CJSON=system, the harnesses use the system library as a black box: regdesk's
# own code is still fully instrumented, and the run says so.
#
# A crash reproduces without libFuzzer: build/asan/fuzz-replay TARGET build/fuzz/crashes/FILE
# (built by `make BUILD=build/asan SAN=address,undefined build/asan/fuzz-replay`); once
# fixed, copy the input into tests/fuzz/corpus/TARGET/ so make test keeps replaying it.
set -u
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8 TZ=UTC
secs=${FUZZ_SECONDS:-30}
cc=${FUZZ_CC:-clang-14}
out=build/fuzz
jobs=$(nproc 2>/dev/null || echo 2)
all=$(ls tests/fuzz/target_*.c | sed 's|.*/target_||; s|\.c$||')
targets=${FUZZ_TARGETS:-$all}
pkgs="clang-14 libclang-rt-14-dev dpkg-dev"

fail() { echo "regdesk fuzz: $*" >&2; exit 1; }

# ---- the compiler --------------------------------------------------------------------
if ! command -v "$cc" >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        sh tests/deps.sh install $pkgs || fail "could not install $pkgs"
    else
        fail "clang-14 is not installed. Run as root: apt-get update && apt-get install -y $pkgs"
    fi
fi

# ---- cJSON from Debian's source package ------------------------------------------------
cjson_dir=$PWD/$out/cjson
fetch_cjson() {
    ver=$(dpkg-query -W -f='${source:Version}' libcjson1 2>/dev/null) || return 1
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    apt=$PWD/$out/apt
    rm -rf "$apt" && mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/src" || return 1
    key=/usr/share/keyrings/debian-archive-keyring.gpg
    {
        echo "deb-src [signed-by=$key] http://deb.debian.org/debian $codename main"
        echo "deb-src [signed-by=$key] http://deb.debian.org/debian $codename-updates main"
        echo "deb-src [signed-by=$key] http://deb.debian.org/debian-security $codename-security main"
    } >"$apt/sources.list"
    o="-o Dir::Etc::SourceList=$apt/sources.list -o Dir::Etc::SourceParts=/dev/null"
    o="$o -o Dir::State::Lists=$apt/lists -o Dir::Cache=$apt/cache -o Debug::NoLocking=1"
    echo "regdesk fuzz: fetching Debian's cjson $ver source (private apt lists in $apt)"
    # shellcheck disable=SC2086
    apt-get $o -q update >"$apt/log" 2>&1 || return 1
    # shellcheck disable=SC2086
    (cd "$apt/src" && apt-get $o -q source --download-only "cjson=$ver") >>"$apt/log" 2>&1 || return 1
    command -v dpkg-source >/dev/null 2>&1 || return 1
    rm -rf "$cjson_dir"
    (cd "$apt/src" && dpkg-source -x ./cjson_*.dsc "$cjson_dir") >>"$apt/log" 2>&1 || return 1
    [ -f "$cjson_dir/cJSON.c" ]
}
# The objects go to a build directory per cJSON flavour, so switching never mixes them.
cjson_make=
bdir=$out/system-cjson
if [ "${FUZZ_CJSON:-source}" = system ]; then
    echo "regdesk fuzz: FUZZ_CJSON=system: cJSON is the system libcjson.so, a black box to libFuzzer"
elif [ -f "$cjson_dir/cJSON.c" ] || fetch_cjson; then
    cjson_make="CJSON_SRC=$cjson_dir"
    bdir=$out/debian-cjson
    echo "regdesk fuzz: cJSON compiled in from $cjson_dir ($(head -n 1 "$cjson_dir/debian/changelog" 2>/dev/null | cut -d' ' -f2))"
else
    echo "regdesk fuzz: NOTE: could not fetch Debian's cjson source (offline, or no dpkg-dev; log in $out/apt/log)."
    echo "regdesk fuzz: NOTE: fuzzing regdesk's code with the system libcjson.so as a black box (no coverage inside it)."
fi

# ---- build ---------------------------------------------------------------------------------
bins=
for t in $targets; do bins="$bins $bdir/fuzzer-$t"; done
# shellcheck disable=SC2086
make -s -j"$jobs" BUILD=$bdir CC="$cc" SAN=fuzzer-no-link,address,undefined $cjson_make $bins \
    || fail "build failed"

# ---- run -----------------------------------------------------------------------------------
mkdir -p "$out/crashes"
failed=
for t in $targets; do
    [ -d "tests/fuzz/corpus/$t" ] || fail "no corpus for target $t (tests/fuzz/corpus/$t)"
    mkdir -p "$out/corpus/$t"
    # The longest input worth trying: a JSON body can be large; a filter, an address or a
    # line of text cannot, and shorter inputs are more executions in the same time.
    case $t in
        filter | url) dict=tests/fuzz/$t.dict; max_len=1024 ;;
        conflang) dict=tests/fuzz/$t.dict; max_len=4096 ;;
        safetext | mask | msg) dict=tests/fuzz/text.dict; max_len=4096 ;;
        *) dict=tests/fuzz/json.dict; max_len=65536 ;;
    esac
    log=$out/$t.log
    eval "runs=\${FUZZ_RUNS_$t:-\${FUZZ_RUNS:-}}"
    if [ -n "$runs" ]; then
        limit="-runs=$runs"
        echo "regdesk fuzz: $t for $runs executions (dictionary $dict, log $log)"
    else
        limit="-max_total_time=$secs"
        echo "regdesk fuzz: $t for ${secs}s (dictionary $dict, log $log)"
    fi
    started=$(date +%s)
    ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        "$bdir/fuzzer-$t" "$limit" -max_len="$max_len" -rss_limit_mb=2048 -timeout=20 \
        -print_final_stats=1 -dict="$dict" -artifact_prefix="$out/crashes/$t-" \
        "$out/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    grep -aE '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb' "$log" | sed 's/^/    /'
    echo "    wall time: $(($(date +%s) - started)) s"
    if [ $rc -ne 0 ]; then
        grep -E 'ERROR:|runtime error|^fuzz:|Test unit written' "$log" | head -n 10 | sed 's/^/    /' >&2
        failed="$failed $t"
    fi
done
[ -z "$failed" ] || fail "crashes in:$failed (inputs in $out/crashes/, logs in $out/<target>.log)"
echo "regdesk fuzz: $(echo $targets | wc -w) targets, no crash"
