#!/bin/sh
# regdesk's benchmarks in one go (make bench), or a few-second run of the same harness
# (make bench-smoke, part of make test, so every row keeps working).
#
#   sh bench/run.sh           writes bench/report.md (commit it with the change it measures)
#   sh bench/run.sh --smoke   small sizes, 2 runs each, into build/bench-smoke/report.md
#
# Everything runs on this machine against 127.0.0.1; the peers (jq, VisiData, hyperfine, less,
# curl, GNU time) are installed the way make test installs its packages. Each row is a
# script in bench/rows/ printing bench/report.py lines (a row can be any script or binary
# that does); bench/report.py turns them into the report with min/median/max, ratios to
# the peers measured in the same run and the targets. Dumps made from the simulator are
# kept in build/bench-data/.
set -eu
cd "$(dirname "$0")/.."
SMOKE=0
[ "${1:-}" = --smoke ] && SMOKE=1
export LC_ALL=C.UTF-8 TZ=UTC SMOKE
export BUILD=${BUILD:-build}
if [ "$SMOKE" = 1 ]; then RUNS=2 OUT=$BUILD/bench-smoke; else RUNS=5 OUT=bench; fi
RAW=$BUILD/bench-raw; [ "$SMOKE" = 1 ] && RAW=$RAW-smoke || true
export RUNS
ROWS="file load pages scale degenerate identity dashboard"

# ---- peers -------------------------------------------------------------------------------
need=
command -v jq >/dev/null || need="$need jq"
command -v vd >/dev/null || need="$need visidata"
command -v hyperfine >/dev/null || need="$need hyperfine"
command -v curl >/dev/null || need="$need curl"
command -v tmux >/dev/null || need="$need tmux"
command -v less >/dev/null || need="$need less"
[ -x /usr/bin/time ] || need="$need time"
[ -z "$need" ] || sh tests/deps.sh install $need || exit 1

make -s -j2 bench-bin >/dev/null || { echo "bench: the build failed" >&2; exit 1; }

WORK=$(mktemp -d /tmp/regdesk-bench.XXXXXX)
export WORK
trap 'rm -rf "$WORK"' EXIT INT TERM
mkdir -p "$OUT" "$RAW"

pressure() { awk '/^some/ { sub("avg10=", "", $2); print $2 }' /proc/pressure/cpu 2>/dev/null || echo "?"; }

# ---- the rows --------------------------------------------------------------------------------
log=$RAW/pressure.txt
: >"$log"
for row in $ROWS; do
    echo "bench: $row"
    before=$(pressure)
    start=$(date +%s)
    sh "bench/rows/$row.sh" >"$RAW/$row.tsv" 2>"$RAW/$row.log" || {
        cat "$RAW/$row.log" >&2
        echo "bench: row $row failed (log above, output in $RAW/$row.tsv)" >&2
        exit 1
    }
    echo "| $row | $(($(date +%s) - start)) s | $before % | $(pressure) % |" >>"$log"
done

# ---- the machine -------------------------------------------------------------------------------
ver() { "$@" 2>&1 | head -n 1; }
{
    [ "$SMOKE" = 0 ] || printf '**A smoke run** (make bench-smoke): small sizes and 2 runs, to keep the harness working; its figures are not the targets'"'"' sizes and are not judged.\n\n'
    echo "## Machine and versions"
    echo
    echo "- $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM; $(uname -sr)"
    echo "- regdesk $(git describe --always --dirty 2>/dev/null) ($(ver cc --version)); cJSON $(dpkg-query -W -f='${Version}' libcjson1 2>/dev/null)"
    echo "- peers: $(ver jq --version), VisiData $(vd --version 2>&1 | sed -n 's/.*v//p' | head -n 1), $(ver hyperfine --version), $(ver curl --version | cut -d' ' -f1-2), GNU time $(dpkg-query -W -f='${Version}' time 2>/dev/null)"
    echo "- The machine is shared: other sessions' builds and tests run beside this one. The CPU"
    echo "  pressure (share of time some task waited for a CPU, avg10) before and after each row:"
    echo
    echo "| row | took | pressure before | after |"
    echo "| --- | ---: | ---: | ---: |"
    cat "$log"
} >"$WORK/machine.md"

files=
for row in $ROWS; do files="$files $RAW/$row.tsv"; done
# shellcheck disable=SC2086
/usr/bin/python3 bench/report.py "$OUT/report.md" "$WORK/machine.md" $files || exit 1
echo "bench: wrote $OUT/report.md"
