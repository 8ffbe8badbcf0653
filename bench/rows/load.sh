#!/bin/sh
# Row: a full load of every registration from regdesk-sim with 5 ms added to each
# response, against a sequential curl loop (one process and connection per page) and
# one curl process fetching every page over one connection (URL globbing); what each
# tool asked of the server comes from the simulator's own counters.
set -eu
. bench/lib.sh
n=$([ "$SMOKE" = 1 ] && echo 1000 || echo 10000)
pages=$(((n + 99) / 100))
start_sim "$n" --fault latency=5
printf 'row\tload\tfull load of %s registrations (%s pages) from regdesk-sim, 5 ms added per response\n' "$n" "$pages"
auth="Authorization: Bearer demo-token"
got=$(VERIFIK_TOKEN=demo-token HOME="$WORK" "$RD" --api "$URL" list --format count)
[ "$got" = "$n" ] || bench_fail "regdesk loaded $got registrations, not $n"

ours="VERIFIK_TOKEN=demo-token HOME='$WORK' '$RD' --api '$URL' list --format count"
loop="for p in \$(seq 1 $pages); do curl -s -H '$auth' '$URL/v2/app-registrations?limit=100&page='\$p -o /dev/null; done"
one="curl -s -H '$auth' '$URL/v2/app-registrations?limit=100&page=[1-$pages]' >/dev/null"
for tool in ours loop one; do
    eval "cmd=\$$tool"
    sim_stat reset
    sh -c "$cmd" >/dev/null
    printf 'note\t%s: %s requests over %s connections (at most %s open at once).\n' \
        "$(case $tool in ours) echo "regdesk (--parallel 4, the default)" ;; loop) echo "curl loop" ;; one) echo "one curl" ;; esac)" \
        "$(sim_stat requests)" "$(sim_stat connections)" "$(sim_stat maxConcurrentConnections)"
done
hf "regdesk list (API)" "$RUNS" "$ours"
hf "curl loop, one process a page" "$RUNS" "$loop"
hf "one curl process, one connection" "$RUNS" "$one"
stop_sim
printf 'ratio\tregdesk list (API)\tcurl loop, one process a page\t5\t≥ 5× the curl loop\n'
printf 'ratio\tregdesk list (API)\tone curl process, one connection\t2\t≥ 2× one curl process\n'
