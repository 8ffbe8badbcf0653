#!/usr/bin/env python3
"""regdesk's house rules (shared/design.md), checked by tests/run.sh.

  layers.py includes          which folder of src/ includes which folder and which library,
                              and no getenv where settings come from main
  layers.py calls OBJDIR      no call circle among the files of one folder, read from the
                              objects' symbols (nm) under OBJDIR (build/obj)

Every problem is one line naming the file and what breaks the rule; the exit status is 1
when there is any.
"""
import os
import re
import subprocess
import sys

SRC = "src"

# Folder -> the project headers its files may include: a folder name allows all of it,
# a path allows that header alone. Dependencies point one way:
#   main -> ui, cli -> model -> net -> core;  ui -> conf -> core;  ui, cli -> local -> core
#   (regdesk's own files: the audit log, whole-file writes; net uses local/safefile.h
#   for the token file);  sim -> core.
MAY_INCLUDE = {
    "core": {"core"},
    "conf": {"core", "conf"},
    "net": {"core", "net", "local/safefile.h", "local/dumpfile.h"},  # the token file is written as every file is; --file is read as list --file reads it
    "model": {"core", "model", "net/worker.h"},
    "local": {"core", "local"},
    "ui": {"core", "conf", "model", "ui", "local", "net/worker.h", "net/fileload.h"},
    "cli": {"core", "net", "cli", "local"},
    "sim": {"core", "sim"},
    "main": {"core", "conf", "net", "model", "ui", "cli", "local", "main"},
}

# System headers only some folders may include.
LIBRARIES = [
    (re.compile(r"^(n?curses|ncursesw/.*|term|panel|menu|form)\.h$"), {"ui"}, "curses"),
    (re.compile(r"^curl/"), {"net"}, "libcurl"),
    (re.compile(r"^(cjson/)?cJSON\.h$"), {"sim", "core/parse", "core/json"}, "cJSON"),
    (re.compile(r"^microhttpd\.h$"), {"sim"}, "libmicrohttpd"),
    (re.compile(r"^pthread\.h$"), {"net", "sim"}, "threads"),
]

# Folders that get every setting from main (UiConfig), never from the environment.
NO_GETENV = {"ui", "model"}

# Circles that were there before the rule, in folders other work is reshaping; a new
# one anywhere fails. Each is a set of files that call each other.
KNOWN_CIRCLES = [
    {"src/core/filter_parse.c", "src/core/filter_values.c"},
    {"src/net/worker.c", "src/net/worker_loop.c"},
    {"src/sim/sim_actions.c", "src/sim/sim_auth.c", "src/sim/sim_create.c", "src/sim/sim_http.c",
     "src/sim/sim_main.c", "src/sim/sim_routes.c"},
    {"src/sim/sim_emit.c", "src/sim/sim_emit_kyc.c", "src/sim/sim_emit_sub.c"},
]

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
GETENV = re.compile(r"\b(secure_)?getenv\s*\(")


def sources():
    for folder in sorted(os.listdir(SRC)):
        path = os.path.join(SRC, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith((".c", ".h")):
                yield folder, os.path.join(path, name)


def allowed(folder, header):
    rules = MAY_INCLUDE.get(folder)
    if rules is None:
        return False
    return header.split("/")[0] in rules or header in rules


def lib_allowed(where, folder, path):
    name = os.path.basename(path)
    return any(w == folder or (w.startswith(folder + "/") and name.startswith(w.split("/")[1])) for w in where)


def check_includes():
    problems = []
    for folder, path in sources():
        if folder not in MAY_INCLUDE:
            problems.append(f"{path}: src/{folder}/ is a folder the layer rules do not know; add it to "
                            f"tests/layers.py with what it may include")
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        for no, line in enumerate(lines, 1):
            m = INCLUDE.match(line)
            if m and m.group(1) == '"' and "/" in m.group(2) and not allowed(folder, m.group(2)):
                may = ", ".join(sorted(MAY_INCLUDE[folder]))
                problems.append(f"{path}:{no} includes \"{m.group(2)}\", but src/{folder}/ may include only "
                                f"{may} (the layer rules in shared/design.md)")
            elif m and m.group(1) == "<":
                for pattern, where, lib in LIBRARIES:
                    if pattern.match(m.group(2)) and not lib_allowed(where, folder, path):
                        problems.append(f"{path}:{no} includes <{m.group(2)}>: {lib} belongs to "
                                        f"{', '.join(sorted(where))} only")
            code = line.split("//")[0]
            if folder in NO_GETENV and GETENV.search(code) and not code.lstrip().startswith("*"):
                problems.append(f"{path}:{no} calls getenv: src/{folder}/ gets its settings from main "
                                f"(UiConfig), never from the environment")
    return problems


def symbols(obj):
    out = subprocess.run(["nm", "-P", obj], capture_output=True, text=True, check=True).stdout
    defined, used = set(), set()
    for line in out.split("\n"):
        parts = line.split()
        if len(parts) < 2:
            continue
        name, kind = parts[0], parts[1]
        if kind == "U":
            used.add(name)
        elif kind in "TDBRCGSV":
            defined.add(name)
    return defined, used


def circles(graph):
    """Strongly connected components with more than one file (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def check_calls(objdir):
    problems = []
    root = os.path.join(objdir, SRC)
    if not os.path.isdir(root):
        return [f"{root}: no objects to read; build first (make all)"]
    for folder in sorted(os.listdir(root)):
        fdir = os.path.join(root, folder)
        if not os.path.isdir(fdir):
            continue
        owner, uses = {}, {}
        for name in sorted(os.listdir(fdir)):
            src = os.path.join(SRC, folder, name[:-2] + ".c")
            if not name.endswith(".o") or not os.path.exists(src):
                continue  # an object whose source is gone (a stale build)
            defined, used = symbols(os.path.join(fdir, name))
            for name in defined:
                owner[name] = src
            uses[src] = used
        graph = {src: sorted({owner[n] for n in used if n in owner and owner[n] != src})
                 for src, used in uses.items()}
        for comp in circles(graph):
            if comp in KNOWN_CIRCLES:
                continue
            ties = [f"{a} -> {b}" for a in sorted(comp) for b in graph[a] if b in comp]
            problems.append(f"{', '.join(sorted(comp))} call each other in a circle ({'; '.join(ties)}): "
                            f"move what they share into a file both call, or pass a function pointer")
    return problems


def main(argv):
    if len(argv) == 2 and argv[1] == "includes":
        problems = check_includes()
    elif len(argv) == 3 and argv[1] == "calls":
        problems = check_calls(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(f"layer rules: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
