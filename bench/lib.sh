# Shell helpers shared by the bench scripts (sourced, not run). Everything talks to
# 127.0.0.1 only: the simulator is started on a free loopback port and stopped on exit.
#
# Needs: BUILD (default build), WORK (a scratch directory the caller owns).

BUILD=${BUILD:-build}
RD=${RD:-$BUILD/regdesk}
SIM=${SIM:-$BUILD/regdesk-sim}
SIM_PID=
SIM_NOW=2025-06-01T12:00:00Z

bench_fail() { echo "bench: $*" >&2; exit 1; }

# start_sim COUNT [EXTRA ARGS...]: sets SIM_PID and URL. A fixed seed and "now" make the
# dataset, and so every dump made from it, the same on every run.
start_sim() {
    n=$1
    shift
    : >"$WORK/sim.out"
    "$SIM" --port 0 --count "$n" --seed 1 --now "$SIM_NOW" "$@" >"$WORK/sim.out" 2>"$WORK/sim.err" &
    SIM_PID=$!
    URL=
    for _ in $(seq 1 600); do
        URL=$(sed -n 's/^listening on //p' "$WORK/sim.out")
        [ -n "$URL" ] && return 0
        kill -0 "$SIM_PID" 2>/dev/null || break
        sleep 0.1
    done
    cat "$WORK/sim.err" >&2
    bench_fail "the simulator did not start"
}

stop_sim() {
    if [ -n "$SIM_PID" ]; then
        kill "$SIM_PID" 2>/dev/null
        wait "$SIM_PID" 2>/dev/null
    fi
    SIM_PID=
}

# dump_file KIND COUNT [SIM ARGS...]: prints the path of a dump made from the simulator,
# cached in $BUILD/bench-data/ (keyed by the simulator binary, so a changed generator
# makes new files). KIND: api (a JSON array of list-API records, every page), api-pop
# (the same with every sub-object populated), export (`regdesk list --format json`).
dump_file() {
    kind=$1 n=$2
    shift 2
    key=$(printf '%s %s %s %s' "$kind" "$n" "$*" "$(cksum <"$SIM")" | cksum | cut -d' ' -f1)
    dir=$BUILD/bench-data
    out=$dir/$kind-$n-$key.json
    if [ ! -s "$out" ]; then
        mkdir -p "$dir"
        start_sim "$n" "$@" >&2
        case $kind in
            api) /usr/bin/python3 bench/dump.py "$URL" "$out.tmp" ;;
            api-pop) /usr/bin/python3 bench/dump.py --populate "$URL" "$out.tmp" ;;
            export) VERIFIK_TOKEN=demo-token HOME="$WORK" "${EXPORT_RD:-$RD}" --api "$URL" list --format json >"$out.tmp" ;;
            *) bench_fail "unknown dump kind $kind" ;;
        esac || bench_fail "could not make the $kind dump of $n records"
        stop_sim
        mv "$out.tmp" "$out"
    fi
    echo "$out"
}

# hf METRIC RUNS COMMAND: runs the shell command RUNS times under hyperfine (after one
# warm-up run) and prints one "sample" line per run, in ms.
hf() {
    metric=$1 runs=$2
    shift 2
    hyperfine --style none -w 1 -r "$runs" --export-json "$WORK/hf.json" "$*" >"$WORK/hf.out" 2>&1 ||
        { cat "$WORK/hf.out" >&2; bench_fail "$metric failed: $*"; }
    /usr/bin/python3 -c 'import json, sys
for t in json.load(open(sys.argv[1]))["results"][0]["times"]:
    print("sample\t%s\tms\t%.2f" % (sys.argv[2], t * 1000))' "$WORK/hf.json" "$metric"
}

# peak METRIC COMMAND...: one run under GNU time; prints its peak resident memory in MiB.
peak() {
    metric=$1
    shift
    /usr/bin/time -f '%M' -o "$WORK/peak" "$@" >/dev/null 2>"$WORK/peak.err" ||
        { cat "$WORK/peak.err" >&2; bench_fail "$metric failed: $*"; }
    kib=$(tail -n 1 "$WORK/peak")
    printf 'value\t%s\tMiB\t%s\n' "$metric" "$(awk "BEGIN { printf \"%.1f\", $kib / 1024 }")"
}

# sim_stat FIELD: a counter from the simulator's /__sim/stats (reset with sim_stat reset).
sim_stat() {
    /usr/bin/python3 - "$URL" "$1" <<'PY'
import json, sys, urllib.request
url, what = sys.argv[1], sys.argv[2]
if what == "reset":
    urllib.request.urlopen(urllib.request.Request(url + "/__sim/reset-stats", method="POST")).read()
else:
    print(json.load(urllib.request.urlopen(url + "/__sim/stats"))[what])
PY
}
