#!/bin/sh
# A captured screen (tmux capture-pane -e, ANSI colours) to a PNG: aha for the HTML,
# headless chromium for the picture (apt-get install aha chromium fonts-noto-cjk
# fonts-noto-color-emoji).   screenshots/render.sh SCREEN.ansi COLS ROWS OUT.png [light]
# "light" draws it on a white terminal (the light theme is made for one).
set -eu
in=$1 cols=$2 rows=$3 png=$4 bg=${5:-dark}
if [ "$bg" = light ]; then black="" page="#fff" ink="#222"; else black=--black page="#000" ink="#ddd"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# aha has no reverse video and browsers do not give CJK and emoji exactly two cells:
# make the reverse explicit and pin wide characters to 2ch.
python3 - "$in" >"$work/screen.fixed" <<'PY'
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
aha $black --no-header <"$work/screen.fixed" | python3 -c '
import sys, unicodedata
span = "<span style=\"display:inline-block;width:2ch;height:17px;vertical-align:top;overflow:hidden\">%s</span>"
sys.stdout.write("".join(span % c if unicodedata.east_asian_width(c) in "WF" or 0x1F300 <= ord(c) <= 0x1FAFF
                         else c for c in sys.stdin.read()))' >"$work/body"
{
    echo '<html><head><meta charset="utf-8"><style>body{background:'"$page"';margin:8px}'
    echo 'pre{font-family:"DejaVu Sans Mono","Noto Sans Mono CJK SC",monospace;font-size:14px;line-height:17px;color:'"$ink"';margin:0}</style></head><body><pre>'
    cat "$work/body"
    echo '</pre></body></html>'
} >"$work/screen.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" \
    --screenshot="$png" --window-size=$((cols * 85 / 10 + 20)),$((rows * 17 + 40)) \
    "file://$work/screen.html" >/dev/null 2>&1
