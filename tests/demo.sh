#!/bin/sh
# make demo: the dashboard on the bundled simulator. Starts build/regdesk-sim on a free
# loopback port with a few thousand invented registrations, runs the dashboard against
# it, and stops the simulator when the dashboard exits (also on Ctrl-C or a failure).
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
COUNT=${REGDESK_DEMO_COUNT:-3000}

if [ ! -t 0 ] || [ ! -t 1 ]; then
    echo "make demo: the dashboard needs a terminal (stdin and stdout are not one here)." >&2
    echo "make demo: try it in a terminal, or see the scripted mode in the README for CI." >&2
    exit 2
fi
for bin in "$BUILD/regdesk" "$BUILD/regdesk-sim"; do
    [ -x "$bin" ] || { echo "make demo: $bin is missing; run make first" >&2; exit 1; }
done

out=$(mktemp "${TMPDIR:-/tmp}/regdesk-demo.XXXXXX") || exit 1
"$BUILD/regdesk-sim" --port 0 --count "$COUNT" >"$out" 2>"$out.err" &
sim=$!
stop() {
    kill "$sim" 2>/dev/null
    wait "$sim" 2>/dev/null
    rm -f "$out" "$out.err"
}
trap stop EXIT
trap 'exit 130' INT TERM HUP

url=""
i=0
while [ $i -lt 100 ]; do
    url=$(sed -n '1s/^listening on //p' "$out" 2>/dev/null)
    [ -n "$url" ] && break
    kill -0 "$sim" 2>/dev/null || break
    sleep 0.1
    i=$((i + 1))
done
if [ -z "$url" ]; then
    echo "make demo: the simulator did not start:" >&2
    cat "$out.err" >&2
    exit 1
fi

echo "regdesk-sim on $url with $COUNT registrations; starting the dashboard (q quits, ? helps)"
# The simulator's token; a real token never goes on a command line (it would show in ps).
VERIFIK_TOKEN=demo-token "$BUILD/regdesk" --api "$url"
