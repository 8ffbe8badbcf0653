"""Bytes a program writes to its terminal per key (bench/rows/dashboard.sh): the dashboard's
one-line scroll and page against `less` on the same rendered list, and the time from
start to the first painted screen (the end of the first burst of output: ncurses writes
a screen in one doupdate).

    python3 bench/ptybytes.py REGDESK URL WORKDIR LISTFILE PRESSES

Each program runs on a private pseudo-terminal of 120x40 (TERM=xterm-256color), and what
it writes is read straight from the pty, so every byte counts: escape sequences, text,
cursor moves. A key's bytes are everything written from the key until the program has
been quiet for QUIET seconds. The dashboard talks to the simulator at URL (127.0.0.1
only); the selection is first moved to the bottom row, so each further j scrolls the list
by one line, as j in less does. Prints bench/report.py lines.
"""
import os
import pty
import select
import struct
import sys
import termios
import fcntl
import time

regdesk, url, work, listfile, presses = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
if not url.startswith("http://127.0.0.1:"):
    sys.exit("ptybytes.py: loopback simulator addresses only")
COLS, ROWS, QUIET = 120, 40, 0.25


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def drain(fd, quiet=QUIET, limit=30.0):
    """Bytes from the first one until fd has been quiet for `quiet` s (waiting up to 5 s
    for the first); (bytes, time of the last byte)."""
    got, last, t0 = 0, None, time.monotonic()
    while time.monotonic() - t0 < limit:
        # the first byte may take a while (a start); after it, `quiet` ends the burst
        r, _, _ = select.select([fd], [], [], quiet if last else max(quiet, 5.0))
        if not r:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        last = time.monotonic()
        got += len(data)
    return got, last


def stop(pid, fd, quit_key):
    os.write(fd, quit_key)
    drain(fd, 0.2, 3)
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def press(fd, key, times, metric):
    """Presses key `times` times; one sample of the bytes written for each."""
    for _ in range(times):
        os.write(fd, key)
        n, _ = drain(fd)
        print("sample\t%s\tB\t%d" % (metric, n))


env = dict(os.environ, TERM="xterm-256color", HOME=work, VERIFIK_TOKEN="demo-token", LC_ALL="C.UTF-8",
           COLUMNS=str(COLS), LINES=str(ROWS))

# ---- the dashboard ----
for run in range(presses):
    t0 = time.monotonic()
    pid, fd = spawn([regdesk, "--api", url], env)
    _, painted = drain(fd, 0.02)  # the first screen: one doupdate, one burst of bytes
    if painted is not None:
        print("sample\tstart → first painted screen\tms\t%.1f" % ((painted - t0) * 1000))
    drain(fd, 0.5)
    if run:
        stop(pid, fd, b"q")
        continue
    for _ in range(ROWS):  # the selection to the bottom row
        os.write(fd, b"j")
        drain(fd)
    press(fd, b"j", presses * 2, "regdesk, one-line scroll (j)")
    press(fd, b"\x1b[6~", presses, "regdesk, a page (PgDn)")
    stop(pid, fd, b"q")

# ---- less on the same list ----
pid, fd = spawn(["less", "-S", listfile], dict(env, LESS="", LESSHISTFILE="-"))
drain(fd, 0.5)
press(fd, b"j", presses * 2, "less, one-line scroll (j)")
press(fd, b" ", presses, "less, a page (Space)")
stop(pid, fd, b"q")
