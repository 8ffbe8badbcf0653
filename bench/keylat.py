"""Key → screen latency of the real dashboard while a list loads.

    python3 bench/keylat.py REGDESK URL WORKDIR KEYS          (bench/rows/degenerate.sh)
    python3 bench/keylat.py REGDESK --file DUMP WORKDIR KEYS  (bench/rows/dashboard.sh)

Runs the dashboard in tmux (a private socket, 140x40) against the simulator at URL (on
127.0.0.1), or on the export DUMP (regdesk --file, read on the dashboard's loader
thread), opens the first record's detail as soon as rows appear (so its related
section is rebuilt as pages arrive), then presses `?` KEYS times: each press opens or
closes the help overlay, which nothing else on the screen does. The time from the key
to the screen that shows it is read by polling tmux's copy of the screen, so each figure
is an upper bound (one poll is a few ms). Only presses answered while the list is still
loading count. Prints bench/report.py lines: the samples, the median and the 99th
percentile.
"""
import os
import re
import subprocess
import sys
import time

if len(sys.argv) == 6 and sys.argv[2] == "--file":
    regdesk, dump, work, keys = sys.argv[1], sys.argv[3], sys.argv[4], int(sys.argv[5])
    source, label = "--file %s" % dump, "key to screen while a file loads"
else:
    regdesk, url, work, keys = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if not url.startswith("http://127.0.0.1:"):
        sys.exit("keylat.py: loopback simulator addresses only")
    source, label = "--api %s" % url, "key to screen while loading, equal keys"
sock = os.path.join(work, "keylat.sock")
MARK = "─ Help ─"


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-S", sock] + list(args), capture_output=True, text=True, check=check).stdout


def screen():
    return tmux("capture-pane", "-p", "-t", "kl", check=False)


def wait(pred, timeout):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        s = screen()
        if pred(s):
            return s, time.monotonic()
        time.sleep(0.001)
    raise SystemExit("keylat.py: the dashboard did not show what was expected within %d s:\n%s" % (timeout, screen()))


def loading(s):
    # the status bar while pages arrive: "loading 300/2000", or a file's "loading 45 %:"
    return re.search(r"loading \d+/|loading \d+ %:|loading: \d+ registrations", s) is not None


env = "env HOME=%s TERM=tmux-256color LC_ALL=C.UTF-8 VERIFIK_TOKEN=demo-token" % work
try:
    tmux("new-session", "-d", "-s", "kl", "-x", "140", "-y", "40", "%s %s %s" % (env, regdesk, source))
    wait(lambda s: re.search(r"\d+/\d+", s), 60)  # the first rows are on screen
    tmux("send-keys", "-t", "kl", "Enter")
    samples, late = [], 0
    for i in range(keys):
        opening = i % 2 == 0
        t0 = time.monotonic()
        tmux("send-keys", "-t", "kl", "?")
        s, t1 = wait((lambda s: MARK in s) if opening else (lambda s: MARK not in s), 120)
        if loading(s):
            samples.append((t1 - t0) * 1000)
        else:
            late += 1
    if not samples and os.environ.get("SMOKE") == "1":  # a small smoke file may load before the first key
        print("note\tKey latency (%s): the list finished loading before the first key was answered (smoke size)." % label)
        samples = None
    elif not samples:
        raise SystemExit("keylat.py: the list finished loading before the first key was answered")
    for ms in samples or []:
        print("sample\t%s\tms\t%.1f" % (label, ms))
    if samples:
        samples.sort()
        print("value\t%s: median\tms\t%.1f" % (label, samples[len(samples) // 2]))
        print("value\t%s: 99th percentile\tms\t%.1f" % (label, samples[len(samples) * 99 // 100]))
        print("note\tKey latency (%s): %d presses of `?` answered while the list loaded%s; each figure is an upper "
              "bound (the screen is read by polling tmux, a few ms a poll)." %
              (label, len(samples), ", %d more after it had loaded (not counted)" % late if late else ""))
    tmux("send-keys", "-t", "kl", "q", check=False)
finally:
    subprocess.run(["tmux", "-S", sock, "kill-server"], capture_output=True)
