#!/usr/bin/python3
"""Query growth from M to L (issue 9: indexed queries grow <= 2 x; evaluation linearly).

    /usr/bin/python3 bench/compare.py [WORK]        (default /tmp/campaign-bench)
reads WORK/M/results.json and WORK/L/results.json written by bench/run.py.
"""
import json
import os
import sys

# queries served by an index on the unit / share / search term: their cost should not follow the store's size
INDEXED = ("unit_matrix_row", "share_history", "unit_risk_grades", "unit_findings", "search_2char")


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else "/tmp/campaign-bench"
    r = {}
    for s in ("M", "L"):
        with open(os.path.join(work, s, "results.json"), encoding="utf-8") as f:
            r[s] = json.load(f)
    m, l = r["M"], r["L"]
    grow = l["rows"]["progress"] / m["rows"]["progress"]
    print("data grows %.1f x from M to L" % grow)
    print("%-22s %10s %10s %8s %8s  %s" % ("query", "M", "L", "L/M", "rows L", "target"))
    for name in m["queries"]:
        a, b = m["queries"][name]["seconds"], l["queries"][name]["seconds"]
        idx = name in INDEXED
        print("%-22s %8.2fms %8.2fms %7.2fx %8d  %s" % (name, a * 1e3, b * 1e3, b / a, l["queries"][name]["rows"],
                                                      ("<= 2x: " + ("met" if b / a <= 2 else "MISSED")) if idx
                                                      else "linear (%.0fx data)" % grow))
    a, b = m["evaluate"]["seconds"], l["evaluate"]["seconds"]
    print("%-22s %8.2fms %8.2fms %7.2fx %8d  linear (%.0fx data): %s" % (
        "accountability_eval", a * 1e3, b * 1e3, b / a, l["evaluate"]["rows"], grow, "met" if b / a <= grow * 1.5 else "MISSED"))
    mm = max(v["maxrss_kb"] for v in m["import"].values()) / 1024
    ml = max(v["maxrss_kb"] for v in l["import"].values()) / 1024
    print("peak RSS of an import: M %.0f MiB, L %.0f MiB (%s)" % (mm, ml, "met" if ml <= 256 and ml <= 1.25 * mm else "MISSED"))


if __name__ == "__main__":
    main()
