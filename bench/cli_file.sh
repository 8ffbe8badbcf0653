#!/bin/sh
# regdesk list --file on a large dump, against jq and VisiData loading the same file.
#
#   sh bench/cli_file.sh [COUNT]     (default 100000 registrations)
#
# Offline and loopback only: the dump is exported by `regdesk list --format json` from the
# bundled simulator on 127.0.0.1 (fixed seed and "now", so the file is the same every run).
# Needs /usr/bin/time (GNU time); jq and vd (VisiData) are measured when installed.
# Prints one table: wall time and peak RSS of each run; regdesk's --file runs are the best
# of three. Also times `regdesk list` over the API for 10,000 registrations.
set -eu
cd "$(dirname "$0")/.."
COUNT=${1:-100000}
BUILD=${BUILD:-build}
RD=$BUILD/regdesk
SIM=$BUILD/regdesk-sim
[ -x "$RD" ] && [ -x "$SIM" ] || make -s all >/dev/null
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed: apt-get install -y time" >&2; exit 1; }

WORK=$(mktemp -d /tmp/regdesk-bench.XXXXXX)
SIM_PID=
cleanup() {
    [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# Starts the simulator with N registrations; sets SIM_PID and URL.
start_sim() {
    "$SIM" --port 0 --count "$1" --seed 1 --now 2025-06-01T12:00:00Z >"$WORK/sim.out" 2>"$WORK/sim.err" &
    SIM_PID=$!
    for _ in $(seq 1 600); do
        URL=$(sed -n 's/^listening on //p' "$WORK/sim.out")
        [ -n "$URL" ] && return 0
        sleep 0.1
    done
    echo "bench: the simulator did not start" >&2
    exit 1
}

stop_sim() {
    kill "$SIM_PID" && wait "$SIM_PID" 2>/dev/null || true
    SIM_PID=
}

# measure LABEL CMD...: runs CMD under GNU time; appends "LABEL<TAB>seconds<TAB>MiB" to the results.
measure() {
    label=$1
    shift
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || {
        echo "bench: $label failed:" >&2
        cat "$WORK/err" >&2
        exit 1
    }
    read -r secs kib <"$WORK/time"
    printf '%s\t%s\t%s\n' "$label" "$secs" "$((kib / 1024))" >>"$WORK/results"
}

# The best wall time of three runs of the same command (RSS is the same each time).
best_of_three() {
    label=$1
    shift
    for _ in 1 2 3; do measure "$label" "$@"; done
    grep "^$label	" "$WORK/results" | sort -t '	' -k2,2n | head -n 1 >"$WORK/best"
    grep -v "^$label	" "$WORK/results" >"$WORK/rest" || true
    cat "$WORK/rest" "$WORK/best" >"$WORK/results"
}

: >"$WORK/results"
export VERIFIK_TOKEN=demo-token

start_sim 10000
best_of_three "list 10k over the API (count)" "$RD" --api "$URL" list --format count
stop_sim

start_sim "$COUNT"
measure "list ${COUNT} over the API (json export)" "$RD" --api "$URL" list --format json
cp "$WORK/out" "$WORK/dump.json"
stop_sim
unset VERIFIK_TOKEN
SIZE_MIB=$(wc -c <"$WORK/dump.json" | awk '{ printf "%.1f", $1 / 1048576 }')
RECORDS=$("$RD" list --file "$WORK/dump.json" --format count)

echo '[]' >"$WORK/empty.json"
measure "list --file (empty file: the baseline)" "$RD" list --file "$WORK/empty.json" --format count
best_of_three "list --file --format count" "$RD" list --file "$WORK/dump.json" --format count
best_of_three "list --file --filter 'status:failed flags>0'" \
    "$RD" list --file "$WORK/dump.json" --filter 'status:failed flags>0' --format count
best_of_three "list --file --format csv" "$RD" list --file "$WORK/dump.json" --format csv
if command -v jq >/dev/null; then
    best_of_three "jq length" jq length "$WORK/dump.json"
else
    echo "bench: jq not installed, skipped" >&2
fi
if command -v vd >/dev/null; then
    measure "VisiData vd -b -f json -o out.tsv" vd -b -f json "$WORK/dump.json" -o "$WORK/out.tsv"
else
    echo "bench: VisiData (vd) not installed, skipped (apt-get install -y visidata)" >&2
fi

printf '\n%s registrations, %s MiB of JSON (%s)\n\n' "$RECORDS" "$SIZE_MIB" "$(uname -m), $(nproc) cores"
printf '%-52s %8s %9s\n' "run" "wall s" "peak MiB"
while IFS='	' read -r label secs mib; do
    printf '%-52s %8s %9s\n' "$label" "$secs" "$mib"
done <"$WORK/results"
