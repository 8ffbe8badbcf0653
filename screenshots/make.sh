#!/bin/sh
# make screenshots: every screenshots/NAME.txt (the screen as text) and NAME.png from the
# real build/regdesk in a real terminal (tmux) against build/regdesk-sim, with a fixed
# seed and clock. Each screen is taken once it is whole: its text is on it and two
# captures in a row agree (a state, not a delay). The whole set is made twice and the
# two sets of .txt must be byte-identical, else it fails.
#   screenshots/make.sh [NAME...]     (default: all)     SHOTS_PNG=no skips the PNGs
set -eu
cd "$(dirname "$0")/.."
NOW=2025-05-25T12:00:00Z
only="$*"
work=$(mktemp -d "${TMPDIR:-/tmp}/regdesk-shots.XXXXXX")
pids=""
cleanup() {
    for s in "$work"/tmux.*.sock; do tmux -S "$s" kill-server 2>/dev/null || true; done
    for p in $pids; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
fail() { echo "make screenshots: $*" >&2; exit 1; }
for bin in build/regdesk build/regdesk-sim; do [ -x "$bin" ] || fail "$bin is missing; run make"; done
for tool in tmux aha chromium python3; do
    command -v $tool >/dev/null || [ "${SHOTS_PNG:-yes}" = no ] || fail "$tool is missing (apt-get install -y tmux aha chromium python3)"
done

# A simulator on a free loopback port; its URL in $url.
start_sim() {
    log=$work/sim.$#.out
    : >"$log"
    "build/regdesk-sim" --count 3000 --seed 7 --now "$NOW" "$@" >>"$log" 2>&1 &
    pids="$pids $!"
    url=""
    for i in $(seq 100); do
        url=$(sed -n '1s/^listening on //p' "$log")
        [ -n "$url" ] && return
        sleep 0.1
    done
    fail "the simulator did not start: $(cat "$log")"
}
start_sim; fast=$url
start_sim --fault latency=400; slow=$url

# Waits until the pane shows $1 (a grep -E pattern) and two captures 0.4 s apart agree.
settle() {
    prev="" i=0
    while [ $i -lt 150 ]; do
        tmux -S "$sock" capture-pane -p -t shot >"$work/now.txt"
        if grep -Eq -- "$1" "$work/now.txt" && [ -n "$prev" ] && cmp -s "$work/now.txt" "$prev"; then return; fi
        cp "$work/now.txt" "$work/prev.txt"; prev=$work/prev.txt
        sleep 0.4; i=$((i + 1))
    done
    fail "$name: the screen never showed /$1/ and held still: $(cat "$work/now.txt")"
}

# shot NAME COLS ROWS URL 'regdesk options' WAIT_PATTERN [KEYS WAIT_PATTERN]...
shot() {
    name=$1 cols=$2 rows=$3 api=$4 opts=$5 wait=$6
    shift 6
    case " ${only:-$name} " in *" $name "*) ;; *) return 0 ;; esac
    home=$work/home; rm -rf "$home"; mkdir -p "$home"
    # A server of its own per screen: a new one on the socket of the one just killed
    # can find it still going away ("server exited unexpectedly").
    sock=$work/tmux.$name.$(basename "$out").sock
    tmux -S "$sock" -f /dev/null new-session -d -s shot -x "$cols" -y "$rows" \
        "HOME=$home XDG_CONFIG_HOME=$home/.config VERIFIK_TOKEN=demo-token REGDESK_NOW=$NOW LC_ALL=C.UTF-8 TZ=UTC TERM=tmux-256color build/regdesk --api $api $opts; sleep 30"
    tmux -S "$sock" set -g status off
    settle "$wait"
    while [ $# -ge 2 ]; do
        for k in $1; do tmux -S "$sock" send-keys -t shot "$k"; sleep 0.05; done
        settle "$2"
        shift 2
    done
    tmux -S "$sock" capture-pane -p -t shot >"$out/$name.txt"
    tmux -S "$sock" capture-pane -e -p -t shot >"$out/$name.ansi"
    tmux -S "$sock" kill-server
}

loaded=' 3000 loaded '
detail='Failed attempts'
all_shots() {
    shot queue-200x60 200 60 "$fast" "" "$loaded" 2 'REVIEW 341'
    shot detail-200x60 200 60 "$fast" "" "$loaded" "2 / f l a g s > 0 Space f a i l e d . b i o > 1 Enter Enter" "$detail"
    shot filter-200x60 200 60 "$fast" "" "$loaded" "/ s t a t u s : r e v i e w Space f l a g s > 1" 'flags>1'
    shot help-200x60 200 60 "$fast" "" "$loaded" "?" 'Moving'
    shot decide-120x40 120 40 "$fast" "" "$loaded" "2 Enter" "Why it needs review" "d Down Down Down" 'Enter decides' \
        "s e l f i e Space d a r k e r Space t h a n Space t h e Space d o c u m e n t" 'selfie darker than the document'
    shot ssh-80x24 80 24 "$slow" "" "$loaded" "2 Enter" "Why it needs review"
    for t in default light high-contrast solarized monochrome; do
        shot "theme-$t-120x40" 120 40 "$fast" "--theme $t" "$loaded" "2 Enter" "Why it needs review"
    done
}

mkdir -p "$work/a" "$work/b"
out=$work/a; all_shots
out=$work/b; all_shots
for f in "$work"/a/*.txt; do
    cmp -s "$f" "$work/b/${f##*/}" || { diff -u "$f" "$work/b/${f##*/}" | head -20; fail "${f##*/} differs between two runs"; }
done
n=0
for f in "$work"/a/*.txt; do
    base=${f##*/}; base=${base%.txt}
    cp "$f" "screenshots/$base.txt"
    if [ "${SHOTS_PNG:-yes}" != no ]; then
        size=$(echo "$base" | sed 's/.*-\([0-9]*x[0-9]*\)$/\1/')
        bg=dark; case $base in *-light-*) bg=light ;; esac
        sh screenshots/render.sh "$work/a/$base.ansi" "${size%x*}" "${size#*x}" "$PWD/screenshots/$base.png" $bg
    fi
    n=$((n + 1))
done
echo "make screenshots: $n screens, byte-identical in two runs, in screenshots/"
