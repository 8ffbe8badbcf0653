#!/bin/sh
# regdesk's test runner (make test / asan / tsan / valgrind).
#   all       the layer rules (tests/layers.py), release build with -Werror, worker tests
#             (and list --file) under TSan, then the whole suite under ASan+UBSan+LSan and
#             the fuzz corpus replay (tests/fuzz/) under the same, then the benchmark
#             harness at small sizes (make bench-smoke)
#   asan | tsan | valgrind   one pass
# Criterion does not fail a test on a leak or on a report printed by a child process, so
# every sanitizer writes to log files here and any report in them fails the run.
set -u
cd "$(dirname "$0")/.."
pass=${1:-all}
jobs=$(nproc 2>/dev/null || echo 2)
export LC_ALL=C.UTF-8 TZ=UTC

fail() { echo "regdesk tests: $*" >&2; exit 1; }

# Runs the Criterion suite from build dir $1 with extra Criterion args; sanitizer logs in $1/logs.
run_suite() {
    dir=$1; shift
    logs=$dir/logs
    rm -rf "$logs"; mkdir -p "$logs"
    REGDESK_BUILD_DIR=$dir REGDESK_TEST_LOGS=$logs \
        ${RUNNER:-} "$dir/regdesk-tests" -j"$jobs" "$@" 2>&1 | tee "$logs/criterion.out"
    status=$(tail -n 1 "$logs/criterion.out" | grep -c 'Failing: 0 | Crashing: 0')
    [ "$status" = 1 ] || fail "some tests failed in $dir (see above)"
    check_logs "$logs" "$logs"/*
}

# Fails when any of the files (sanitizer or valgrind logs, in directory $1) holds a report.
check_logs() {
    logs=$1; shift
    if grep -lE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|WARNING: ThreadSanitizer|ERROR SUMMARY: [1-9]|definitely lost: [1-9]' \
            "$@" 2>/dev/null | grep -v -e criterion.out -e replay.out >"$logs/reports"; then
        cat "$logs/reports" | while read -r f; do echo "== $f"; head -n 60 "$f"; done >&2
        fail "sanitizer or leak reports in $logs (files listed above)"
    fi
}

# The committed fuzz corpus (tests/fuzz/corpus/) through every fuzz harness, built by the
# current pass into $1/fuzz-replay; sanitizer logs go next to the suite's in $1/logs.
fuzz_replay() {
    dir=$1
    logs=$dir/logs
    mkdir -p "$logs"
    rm -f "$logs"/replay-*
    "$dir/fuzz-replay" tests/fuzz/corpus >"$logs/replay.out" 2>&1
    rc=$?
    cat "$logs/replay.out"
    [ $rc = 0 ] || fail "the fuzz corpus replay failed in $dir (exit $rc; see above and $logs/replay-*)"
    check_logs "$logs" "$logs"/replay-*
}

# Which folder includes which (shared/design.md), before anything is built; and no call
# circle among the files of a folder, read from the objects once they are.
release() {
    python3 tests/layers.py includes || fail "the layer rules are broken (see above)"
    make -s -j"$jobs" all >/dev/null || fail "release build failed"
    python3 tests/layers.py calls build/obj || fail "files call each other in a circle (see above)"
    sh tests/install.sh || fail "the install tests failed (see above)"
}

asan() {
    make -s -j"$jobs" BUILD=build/asan SAN=address,undefined tests-bin >/dev/null \
        || fail "ASan build failed"
    # The corpus replay first (its logs are checked at once), so the run ends with
    # Criterion's synthesis line.
    ASAN_OPTIONS="detect_leaks=1:log_path=$PWD/build/asan/logs/replay-asan:strict_string_checks=1:detect_stack_use_after_return=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$PWD/build/asan/logs/replay-ubsan" \
    LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
        fuzz_replay build/asan
    ASAN_OPTIONS="detect_leaks=1:log_path=$PWD/build/asan/logs/asan:strict_string_checks=1:detect_stack_use_after_return=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$PWD/build/asan/logs/ubsan" \
    LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
        run_suite build/asan
}

tsan() {
    # Criterion cannot start under TSan, so the worker tests also build against the
    # stand-in in tests/tsan/ and run here. The simulator they start is the release
    # build: libmicrohttpd is not TSan-instrumented, and the subject here is the worker.
    [ -f tests/integration/test_worker.c ] || { echo "regdesk tests: no worker tests yet; TSan pass skipped"; return 0; }
    make -s -j"$jobs" build/regdesk-sim build/regdesk >/dev/null || fail "release build failed"
    make -s -j"$jobs" BUILD=build/tsan SAN=thread build/tsan/worker-tests >/dev/null || fail "TSan build failed"
    logs=build/tsan/logs
    rm -rf "$logs"; mkdir -p "$logs"
    TSAN_OPTIONS="log_path=$PWD/$logs/tsan:halt_on_error=0:second_deadlock_stack=1" \
    REGDESK_BUILD_DIR=build REGDESK_TEST_LOGS=$logs \
        build/tsan/worker-tests 2>&1 | tee "$logs/criterion.out"
    tail -n 1 "$logs/criterion.out" | grep -q 'Failing: 0 | Crashing: 0' || fail "worker tests failed under TSan"
    if grep -l 'WARNING: ThreadSanitizer\|ERROR: ThreadSanitizer' "$logs"/tsan* 2>/dev/null; then
        fail "ThreadSanitizer reports in $logs (files listed above)"
    fi
    tsan_file
}

# list --file parses on several threads (net/fileparse.c). The TSan build of regdesk
# reads dumps made from the simulator (plain, populated and hostile records, a bad record,
# a truncated file) and must print what the release build prints, with no report. cJSON
# is compiled in from Debian's source when it can be had, so TSan also sees inside it
# (Debian's libcjson.so is not instrumented); otherwise the run says so.
tsan_file() {
    dir=build/tsan-file
    cj=
    if cjdir=$(sh tests/cjson_src.sh 2>/dev/null); then
        cj="CJSON_SRC=$cjdir"
    else
        echo "regdesk tests: NOTE: no cJSON source (offline?): TSan cannot see inside libcjson.so on list --file"
    fi
    make -s -j"$jobs" BUILD=$dir SAN=thread $cj $dir/regdesk >/dev/null || fail "TSan build of regdesk failed"
    logs=$dir/logs
    rm -rf "$logs"; mkdir -p "$logs"
    WORK=$(mktemp -d /tmp/regdesk-tsan.XXXXXX)
    (
        . bench/lib.sh
        trap 'stop_sim; rm -rf "$WORK"' EXIT
        start_sim 3000 --hostile
        /usr/bin/python3 bench/dump.py --populate "$URL" "$WORK/pop.json" || exit 1
        /usr/bin/python3 bench/dump.py "$URL" "$WORK/api.json" || exit 1
        stop_sim
        head -c 2000000 "$WORK/api.json" >"$WORK/cut.json"
        sed '0,/"redFlags":0/s//"redFlags":tru/' "$WORK/api.json" >"$WORK/bad.json"
        for f in pop api cut bad; do
            for fmt in csv count; do
                build/regdesk list --file "$WORK/$f.json" --format $fmt >"$WORK/want" 2>&1
                TSAN_OPTIONS="log_path=$PWD/$logs/tsan-file:halt_on_error=0" \
                    $dir/regdesk list --file "$WORK/$f.json" --format $fmt >"$WORK/got" 2>&1
                cmp -s "$WORK/want" "$WORK/got" || { echo "list --file $f.json --format $fmt differs under TSan" >&2; exit 1; }
            done
            # The dashboard's --file: its loader thread beside the worker and the screen.
            for b in build $dir; do
                REGDESK_HEADLESS=120x30 REGDESK_NOW=2025-06-01T12:00:00Z HOME="$WORK" \
                REGDESK_KEYS="$(printf ':wait-loaded\nG\n:dump %s\n:quit\n' "$WORK/$f.$(basename $b).txt")" \
                TSAN_OPTIONS="log_path=$PWD/$logs/tsan-dash:halt_on_error=0" $b/regdesk --file "$WORK/$f.json" 2>/dev/null
            done
            cmp -s "$WORK/$f.build.txt" "$WORK/$f.$(basename $dir).txt" || { echo "regdesk --file $f.json differs under TSan" >&2; exit 1; }
        done
    ) || fail "list --file under TSan failed (see above)"
    if grep -l 'WARNING: ThreadSanitizer\|ERROR: ThreadSanitizer' "$logs"/tsan-file* "$logs"/tsan-dash* 2>/dev/null; then
        fail "ThreadSanitizer reports from list --file or the dashboard's --file in $logs (files listed above)"
    fi
    echo "regdesk tests: list --file and regdesk --file on $(nproc) threads under TSan${cj:+, cJSON compiled in}: no report"
}

# The suite under valgrind (memcheck), following every process it starts: Criterion's
# workers, regdesk-sim, regdesk. System programs the tests run (sh, rm, diff, tmux…) are
# not ours and are skipped, and so is what they start (the tmux test's dashboard, and
# `regdesk --help` read through popen). Each process writes build/vg/logs/vg.PID.log;
# any memory error or definite leak in any of them fails the pass. Suppressions, each
# with its reason, are in tests/valgrind.supp. VG_FILTER narrows it (Criterion --filter).
# One test is left out by default: cli_safety/the_token_is_never_visible reads
# /proc/PID/environ of a running regdesk, and under valgrind that file shows valgrind's
# own copy of the environment, which regdesk's in-place wipe of VERIFIK_TOKEN cannot
# reach (the ASan pass runs it).
valgrind_pass() {
    command -v valgrind >/dev/null || fail "valgrind is not installed: apt-get install -y valgrind"
    make -s -j"$jobs" BUILD=build/vg tests-bin >/dev/null || fail "build failed"
    start=$(date +%s)
    RUNNER="valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
--track-fds=no --num-callers=30 --trace-children=yes --child-silent-after-fork=yes \
--trace-children-skip=/bin/*,/usr/bin/*,/sbin/*,/usr/sbin/*,/usr/lib/* \
--suppressions=$PWD/tests/valgrind.supp --log-file=$PWD/build/vg/logs/vg.%p.log" \
        run_suite build/vg --filter "${VG_FILTER:-!(cli_safety/the_token_is_never_visible)}"
    logs=build/vg/logs
    # The fuzz corpus too: valgrind, unlike ASan, also sees the reads inside libcjson.so.
    valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --num-callers=30 \
        --suppressions="$PWD/tests/valgrind.supp" --log-file="$PWD/$logs/vg.replay.log" \
        build/vg/fuzz-replay tests/fuzz/corpus || fail "the fuzz corpus replay failed under valgrind"
    check_logs "$logs" "$logs/vg.replay.log"
    n=$(ls "$logs"/vg.*.log 2>/dev/null | wc -l)
    [ "$n" -gt 0 ] || fail "valgrind wrote no logs in $logs"
    # A log without a summary: the process was killed (SIGKILL) before valgrind could
    # report, so nothing is known about it. Shown, not failed: a test may kill on purpose.
    # (Children that fork and exec a system program write no log at all:
    # --child-silent-after-fork.)
    unjudged=$(grep -L 'ERROR SUMMARY:' "$logs"/vg.*.log | wc -l)
    [ "$unjudged" -eq 0 ] || echo "regdesk tests: $unjudged of $n processes ended before valgrind's summary (killed):" \
        "$(grep -L 'ERROR SUMMARY:' "$logs"/vg.*.log | tr '\n' ' ')"
    echo "regdesk tests: valgrind: $n processes, no memory error or definite leak ($(($(date +%s) - start)) s)"
}

# The benchmark harness at small sizes (bench/run.sh --smoke): every row must still run
# and produce its figures; the numbers themselves are not judged here.
smoke() {
    sh bench/run.sh --smoke || fail "make bench-smoke failed (see above)"
}

case $pass in
    all) release; tsan; asan; smoke ;;
    asan) asan ;;
    tsan) tsan ;;
    valgrind) valgrind_pass ;;
    *) fail "unknown pass '$pass' (all, asan, tsan, valgrind)" ;;
esac
