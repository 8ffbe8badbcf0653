#!/bin/sh
# Row: a full load of every registration from regdesk-sim with 5 ms added to each
# response, against a sequential curl loop (one process and connection per page) and
# one curl process fetching every page over one connection (URL globbing). The curls
# send the query regdesk sends (net/request.c request_list: the sort and the populated
# sub-objects the list needs), and the simulator's log shows every tool downloaded the
# same bytes; what each asked of the server comes from the simulator's counters.
set -eu
. bench/lib.sh
n=$([ "$SMOKE" = 1 ] && echo 1000 || echo 10000)
pages=$(((n + 99) / 100))
start_sim "$n" --fault latency=5 --verbose
printf 'row\tload\tfull load of %s registrations (%s pages) from regdesk-sim, 5 ms added per response\n' "$n" "$pages"
auth="Authorization: Bearer demo-token"
got=$(VERIFIK_TOKEN=demo-token HOME="$WORK" "$RD" --api "$URL" list --format count)
[ "$got" = "$n" ] || bench_fail "regdesk loaded $got registrations, not $n"

q="limit=100&perPage=100&sort=-createdAt&populates%5B%5D=emailValidation&populates%5B%5D=phoneValidation"
q="$q&populates%5B%5D=informationValidation&populates%5B%5D=documentValidation&populates%5B%5D=failedBiometricValidations"
ours="VERIFIK_TOKEN=demo-token HOME='$WORK' '$RD' --api '$URL' list --format count"
loop="for p in \$(seq 1 $pages); do curl -s -H '$auth' '$URL/v2/app-registrations?$q&page='\$p -o /dev/null; done"
one="curl -s -H '$auth' '$URL/v2/app-registrations?$q&page=[1-$pages]' >/dev/null"
bytes=
for tool in ours loop one; do
    eval "cmd=\$$tool"
    sim_stat reset
    from=$(wc -l <"$WORK/sim.err")
    sh -c "$cmd" >/dev/null
    got=$(tail -n +$((from + 1)) "$WORK/sim.err" | sed -n 's/.* -> 200, \([0-9]*\) bytes.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
    [ -z "$bytes" ] || [ "$got" = "$bytes" ] || bench_fail "$tool downloaded $got bytes, regdesk $bytes: not the same work"
    bytes=$got
    printf 'note\t%s: %s requests over %s connections (at most %s open at once), %s bytes.\n' \
        "$(case $tool in ours) echo "regdesk (--parallel 4, the default)" ;; loop) echo "curl loop" ;; one) echo "one curl" ;; esac)" \
        "$(sim_stat requests)" "$(sim_stat connections)" "$(sim_stat maxConcurrentConnections)" "$got"
done
hf "regdesk list (API)" "$RUNS" "$ours"
hf "curl loop, one process a page" "$RUNS" "$loop"
hf "one curl process, one connection" "$RUNS" "$one"
stop_sim
printf 'ratio\tregdesk list (API)\tcurl loop, one process a page\t5\t≥ 5× the curl loop\n'
printf 'ratio\tregdesk list (API)\tone curl process, one connection\t2\t≥ 2× one curl process\n'
