#!/bin/sh
# Row: the dashboard on a terminal (bench/ptybytes.py, a private 120x40 pty): bytes written
# per one-line scroll and per page against less on the same rendered list, and start →
# first painted screen. The dashboard loads from regdesk-sim on 127.0.0.1. Then key →
# screen while a large export loads with regdesk --file (bench/keylat.py in tmux: `?`
# opens and closes the help while the loader thread reads, splits and parses).
set -eu
. bench/lib.sh
n=$([ "$SMOKE" = 1 ] && echo 300 || echo 2000)
presses=$([ "$SMOKE" = 1 ] && echo 2 || echo "$RUNS")
command -v less >/dev/null || bench_fail "less is not installed"
start_sim "$n"
printf 'row\tdashboard\tthe dashboard on a 120x40 terminal, %s registrations from regdesk-sim\n' "$n"
VERIFIK_TOKEN=demo-token HOME="$WORK" COLUMNS=120 "$RD" --api "$URL" list --format table >"$WORK/list.txt"
/usr/bin/python3 bench/ptybytes.py "$RD" "$URL" "$WORK" "$WORK/list.txt" "$presses"
stop_sim
printf 'target\tregdesk, one-line scroll (j)\t<=\t250\tbytes per one-line scroll ≤ 250 B at 120x40 (median)\n'
printf 'ratio\tregdesk, a page (PgDn)\tless, a page (Space)\t0.909\tbytes per page ≤ 1.1× less (shown: less ÷ regdesk; met from 0.91)\n'
printf 'compare\tregdesk, one-line scroll (j)\tless, one-line scroll (j)\tbytes per one-line scroll against less\n'
printf 'target\tstart → first painted screen\t<=\t30\tstart → first painted screen ≤ 30 ms (median)\n'
big=$([ "$SMOKE" = 1 ] && echo 20000 || echo 1000000)
dump=$(dump_file export "$big")
mb=$(awk "BEGIN { printf \"%.0f\", $(wc -c <"$dump") / 1e6 }")
printf 'note\tKey → screen while a file loads: regdesk --file on a %s-record, %s MB export (regdesk list --format json), the detail pane open.\n' "$big" "$mb"
keys=$([ "$SMOKE" = 1 ] && echo 4 || echo 200)
/usr/bin/python3 bench/keylat.py "$RD" --file "$dump" "$WORK" "$keys"
printf 'target\tkey to screen while a file loads: 99th percentile\t<=\t16\tkey → screen p99 ≤ 16 ms while the export loads\n'
printf 'target\tkey to screen while a file loads: median\t<=\t2\tkey → screen p50 ≤ 2 ms while the export loads\n'
printf 'note\tSort and filter off the main thread at 1M: measured in the scale row (the view in slices).\n'
