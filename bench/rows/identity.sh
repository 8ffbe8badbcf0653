#!/bin/sh
# Row: list --file prints exactly what regdesk printed before the parse rework
# (bench/identity.sh against its default reference, the commit before it), in every
# format: 100k-record dumps, 5k in bench-smoke (and so in make test). A clone without that
# commit reports the row skipped.
set -eu
. bench/lib.sh
n=$([ "$SMOKE" = 1 ] && echo 5000 || echo 100000)
printf 'row\tidentity\tlist --file output against the commit before the parse rework (it changes nothing a user sees), %s records\n' "$n"
out=$(sh bench/identity.sh "" "$n" 2>&1) || { echo "$out" >&2; bench_fail "list --file output differs from the pre-rework build's"; }
if echo "$out" | grep -q '^identity: SKIP'; then
    printf 'note\t%s\n' "$(echo "$out" | tail -n 1)"
    printf 'value\tidentity check skipped\truns\t0\n'
    exit 0
fi
runs=$(echo "$out" | sed -n 's/.*in all \([0-9]*\) runs.*/\1/p')
printf 'value\truns with byte-identical stdout, stderr and exit status\truns\t%s\n' "${runs:-0}"
printf 'note\t%s\n' "$(echo "$out" | tail -n 1)"
