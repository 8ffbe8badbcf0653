#!/bin/sh
# regdesk's test runner (make test / asan / tsan / valgrind).
#   all       release build with -Werror, worker tests under TSan, then the whole suite
#             under ASan+UBSan+LSan; ends with Criterion's synthesis line
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
    if grep -lE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|WARNING: ThreadSanitizer|ERROR SUMMARY: [1-9]|definitely lost: [1-9]' \
            "$logs"/* 2>/dev/null | grep -v criterion.out >"$logs/reports"; then
        cat "$logs/reports" | while read -r f; do echo "== $f"; head -n 60 "$f"; done >&2
        fail "sanitizer or leak reports in $dir (files listed above)"
    fi
}

release() {
    make -s -j"$jobs" all >/dev/null || fail "release build failed"
}

asan() {
    make -s -j"$jobs" BUILD=build/asan SAN=address,undefined tests-bin >/dev/null \
        || fail "ASan build failed"
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
    make -s -j"$jobs" build/regdesk-sim >/dev/null || fail "simulator build failed"
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
}

valgrind_pass() {
    command -v valgrind >/dev/null || fail "valgrind is not installed: apt-get install -y valgrind"
    make -s -j"$jobs" BUILD=build/vg tests-bin >/dev/null || fail "build failed"
    RUNNER="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --trace-children=yes --log-file=$PWD/build/vg/logs/vg.%p.log" \
        run_suite build/vg --filter "${VG_FILTER:-*/*}"
}

case $pass in
    all) release; tsan; asan ;;
    asan) asan ;;
    tsan) tsan ;;
    valgrind) valgrind_pass ;;
    *) fail "unknown pass '$pass' (all, asan, tsan, valgrind)" ;;
esac
