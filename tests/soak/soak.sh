#!/bin/sh
# make soak: the dashboard (in tmux, driven by keys) and the CLI (one command after
# another) against regdesk-sim with a mix of every fault, for SOAK_SECONDS (default
# 600). Not part of make test.
#
# Measured every SOAK_SAMPLE seconds (default 10): resident memory (VmRSS) and open
# descriptors of the dashboard and of the simulator, into build/soak/samples.csv.
# It fails when:
#   - the dashboard's RSS or fd count grows 5 % or more between the end of the warm-up
#     (the first 10 % of the run, at least one minute when the run is long enough) and
#     the end; or a CLI command did not end within its limit (a job that never ends);
#   - a fault of the mix was never injected (/__sim/stats counts each);
#   - once the faults stop (POST /__sim/faults?on=0), the dashboard does not load
#     every registration again with r, or `list --format count` is not exact.
# A report goes to build/soak/report.txt. Run it with nice -n 19 on a shared machine.
set -u
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8 TZ=UTC
secs=${SOAK_SECONDS:-600}
every=${SOAK_SAMPLE:-10}
count=${SOAK_COUNT:-5000}
out=build/soak
faults=${SOAK_FAULTS:-latency=10,error=0.04,429=0.03,truncate=0.03,malformed=0.03,reset=0.03,slow=0.01,huge=0.005,html=0.02,trickle=0.005,hang=0.005,redirect=0.02,deep=0.005,empty=0.01,wrongtype=0.01,echo=0.005,otherid=0.03,aslist=0.02,dupes=0.02,drift=0.02,endless=0.005,growing=0.01,wrongpage=0.01,wronglimit=0.01,retry-after=1,slow-ms=800,huge-mb=40,trickle-ms=300,deep-levels=20000}

fail() { echo "regdesk soak: $*" >&2; cleanup; exit 1; }
sim_pid=
sock=
cleanup() {
    [ -n "$sock" ] && tmux -S "$sock" kill-server >/dev/null 2>&1
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    sim_pid=
    sock=
}
trap 'cleanup; exit 1' INT TERM

command -v tmux >/dev/null 2>&1 || fail "tmux is not installed (apt-get install -y tmux)"
make -s -j2 all >/dev/null || fail "build failed"
rm -rf "$out" && mkdir -p "$out/home"
home=$PWD/$out/home
sock=$PWD/$out/tmux.sock
bin=$PWD/build/regdesk

# ---- the simulator ------------------------------------------------------------------------
build/regdesk-sim --port 0 --count "$count" --seed 15 --fault "$faults" >"$out/sim.out" 2>"$out/sim.err" &
sim_pid=$!
for _ in $(seq 50); do grep -q listening "$out/sim.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$out/sim.out")
[ -n "$url" ] || fail "the simulator did not start"
stats() { curl -s --noproxy '*' "$url/__sim/stats"; }
printf 'timeout = 10\nretries = 3\n' >"$home/config"

# ---- the dashboard, in tmux -----------------------------------------------------------------
tmux -S "$sock" new-session -d -s soak -x 160 -y 45 \
    "env HOME=$home XDG_CONFIG_HOME=$home VERIFIK_TOKEN=demo-token TERM=tmux-256color $bin --config $home/config --api $url; sleep 3600" \
    || fail "tmux could not start"
keys() { tmux -S "$sock" send-keys -t soak "$@"; }
screen() { tmux -S "$sock" capture-pane -p -t soak; }
sleep 2
pane=$(tmux -S "$sock" display -p -t soak '#{pane_pid}')
dash=$(pgrep -P "$pane" -x regdesk | head -n 1)
[ -n "$dash" ] || fail "the dashboard did not start"

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# Descriptors other than sockets (files, pipes, the eventfd): these must stay flat; the
# sockets are the worker's connections, bounded by --parallel + 1, and counted apart.
fds() { find "/proc/$1/fd" -mindepth 1 -printf '%l\n' 2>/dev/null | grep -vc '^socket:'; }
sockets() { find "/proc/$1/fd" -mindepth 1 -printf '%l\n' 2>/dev/null | grep -c '^socket:'; }
sample() {
    echo "$1,$(rss "$dash"),$(fds "$dash"),$(sockets "$dash"),$(rss "$sim_pid"),$(fds "$sim_pid"),$runs,$hung" \
        >>"$out/samples.csv"
}
echo "seconds,dashboard_rss_kb,dashboard_fds,dashboard_sockets,sim_rss_kb,sim_fds,cli_runs,cli_hung" \
    >"$out/samples.csv"

# ---- the run --------------------------------------------------------------------------------
start=$(date +%s)
warm=$((secs / 10 > 60 ? 60 : secs / 10))
[ "$warm" -gt 0 ] || warm=1
next_sample=$start
runs=0
hung=0
round=0
id=
while [ $(($(date +%s) - start)) -lt "$secs" ]; do
    kill -0 "$dash" 2>/dev/null || fail "the dashboard died (see the screen: $(screen | tail -n 3))"
    round=$((round + 1))
    # The dashboard: a reload, moves, a record, a filter and back.
    keys r; sleep 1
    keys j j j j Enter; sleep 1
    keys Escape; sleep 1.2 # ESCDELAY: a key right after Esc would read as Alt-key
    keys G g; sleep 0.5
    keys / && keys -l 'status:review' && keys Enter; sleep 1
    keys / C-u Enter; sleep 0.5
    # The CLI: a list, and a show of a record it printed. `timeout` catches a job that
    # never ends (the worker's own limit is the config's timeout, per request).
    for cmd in "list --partial" ${id:+"show $id"}; do
        # shellcheck disable=SC2086
        HOME=$home VERIFIK_TOKEN=demo-token timeout 300 "$bin" --config "$home/config" --api "$url" $cmd \
            >"$out/cli.out" 2>>"$out/cli.err"
        rc=$?
        runs=$((runs + 1))
        [ $rc -eq 124 ] && hung=$((hung + 1))
        [ -z "$id" ] && id=$(sed -n '2s/^\([0-9a-f]\{24\}\).*/\1/p' "$out/cli.out")
    done
    now=$(date +%s)
    if [ "$now" -ge "$next_sample" ]; then
        sample $((now - start))
        next_sample=$((now + every))
    fi
done
sample $(($(date +%s) - start))

# ---- recovery: the faults stop --------------------------------------------------------------
curl -s --noproxy '*' -X POST "$url/__sim/faults?on=0" >/dev/null || fail "could not pause the faults"
stats >"$out/stats.json"
keys Escape; sleep 1.2; keys r
# Recovered: the status bar says the load is over (no spinner, no retry) with at least
# every registration there is (records that a lying page added earlier stay in the store).
recovered=no
for _ in $(seq 120); do
    n=$(screen | tail -n 1 | sed -n 's/^ \([0-9]*\) loaded .*/\1/p')
    [ -n "$n" ] && [ "$n" -ge "$count" ] && { recovered=yes; break; }
    sleep 0.5
done
cli_count=$(HOME=$home VERIFIK_TOKEN=demo-token timeout 120 "$bin" --config "$home/config" --api "$url" list \
    --format count 2>>"$out/cli.err")
cli_rc=$?
screen >"$out/final-screen.txt"
keys q
sleep 1
kill -0 "$dash" 2>/dev/null && dash_exit="still running" || dash_exit="exited"

# ---- the verdict ----------------------------------------------------------------------------
python3 - "$out" "$warm" "$count" "$recovered" "$cli_count" "$cli_rc" "$faults" "$dash_exit" <<'EOF' || { cleanup; exit 1; }
import csv, json, sys
out, warm, count, recovered, cli_count, cli_rc, faults, dash_exit = sys.argv[1:]
rows = [r for r in csv.DictReader(open(f"{out}/samples.csv"))]
warm = int(warm)
base = next((r for r in rows if int(r["seconds"]) >= warm), rows[-1])
last = rows[-1]
stats = json.load(open(f"{out}/stats.json"))
mix = [k.split("=")[0] for k in faults.split(",")]
kinds = [k for k in mix if k in stats["faults"] and k != "latency"]
missing = [k for k in kinds if stats["faults"][k] == 0]
problems = []
def growth(key):
    a, b = int(base[key]), int(last[key])
    return a, b, (b - a) / a * 100 if a else 0.0
lines = [f"soak: {last['seconds']} s against regdesk-sim ({count} registrations), faults {faults}",
         f"samples: {len(rows)}, warm-up {warm} s; dashboard and simulator, resident memory (KB) and open fds:"]
for key in ("dashboard_rss_kb", "dashboard_fds", "sim_rss_kb", "sim_fds"):
    a, b, g = growth(key)
    lines.append(f"  {key}: start {rows[0][key]}, after warm-up {a}, end {b} ({g:+.1f} %)")
    if key.startswith("dashboard") and g >= 5:
        problems.append(f"{key} grew {g:.1f} % after the warm-up")
socks = [int(r["dashboard_sockets"]) for r in rows]
lines.append(f"  dashboard_sockets (the worker's connections): min {min(socks)}, max {max(socks)}")
if max(socks) > 6:
    problems.append(f"the dashboard held {max(socks)} sockets (parallel 4 + 1 allowed, + 1 closing)")
lines.append(f"CLI runs: {last['cli_runs']}, that never ended: {last['cli_hung']}")
if int(last["cli_hung"]):
    problems.append(f"{last['cli_hung']} CLI command(s) did not end within 300 s")
lines.append(f"API requests: {stats['requests']}; faults injected: " +
             ", ".join(f"{k} {stats['faults'][k]}" for k in kinds))
if missing:
    problems.append("faults never injected: " + ", ".join(missing))
lines.append(f"recovery with the faults paused: dashboard shows all {count}: {recovered}; "
             f"list --format count: {cli_count.strip()} (exit {cli_rc}); dashboard after q: {dash_exit}")
if recovered != "yes":
    problems.append("the dashboard did not load every registration once the faults stopped")
if cli_count.strip() != count or cli_rc != "0":
    problems.append("the CLI count after the faults stopped is not exact")
if dash_exit != "exited":
    problems.append("the dashboard did not quit")
lines.append("verdict: " + ("PASS" if not problems else "FAIL: " + "; ".join(problems)))
open(f"{out}/report.txt", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(1 if problems else 0)
EOF
cleanup
