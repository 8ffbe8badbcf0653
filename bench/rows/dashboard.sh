#!/bin/sh
# Rows that need the dashboard's model and panes (issue 9) and `regdesk --file` for the
# dashboard: they plug in here as scripts printing bench/report.py lines once those land.
set -eu
printf 'row\tdashboard\tthe dashboard at 1M records\n'
printf 'pending\tkey → screen p99 ≤ 16 ms, p50 ≤ 2 ms while 1M records load from a file (needs the dashboard to open a dump: regdesk --file, issue 14 after issue 9)\n'
printf 'pending\tbytes per one-line scroll ≤ 250 B and per page ≤ 1.1× less, 120×40 (the scroll-region output belongs to the panes of issue 9)\n'
printf 'pending\tstart → first painted screen ≤ 30 ms (measured on the dashboard after issue 9)\n'
printf 'pending\tsort and filter off the main thread at 1M, the old view shown until the new one is ready (the model of issue 9); the core sort and filter times are in the scale row\n'
