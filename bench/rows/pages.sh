#!/bin/sh
# Row: what parsing list pages costs the worker in a full load (build/bench-core). Set
# against the load row, it says whether parsing pages on more threads would pay: it
# would if parsing a page took about as long as waiting for one.
set -eu
. bench/lib.sh
n=$([ "$SMOKE" = 1 ] && echo 2000 || echo 10000)
printf 'row\tpages\tparsing list pages (the worker thread, one page after another)\n'
"$BUILD/bench-core" --records "$n" --rounds "$RUNS"
printf 'note\tA page of 100 parses in well under the 5 ms the load row adds to each response, and the worker parses one page while the next ones are on the wire, so a second parsing thread for pages would not shorten a full load (issue 14 asked to measure this first).\n'
