#!/bin/sh
# Proves that `regdesk list --file` prints exactly what a reference build prints: same
# bytes on stdout and stderr, same exit status, for every output format, on dumps made
# from the simulator (plain and populated API records, hostile data, regdesk's own
# export), 100,000 records for the big ones. Used across the parse rework (issue 14) and
# by `make bench`; any difference fails with the first differing lines.
#
#   sh bench/identity.sh [REF] [COUNT]     (default: the pre-rework commit, 100000)
#
# The default reference is c258640, main just before the parse rework came in (the main
# side of merge 7f74ea6): main itself has the rework and would prove nothing. A clone
# without that commit (shallow) cannot run the proof: the script says so and exits 0
# with SKIP, never a silent pass.
#
# REF is any commit; it is built from `git archive` in $BUILD/ref-<commit>/ (kept, so the
# next run reuses it). When REF's sources equal the working tree's there is nothing to
# prove and the script says so. The default table's last column, AGE, reads the clock
# (in a large dump some record crosses a week or day boundary every few seconds), so for
# that one run the column is cut before comparing; every other run, the table with
# chosen columns included, must match byte for byte. Each run of the reference is also
# compared with a run of this build just before and just after it.
set -eu
cd "$(dirname "$0")/.."
PRE_REWORK=c258640
REF=${1:-$PRE_REWORK}
COUNT=${2:-100000}
SMALL=$((COUNT / 5))
export LC_ALL=C.UTF-8 TZ=UTC
BUILD=${BUILD:-build}
WORK=$(mktemp -d /tmp/regdesk-identity.XXXXXX)
. bench/lib.sh
trap 'stop_sim; rm -rf "$WORK"' EXIT INT TERM

if ! sha=$(git rev-parse --verify -q "$REF^{commit}"); then
    [ "$REF" = "$PRE_REWORK" ] || bench_fail "no such commit: $REF"
    echo "identity: SKIP: this clone lacks $REF (the commit before the parse rework; shallow?): nothing proved"
    exit 0
fi
if git diff --quiet "$sha" -- src Makefile; then
    echo "identity: the sources equal $REF ($sha): nothing to compare"
    exit 0
fi
refdir=$BUILD/ref-$sha
if [ ! -x "$refdir/build/regdesk" ]; then
    echo "identity: building $REF ($sha) in $refdir"
    rm -rf "$refdir" && mkdir -p "$refdir"
    git archive "$sha" | tar -x -C "$refdir"
    make -s -C "$refdir" -j2 build/regdesk build/regdesk-sim >/dev/null || bench_fail "the reference build failed"
fi
make -s -j2 all >/dev/null || bench_fail "the build failed"
REFRD=$refdir/build/regdesk
# The dumps come from the reference's simulator and export, so they stay cached while
# this build changes.
SIM=$refdir/build/regdesk-sim
EXPORT_RD=$REFRD

runs=0
CLOCK=
# one FILE ARGS...: the reference and this build on the same arguments.
one() {
    file=$1
    shift
    for who in new1 ref new2; do
        bin=$RD
        [ $who = ref ] && bin=$REFRD
        rc=0
        "$bin" list --file "$file" "$@" >"$WORK/$who.out" 2>"$WORK/$who.err" || rc=$?
        echo "$rc" >"$WORK/$who.rc"
    done
    if [ "${CLOCK:-}" = cut ]; then
        for who in new1 ref new2; do
            sed -E 's/ +[^ ]+$//' "$WORK/$who.out" >"$WORK/$who.cut" && mv "$WORK/$who.cut" "$WORK/$who.out"
        done
    fi
    for new in new1 new2; do
        if cmp -s "$WORK/$new.out" "$WORK/ref.out" && cmp -s "$WORK/$new.err" "$WORK/ref.err" &&
            cmp -s "$WORK/$new.rc" "$WORK/ref.rc"; then
            runs=$((runs + 1))
            return 0
        fi
    done
    echo "identity: DIFFERENT: list --file $(basename "$file") $*" >&2
    for part in out err rc; do
        cmp -s "$WORK/new1.$part" "$WORK/ref.$part" ||
            { echo "--- $part (reference first):" >&2; diff "$WORK/ref.$part" "$WORK/new1.$part" | head -n 20 >&2; }
    done
    exit 1
}

# every FILE: each output format, and a few filters, sorts and options.
every() {
    CLOCK=cut
    one "$1" --format table
    CLOCK=
    for fmt in json csv tsv count; do one "$1" --format "$fmt"; done
    one "$1" --filter 'status:NEEDS_MANUAL_VERIFICATION flags>0' --sort name --format csv
    one "$1" --filter 'ruiz OR garcia' --format count
    one "$1" --sort -updated --mask --format tsv
    one "$1" --sort email --columns id,name,email,phone,step,project --format table
    echo "identity: $(basename "$1"): identical ($runs runs so far)"
}

api=$(dump_file api "$COUNT")
every "$api"
every "$(dump_file api-pop "$SMALL")"
every "$(dump_file api "$SMALL" --hostile)"
every "$(dump_file api-pop "$SMALL" --hostile)"
every "$(dump_file export "$COUNT")"
every "$(dump_file export "$SMALL" --hostile)"
# The envelope form ({"data": [...]}) of the big dump, and a truncated copy (an error).
{ printf '{"total":%s,"data":' "$COUNT"; cat "$api"; printf ',"page":1}\n'; } >"$WORK/envelope.json"
one "$WORK/envelope.json" --format csv
head -c 5000000 "$api" >"$WORK/cut.json"
one "$WORK/cut.json" --format count
echo "identity: list --file output equals $REF's in all $runs runs"
