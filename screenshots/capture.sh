#!/bin/sh
# Regenerates a dashboard screenshot: the real binary in tmux against a running
# simulator, captured with colours (capture-pane -e), turned into HTML with aha and into a
# PNG with headless chromium (apt-get install aha chromium fonts-noto-cjk
# fonts-noto-color-emoji). Look at every PNG before committing it.
#
#   screenshots/capture.sh NAME COLS ROWS URL [KEYS...]
#   e.g. screenshots/capture.sh review-200x60 200 60 http://127.0.0.1:PORT 2 Enter
# KEYS are tmux send-keys arguments, sent one by one after the list has loaded.
set -eu
name=$1 cols=$2 rows=$3 url=$4
shift 4
cd "$(dirname "$0")/.."
sock=$(mktemp -u "${TMPDIR:-/tmp}/regdesk-shot.XXXXXX")
work=$(mktemp -d)
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$work" "$sock"' EXIT
tmux -S "$sock" new-session -d -x "$cols" -y "$rows" \
    "HOME=$work VERIFIK_TOKEN=demo-token REGDESK_NOW=2025-05-25T12:00:00Z LC_ALL=C.UTF-8 TERM=tmux-256color build/regdesk --api $url; sleep 5"
sleep 1.5
for k in "$@"; do tmux -S "$sock" send-keys $k; sleep 0.6; done
sleep 1
tmux -S "$sock" capture-pane -e -p >"$work/screen.ansi"
# aha has no reverse video and browsers do not give CJK and emoji exactly two cells:
# make the reverse explicit and pin wide characters to 2ch.
python3 - "$work/screen.ansi" >"$work/screen.fixed" <<'PY'
import re, sys
rev = False
def sgr(m):
    global rev
    out = []
    for p in (m.group(1).split(';') if m.group(1) else ['0']):
        if p == '7': rev = True; out += ['38;5;16', '48;5;252']
        elif p in ('0', ''): rev = False; out.append('0')
        elif p == '27': rev = False; out += ['39', '49']
        elif p == '39': out.append('38;5;16' if rev else '39')
        elif p == '49': out.append('48;5;252' if rev else '49')
        else: out.append(p)
    return '\x1b[' + ';'.join(out) + 'm'
for line in open(sys.argv[1], encoding='utf-8').read().split('\n'):
    rev = False
    sys.stdout.write(re.sub(r'\x1b\[([0-9;]*)m', sgr, line) + '\n')
PY
aha --black --no-header <"$work/screen.fixed" | python3 -c '
import sys, unicodedata
span = "<span style=\"display:inline-block;width:2ch;height:17px;vertical-align:top;overflow:hidden\">%s</span>"
sys.stdout.write("".join(span % c if unicodedata.east_asian_width(c) in "WF" or 0x1F300 <= ord(c) <= 0x1FAFF
                         else c for c in sys.stdin.read()))' >"$work/body"
{
    echo '<html><head><meta charset="utf-8"><style>body{background:#000;margin:8px}'
    echo 'pre{font-family:"DejaVu Sans Mono","Noto Sans Mono CJK SC",monospace;font-size:14px;line-height:17px;color:#ddd;margin:0}</style></head><body><pre>'
    cat "$work/body"
    echo '</pre></body></html>'
} >"$work/screen.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" \
    --screenshot="$PWD/screenshots/$name.png" --window-size=$((cols * 85 / 10 + 20)),$((rows * 17 + 20)) \
    "file://$work/screen.html" >/dev/null 2>&1
echo "screenshots/$name.png"
