#!/bin/sh
# Row: one huge group of equal keys (issue 17): every registration shares one name,
# e-mail, phone, document number and createdAt (regdesk-sim --same-person).
#  - The core path the dashboard takes per page of 100 (merge into the store, view
#    sync, related lookup for the selected record), timed page by page
#    (build/bench-degenerate), for that data and for ordinary data.
#  - The dashboard itself in tmux, loading the same data from the simulator with the
#    detail pane (and its related section) open: how long a key takes to show on screen
#    while the records arrive (`?` opens and closes the help, which nothing else does).
set -eu
. bench/lib.sh
n=$([ "$SMOKE" = 1 ] && echo 5000 || echo 260000)
printf 'row\tdegenerate\t%s registrations with one e-mail, phone, document and createdAt\n' "$n"
"$BUILD/bench-degenerate" "$n" same
"$BUILD/bench-degenerate" "$n" varied
start_sim "$n" --same-person
keys=$([ "$SMOKE" = 1 ] && echo 6 || echo 60)
/usr/bin/python3 bench/keylat.py "$RD" "$URL" "$WORK" "$keys"
stop_sim
printf 'target\tpage work, equal keys: worst page\t<=\t16\tevery per-page core step within a 16 ms frame, equal keys\n'
printf 'target\tkey to screen while loading, equal keys\t<=\t16\tkey → screen within a 16 ms frame (median) while it loads\n'
