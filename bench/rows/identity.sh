#!/bin/sh
# Row: list --file prints exactly what main prints (bench/identity.sh), on 100k-record
# dumps in every format. On main itself there is nothing to compare.
set -eu
. bench/lib.sh
printf 'row\tidentity\tlist --file output against main (the parse rework changes nothing a user sees)\n'
if [ "$SMOKE" = 1 ]; then
    printf 'note\tSkipped in bench-smoke (it builds main); make bench runs it.\n'
    printf 'value\tidentity check skipped\truns\t0\n'
    exit 0
fi
out=$(sh bench/identity.sh main 100000 2>&1) || { echo "$out" >&2; bench_fail "list --file output differs from main's"; }
runs=$(echo "$out" | sed -n 's/.*in all \([0-9]*\) runs.*/\1/p')
printf 'value\truns with byte-identical stdout, stderr and exit status\truns\t%s\n' "${runs:-0}"
printf 'note\t%s\n' "$(echo "$out" | tail -n 1)"
