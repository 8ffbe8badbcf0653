#!/bin/sh
# regdesk benchmarks (make bench). Everything runs on this machine and talks to
# 127.0.0.1 only. Results go to bench/out/ and are printed; bench/REPORT.md records the
# figures measured for the notes.
set -eu
cd "$(dirname "$0")/.."
mkdir -p bench/out
echo "== core: parse, store, filter, sort"
build/bench-core | tee bench/out/core.txt
for extra in bench/*.sh; do
    [ "$extra" = bench/run.sh ] && continue
    echo "== $extra"
    sh "$extra" | tee "bench/out/$(basename "$extra" .sh).txt"
done
