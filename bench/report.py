"""Writes bench/report.md from the rows' output (bench/run.sh collects it).

    python3 bench/report.py OUT.md MACHINE.txt ROW.tsv...

A row is any script or binary that prints tab-separated lines:
    row      ID  TITLE                        starts the row
    sample   METRIC  UNIT  VALUE              one run of a measurement (min/median/max)
    value    METRIC  UNIT  VALUE              a figure measured once
    ratio    FAST  SLOW  AT_LEAST  TEXT       target: median(SLOW) / median(FAST) >= AT_LEAST
    compare  FAST  SLOW  TEXT                 the same ratio, shown for context (no target)
    target   METRIC  OP  NUMBER  TEXT         target: median (or the value) OP NUMBER (<= or >=)
    note     TEXT                             a sentence for the report
    pending  TEXT                             a row that is not measured yet
Lines that are not these are ignored, so a row can print progress to stderr freely.
Exit status 1 when a row produced no measurement at all or a target line names a metric
the row did not measure (the harness is broken); a missed target is reported, not fatal.
"""
import statistics
import sys


def parse(path):
    rows, cur = [], None
    for line in open(path, encoding="utf-8", errors="replace"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "row" and len(f) >= 3:
            cur = {"id": f[1], "title": f[2], "samples": {}, "values": {}, "units": {}, "checks": [],
                   "notes": [], "pending": [], "order": []}
            rows.append(cur)
        elif cur is None:
            continue
        elif f[0] in ("sample", "value") and len(f) >= 4:
            name, unit, v = f[1], f[2], float(f[3])
            if name not in cur["units"]:
                cur["order"].append(name)
            cur["units"][name] = unit
            (cur["samples"].setdefault(name, []).append(v) if f[0] == "sample" else cur["values"].__setitem__(name, v))
        elif f[0] in ("ratio", "target") and len(f) >= 5:
            cur["checks"].append(f)
        elif f[0] == "compare" and len(f) >= 4:
            cur["checks"].append(["ratio", f[1], f[2], "0", f[3]])
        elif f[0] == "note" and len(f) >= 2:
            cur["notes"].append(f[1])
        elif f[0] == "pending" and len(f) >= 2:
            cur["pending"].append(f[1])
    return rows


def central(row, name):
    if name in row["samples"]:
        return statistics.median(row["samples"][name])
    if name in row["values"]:
        return row["values"][name]
    return None


def fmt(v):
    return "%.0f" % v if abs(v) >= 100 else ("%.1f" % v if abs(v) >= 10 else "%.2f" % v)


def judge(row, c):
    """(text, measured, verdict) of one check, or raises KeyError for a missing metric."""
    if c[0] == "ratio":
        fast, slow, want, text = central(row, c[1]), central(row, c[2]), float(c[3]), c[4]
        if fast is None or slow is None:
            raise KeyError(c[1] if fast is None else c[2])
        got = slow / fast if fast else float("inf")
        if want <= 0:
            return text, "%.1f×" % got, "(context)"
        return text, "%.1f×" % got, "met" if got >= want else "**missed**"
    name, op, want, text = c[1], c[2], float(c[3]), c[4]
    got = central(row, name)
    if got is None:
        raise KeyError(name)
    ok = got <= want if op == "<=" else got >= want
    return text, fmt(got) + " " + row["units"][name], "met" if ok else "**missed**"


def main():
    out, machine, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = [r for p in paths for r in parse(p)]
    broken, summary, body = [], [], []
    for r in rows:
        if not r["samples"] and not r["values"] and not r["pending"]:
            broken.append("%s: no measurement" % r["id"])
        body.append("\n## %s: %s\n" % (r["id"], r["title"]))
        if r["pending"]:
            for p in r["pending"]:
                body.append("- **not measured yet**: %s" % p)
                summary.append("| %s | %s | not measured yet | — |" % (r["id"], p))
        if r["order"]:
            body.append("\n| measurement | runs | min | median | max | unit |\n| --- | ---: | ---: | ---: | ---: | --- |")
            for name in r["order"]:
                unit = r["units"][name]
                if name in r["samples"]:
                    s = r["samples"][name]
                    body.append("| %s | %d | %s | %s | %s | %s |" % (name, len(s), fmt(min(s)), fmt(statistics.median(s)),
                                                                 fmt(max(s)), unit))
                else:
                    body.append("| %s | 1 | | %s | | %s |" % (name, fmt(r["values"][name]), unit))
        if r["checks"]:
            body.append("\n| target | measured | |\n| --- | ---: | --- |")
            for c in r["checks"]:
                try:
                    text, got, verdict = judge(r, c)
                except KeyError as e:
                    broken.append("%s: target on %s, which was not measured" % (r["id"], e))
                    continue
                body.append("| %s | %s | %s |" % (text, got, verdict))
                summary.append("| %s | %s | %s | %s |" % (r["id"], text, got, verdict))
        for n in r["notes"]:
            body.append("\n%s" % n)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# regdesk benchmark report\n\n")
        f.write("Written by `make bench` (bench/run.sh); every figure below was measured in the same run, "
                "peers included. Times are wall clock; min / median / max over the runs listed.\n\n")
        f.write(open(machine, encoding="utf-8").read())
        f.write("\n## Targets\n\n| row | target | measured | |\n| --- | --- | ---: | --- |\n")
        f.write("\n".join(summary) + "\n")
        f.write("\n".join(body) + "\n")
    for b in broken:
        print("bench: " + b, file=sys.stderr)
    sys.exit(1 if broken else 0)


main()
