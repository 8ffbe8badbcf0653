#!/bin/sh
# A full list load through the worker: pages per second and connections used.
#
#   sh bench/load.sh [COUNT]     (default 10000 registrations = 100 pages of 100)
#
# Runs `regdesk list --format count` against the bundled simulator on 127.0.0.1 with
# --parallel 1, 4 and 8, best of three each, and reads the simulator's /__sim/stats after
# each run for the requests served, the connections accepted and the most open at once.
set -eu
cd "$(dirname "$0")/.."
COUNT=${1:-10000}
BUILD=${BUILD:-build}
RD=$BUILD/regdesk
SIM=$BUILD/regdesk-sim
[ -x "$RD" ] && [ -x "$SIM" ] || make -s all >/dev/null
WORK=$(mktemp -d /tmp/regdesk-load.XXXXXX)
SIM_PID=
cleanup() {
    [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

: >"$WORK/sim.out" # exists before the background job opens it
"$SIM" --port 0 --count "$COUNT" --seed 1 --now 2025-06-01T12:00:00Z >"$WORK/sim.out" 2>"$WORK/sim.err" &
SIM_PID=$!
for _ in $(seq 1 300); do
    URL=$(sed -n 's/^listening on //p' "$WORK/sim.out")
    [ -n "$URL" ] && break
    sleep 0.1
done
[ -n "$URL" ] || { echo "bench: the simulator did not start" >&2; exit 1; }

stats() { # requests connections max_concurrent
    /usr/bin/python3 - "$URL" "$1" <<'PY'
import json, sys, urllib.request
url, op = sys.argv[1], sys.argv[2]
if op == "reset":
    urllib.request.urlopen(urllib.request.Request(url + "/__sim/reset-stats", method="POST")).read()
else:
    s = json.load(urllib.request.urlopen(url + "/__sim/stats"))
    print(s["requests"], s["connections"], s["maxConcurrentConnections"])
PY
}

pages=$(( (COUNT + 99) / 100 ))
printf 'parallel\tseconds\tpages/s\trequests\tconnections\tmax_open\n'
for par in 1 4 8; do
    best=
    for _ in 1 2 3; do
        stats reset
        start=$(date +%s.%N)
        VERIFIK_TOKEN=demo-token HOME="$WORK" "$RD" --api "$URL" --parallel "$par" list --format count >"$WORK/count"
        end=$(date +%s.%N)
        secs=$(awk "BEGIN { print $end - $start }")
        [ "$(cat "$WORK/count")" = "$COUNT" ] || { echo "bench: got $(cat "$WORK/count") records, not $COUNT" >&2; exit 1; }
        if [ -z "$best" ] || awk "BEGIN { exit !($secs < $best) }"; then
            best=$secs
            set -- $(stats get)
            req=$1 conn=$2 maxo=$3
        fi
    done
    printf '%s\t%.3f\t%.0f\t%s\t%s\t%s\n' "$par" "$best" "$(awk "BEGIN { print $pages / $best }")" "$req" "$conn" "$maxo"
done
