#!/bin/sh
# Row: a million registrations as pure core functions (build/bench-scale): resident
# memory per record with what the dashboard keeps, every sort, a bare word and a
# 4-term filter, then the same as the dashboard's view runs them (in slices between input
# polls: a key waits for one slice at most). The records are regdesk's own export of the
# simulator's 1M dataset.
set -eu
. bench/lib.sh
n=$([ "$SMOKE" = 1 ] && echo 20000 || echo 1000000)
dump=$(dump_file export "$n")
printf 'row\tscale\t%s registrations: memory, sort and filter (core functions and the view, one thread)\n' "$n"
"$BUILD/bench-scale" "$dump" "$RUNS"
printf 'target\tresident memory per record\t<=\t300\t≤ 300 B a record (summary form, all indexes)\n'
for key in created updated age status flags failed name email; do
    for dir in "" -; do
        printf 'target\tsort %s%s\t<=\t150\tsort %s%s ≤ 150 ms median\n' "$dir" "$key" "$dir" "$key"
    done
done
printf 'target\tfilter bare word\t<=\t50\tbare word ≤ 50 ms median\n'
printf 'target\tfilter 4 terms\t<=\t50\t4-term filter ≤ 50 ms median\n'
for c in "sort name" "sort -email" "sort status" "filter bare word" "filter 4 terms"; do
    printf 'target\tview %s: a key waits at most\t<=\t16\tview %s in slices: a key answered within 16 ms (median)\n' "$c" "$c"
done
