#!/bin/sh
# Row: `regdesk list --file` with a filter on a dump of list-API records (a JSON array,
# what paging the API and joining the pages gives), against jq 1.6 doing the same count
# and VisiData loading the file in batch mode; same file, same run; and the peak memory
# of each. Run by bench/run.sh (WORK, RUNS, SMOKE set).
set -eu
. bench/lib.sh
n=$([ "$SMOKE" = 1 ] && echo 2000 || echo 100000)
dump=$(dump_file api "$n")
mb=$(awk "BEGIN { printf \"%.0f\", $(wc -c <"$dump") / 1e6 }")
printf 'row\tfile\tlist --file with a filter: %s registrations, a %s MB array of list-API records\n' "$n" "$mb"

filter='status:NEEDS_MANUAL_VERIFICATION flags>0'
# jq compares exactly what regdesk compares: the status in any casing, a red-flag count.
jqexpr='[.[] | select(((.status // "") | ascii_upcase) == "NEEDS_MANUAL_VERIFICATION" and ((.redFlags // 0) > 0))] | length'
ours=$("$RD" list --file "$dump" --filter "$filter" --format count)
theirs=$(jq "$jqexpr" "$dump")
[ "$ours" = "$theirs" ] || bench_fail "regdesk counts $ours, jq $theirs: not the same work"
printf 'note\tBoth count the same %s registrations: regdesk `list --file FILE --filter '\''%s'\'' --format count`, jq `%s`; VisiData (`vd -b -f json FILE -o out.tsv`) loads the file and writes it as TSV, its batch equivalent. regdesk parses on %s threads.\n' \
    "$ours" "$filter" "$jqexpr" "$(nproc)"

hf "regdesk list --file" "$RUNS" "'$RD' list --file '$dump' --filter '$filter' --format count"
hf "cJSON alone: the splitter and cJSON_Parse per record, nothing built (one thread)" "$RUNS" "'$BUILD/bench-floor' '$dump'"
hf "jq 1.6" "$RUNS" "jq '$jqexpr' '$dump'"
hf "VisiData batch load" "$RUNS" "HOME='$WORK' vd -b -f json '$dump' -o '$WORK/vd.tsv'"
peak "peak memory, regdesk" "$RD" list --file "$dump" --filter "$filter" --format count
peak "peak memory, jq" jq "$jqexpr" "$dump"
peak "peak memory, VisiData" env HOME="$WORK" vd -b -f json "$dump" -o "$WORK/vd.tsv"

printf 'note\tThe cJSON line is the floor under list --file with cJSON as its parser (issue 14 keeps cJSON): the time above it is all of regdesk'\''s own work. jq divided by that floor bounds the ratio to jq any work on regdesk'\''s side could reach on this machine.\n'
printf 'compare\tcJSON alone: the splitter and cJSON_Parse per record, nothing built (one thread)\tjq 1.6\tcJSON alone against jq: the most any work on regdesk'\''s side could reach\n'
printf 'compare\tcJSON alone: the splitter and cJSON_Parse per record, nothing built (one thread)\tregdesk list --file\tregdesk'\''s time over cJSON alone'\''s (its own work on top)\n'
printf 'ratio\tregdesk list --file\tjq 1.6\t10\t≥ 10× jq\n'
printf 'ratio\tregdesk list --file\tVisiData batch load\t40\t≥ 40× VisiData\n'
printf 'ratio\tpeak memory, regdesk\tpeak memory, jq\t4\tpeak memory ≤ ¼ of jq'\''s\n'
