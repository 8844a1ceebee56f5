#!/usr/bin/python3
"""The benchmark harness: one command, every figure side by side on the same files.

    /usr/bin/python3 bench/run.py --size M [--build BUILD] [--work /tmp/campaign-bench] [--seed 1]

BUILD is a libcampaign build tree (default: build/ of this checkout) configured
with the bindings; the C programs of bench/ are built against it in WORK.
Generated data and stores go under WORK, never into the repository.
Prints each figure, the ratios against the targets of issue 9, peak memory,
and writes WORK/SIZE/results.json. Size S is quick (CI keeps it working);
no timing is asserted anywhere: the targets are reported, not tested.
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EX = os.path.join(ROOT, "examples")
MODEL = os.path.join(EX, "models", "matrix-5x5.yaml")
CATALOGUES = [os.path.join(EX, "catalogues", "ten-categories.yaml"), os.path.join(EX, "catalogues", "five-behaviours.yaml")]
RULES = os.path.join(EX, "rules", "leshan-2010.yaml")
KINDS = ("progress", "risk", "findings")
PY = "/usr/bin/python3"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run_json(cmd, env=None):
    """Runs a program that prints JSON lines; returns them."""
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, env=env, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def copy_store(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**30
    sqlite = subprocess.run([PY, "-c", "import sqlite3; print(sqlite3.sqlite_version)"], stdout=subprocess.PIPE,
                            text=True).stdout.strip()
    return "%s, %d cores, %d GiB RAM, %s, SQLite %s" % (cpu, os.cpu_count(), mem, platform.platform(), sqlite)


def build_programs(build, work):
    out = os.path.join(work, "bench-build")
    subprocess.run(["cmake", "-S", HERE, "-B", out, "-DCAMPAIGN_BUILD_DIR=" + build], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", out, "-j2"], check=True, stdout=subprocess.DEVNULL)
    return out


def fmt_s(x):
    return "%.3f s" % x if x >= 0.1 else "%.2f ms" % (x * 1e3)


def dashboard(build, store, as_of, out, runs=3):
    """The dashboard's wall time (the median of @runs), its CPU time (user + system) and its file's size."""
    cli = os.path.join(build, "cli", "campaign")
    walls, cpus = [], []
    for _ in range(runs):
        before = os.times()
        t0 = time.monotonic()
        subprocess.run([cli, "dashboard", "--db", store, "--as-of", as_of, "--output", out], check=True,
                       stdout=subprocess.DEVNULL)
        walls.append(time.monotonic() - t0)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return {"seconds": sorted(walls)[runs // 2], "cpu_seconds": sorted(cpus)[runs // 2], "runs": walls,
            "bytes": os.path.getsize(out)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=("S", "M", "L"), default="S")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="libcampaign build tree")
    ap.add_argument("--work", default="/tmp/campaign-bench", help="data, stores and the bench build (not in git)")
    ap.add_argument("--iterate", type=int, help="rows iterated from C, Python and Java (default 1 000 000; S: 20 000)")
    ap.add_argument("--repeat", type=int, help="paired runs (with and without audit) per file for the audit cost, "
                    "median taken (default 3; L: 1)")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: peer,no_audit,bindings,queries,big_plan,"
                    "dashboard,sites")
    ap.add_argument("--counties", type=int, help="county stores of the multi-site part (default: every county-level "
                    "bureau; L: 200)")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    if a.iterate is None:
        a.iterate = 20_000 if a.size == "S" else 1_000_000
    build = os.path.abspath(a.build)
    work = os.path.abspath(a.work)
    data = os.path.join(work, a.size)
    os.makedirs(data, exist_ok=True)
    t_start = time.monotonic()
    R = {"size": a.size, "seed": a.seed, "machine": machine()}
    log("machine:", R["machine"])

    bb = build_programs(build, work)
    parse, insert, camp = (os.path.join(bb, p) for p in ("limit_parse", "limit_insert", "bench_campaign"))

    # data: generated once per size and seed
    mf = os.path.join(data, "manifest.json")
    man = None
    if os.path.exists(mf):
        with open(mf, encoding="utf-8") as f:
            man = json.load(f)
    if not man or man.get("seed") != a.seed:
        log("generating %s (seed %d) in %s ..." % (a.size, a.seed, data))
        t0 = time.monotonic()
        subprocess.run([PY, os.path.join(HERE, "gen.py"), "--size", a.size, "--seed", str(a.seed), "--out", data],
                       check=True, stdout=subprocess.DEVNULL)
        R["generate_seconds"] = time.monotonic() - t0
        with open(mf, encoding="utf-8") as f:
            man = json.load(f)
    files = {k: os.path.join(data, k + ".csv") for k in KINDS}
    plan = os.path.join(data, "plan.yaml")
    R["rows"] = {k: man[k] for k in KINDS}
    R["file_mib"] = {k: os.path.getsize(files[k]) / 2**20 for k in KINDS}

    # libcampaign: a fresh store with the plan, the model, the catalogues and the rules
    lib = os.path.join(data, "lib.db")
    base = os.path.join(data, "base.db")
    log("libcampaign: plan ...")
    R["plan"] = run_json([camp, "setup", base, plan, MODEL] + CATALOGUES + ["--rules", RULES])[0]
    for name in ("limit.db", "noaudit.db", "lib.db"):
        copy_store(base, os.path.join(data, name))

    # the limits
    log("limit: parse ...")
    R["parse"] = {os.path.basename(r["file"]).split(".")[0]: r for r in run_json([parse, plan] + [files[k] for k in KINDS])}
    log("limit: insert ...")
    R["insert"] = {r["kind"]: r for r in run_json([insert, os.path.join(data, "limit.db")] +
                                                  ["%s=%s" % (k, files[k]) for k in KINDS])}
    def save():  # after each part: a long run that fails later keeps what it measured
        with open(os.path.join(data, "results.json"), "w", encoding="utf-8") as f:
            json.dump(R, f, ensure_ascii=False, indent=1)

    # libcampaign's import, each file in a process of its own (peak memory per file)
    R["import"] = {}
    for k in KINDS:
        log("libcampaign: import %s ..." % k)
        R["import"][k] = run_json([camp, "import", lib, k, files[k]])[0]
        save()
    if "no_audit" not in skip:
        # the audit log's cost: each file imported into fresh copies of the same store, with and
        # without the audit log, in alternation (the machine's noise hits both), medians taken
        R["audit_pair"] = {}
        repeat = a.repeat or (1 if a.size == "L" else 3)
        pair = os.path.join(data, "pair.db")
        for k in KINDS:
            log("audit cost (measurement only): import %s with and without, %d x ..." % (k, repeat))
            runs = {"with": [], "without": []}
            for _ in range(repeat):
                for mode, extra in (("with", []), ("without", ["--no-audit"])):
                    copy_store(base, pair)
                    runs[mode].append(run_json([camp, "import", pair, k, files[k]] + extra)[0]["seconds"])
            R["audit_pair"][k] = {m: sorted(v)[len(v) // 2] for m, v in runs.items()}
            R["audit_pair"][k]["runs"] = runs
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(pair + suffix):
                os.remove(pair + suffix)
    if "big_plan" not in skip and a.size != "S":
        # issue 19: a plan of 200,000 measures (about 120 MB), streamed; generated once
        big = os.path.join(work, "bigplan-%d" % a.seed, "plan.yaml")
        if not os.path.exists(big):
            log("generating the big plan (200,000 measures) ...")
            subprocess.run([PY, os.path.join(HERE, "gen.py"), "--size", "M", "--seed", str(a.seed), "--plan-measures",
                            "200000", "--out", os.path.dirname(big)], check=True, stdout=subprocess.DEVNULL)
        log("libcampaign: big plan ...")
        R["big_plan"] = run_json([camp, "setup", os.path.join(data, "bigplan.db"), big, MODEL] + CATALOGUES)[0]
        R["big_plan"]["file_mib"] = os.path.getsize(big) / 2**20
        os.remove(os.path.join(data, "bigplan.db"))
        save()
    if "peer" not in skip:
        log("peer: PyYAML CLoader + sqlite3 ...")
        R["peer"] = {r["what"].split(".")[1]: r for r in
                     run_json([PY, os.path.join(HERE, "peer.py"), data, os.path.join(data, "peer.db"), MODEL] + CATALOGUES)}
    if "queries" not in skip:
        log("queries ...")
        R["queries"] = {r["what"][6:]: r for r in run_json([camp, "query", lib, man["unit"], man["outcome"], man["as_of"],
                                                            "土地", "5" if a.size != "L" else "3"])}
        ev = os.path.join(data, "evaluate.db")
        copy_store(lib, ev)
        try:
            R["evaluate"] = run_json([camp, "evaluate", ev, "2011-12-31"])[0]
        except subprocess.CalledProcessError as e:
            R["evaluate"] = {"seconds": 0, "rows": 0, "error": str(e)}
            log("evaluation failed:", e)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(ev + suffix):
                os.remove(ev + suffix)
    R["db_mib"] = os.path.getsize(lib) / 2**20
    save()
    if "dashboard" not in skip:
        # issue 20: the one-page dashboard of the whole store, written by the CLI in a process of its own
        log("dashboard ...")
        R["dashboard"] = dashboard(build, lib, man["as_of"], os.path.join(data, "dashboard.html"))
        save()
    if "bindings" not in skip:
        log("iterating %d rows: C, Python, Java ..." % a.iterate)
        env = dict(os.environ, PYTHONPATH=os.path.join(build, "python"))
        R["iterate"] = {"c": run_json([camp, "iterate", lib, str(a.iterate)])[0],
                        "python": run_json([PY, os.path.join(HERE, "iter.py"), "iterate", lib, str(a.iterate)], env)[0]}
        jar = os.path.join(build, "java", "campaign.jar")
        if shutil.which("java") and os.path.exists(jar):
            java = ["java", "-Djava.library.path=" + os.path.join(build, "java"), "-cp", jar, os.path.join(HERE, "Iter.java")]
            R["iterate"]["java"] = run_json(java + ["iterate", lib, str(a.iterate)])[0]
        log("bulk import of progress from Python and Java ...")
        R["binding_import"] = {}
        for lang, cmd in (("python", [PY, os.path.join(HERE, "iter.py"), "import"]),
                          ("java", (java + ["import"]) if "java" in R["iterate"] else None)):
            if cmd:
                st = os.path.join(data, "binding.db")
                copy_store(base, st)
                R["binding_import"][lang] = run_json(cmd + [st, files["progress"]], env)[0]
                os.remove(st)
    if "sites" not in skip:
        # issue 17: the province of county stores, each bundle applied at the province (bench/sites.py)
        n = a.counties or (200 if a.size == "L" else None)
        log("multi-site: county stores, bundles applied at the province ...")
        env = dict(os.environ, PYTHONPATH=os.path.join(build, "python"))
        out = run_json([PY, os.path.join(HERE, "sites.py"), data] + (["--counties", str(n)] if n else []), env)
        R["sites"] = out[-1]
        save()
    R["total_seconds"] = time.monotonic() - t_start
    with open(os.path.join(data, "results.json"), "w", encoding="utf-8") as f:
        json.dump(R, f, ensure_ascii=False, indent=1)
    report(R)


def report(R):
    p = print
    p("\nlibcampaign benchmark, size %s (seed %d)\nmachine: %s" % (R["size"], R["seed"], R["machine"]))
    p("rows: " + ", ".join("%s %d (%.1f MiB)" % (k, R["rows"][k], R["file_mib"][k]) for k in KINDS))
    p("\nimport, per file (seconds; peak RSS of the process; \"no audit\" and \"audit+\": medians of paired runs "
      "on fresh copies of the store)")
    p("%-10s %9s %9s %9s %11s %11s %11s %9s %9s %9s" % ("file", "parse", "insert", "limit", "libcampaign", "no audit",
                                                     "peer", "lib/lim", "peer/lib", "audit+"))
    tot = dict(parse=0, insert=0, lib=0, na=0, aw=0, peer=0)
    for k in KINDS:
        ps, ins = R["parse"][k]["seconds"], R["insert"][k]["seconds"]
        ins_only = max(ins - ps, 0)  # limit_insert reads the CSV too
        lib = R["import"][k]["seconds"]
        pair = R.get("audit_pair", {}).get(k)
        na, aw = (pair["without"], pair["with"]) if pair else (None, None)
        peer = R.get("peer", {}).get(k, {}).get("seconds")
        tot["parse"] += ps
        tot["insert"] += ins_only
        tot["lib"] += lib
        tot["na"] += na or 0
        tot["aw"] += aw or 0
        tot["peer"] += peer or 0
        p("%-10s %9.3f %9.3f %9.3f %11.3f %11s %11s %9.2f %9s %9s" % (
            k, ps, ins_only, ps + ins_only, lib, "%.3f" % na if na else "-", "%.3f" % peer if peer else "-",
            lib / (ps + ins_only), "%.2f" % (peer / lib) if peer else "-", "%+.0f%%" % (100 * (aw / na - 1)) if na else "-"))
    lim = tot["parse"] + tot["insert"]
    p("%-10s %9.3f %9.3f %9.3f %11.3f %11.3f %11.3f %9.2f %9.2f %9s" % (
        "all", tot["parse"], tot["insert"], lim, tot["lib"], tot["na"], tot["peer"], tot["lib"] / lim,
        tot["peer"] / tot["lib"] if tot["peer"] else 0, "%+.0f%%" % (100 * (tot["aw"] / tot["na"] - 1)) if tot["na"] else "-"))
    p("plan import: %s; store after import: %.0f MiB" % (fmt_s(R["plan"]["seconds"]), R["db_mib"]))
    if "big_plan" in R:
        bp = R["big_plan"]
        p("big plan (200,000 measures, %.0f MB): %s, peak RSS %.0f MiB (the process, with the file read whole)"
          % (bp["file_mib"] * 2**20 / 1e6, fmt_s(bp["seconds"]), bp["maxrss_kb"] / 1024))
    mem = {k: R["import"][k]["maxrss_kb"] / 1024 for k in KINDS}
    p("peak RSS of libcampaign's import: " + ", ".join("%s %.0f MiB" % (k, v) for k, v in mem.items()) +
      "; limit_insert %.0f MiB; peer %s" % (max(r["maxrss_kb"] for r in R["insert"].values()) / 1024,
                                           "%.0f MiB" % (max(r["maxrss_kb"] for r in R["peer"].values()) / 1024)
                                           if "peer" in R else "-"))
    if "queries" in R:
        p("\nqueries (median of runs, whole result read)")
        for name, q in R["queries"].items():
            p("  %-20s %10s  %7d rows" % (name, fmt_s(q["seconds"]), q["rows"]))
        p("  %-20s %10s  %7d proposals" % ("accountability_eval", fmt_s(R["evaluate"]["seconds"]), R["evaluate"]["rows"]))
    if "iterate" in R:
        c = R["iterate"]["c"]["seconds"]
        p("\niterating %d progress-history rows" % R["iterate"]["c"]["rows"])
        for lang, r in R["iterate"].items():
            p("  %-7s %9.3f s  %5.2f x C" % (lang, r["seconds"], r["seconds"] / c))
        ci = R["import"]["progress"]["seconds"]
        for lang, r in R.get("binding_import", {}).items():
            p("  import progress from %-7s %8.3f s  %5.2f x C" % (lang, r["seconds"], r["seconds"] / ci))
    if "sites" in R:
        S = R["sites"]
        fc = S["first_contact"]
        p("\nmulti-site (issue 17): %d county stores, %d rows in all (%s), one bundle each, applied at the province"
          % (S["counties"], S["rows"], ", ".join("%s %d" % kv for kv in S["rows_by_kind"].items())))
        p("  import at the counties %8.3f s  %7.1f us/row" % (S["import_seconds"], S["import_us_per_row"]))
        p("  export                 %8.3f s" % S["export_seconds"])
        p("  apply at the province  %8.3f s  %7.1f us/row  (first tenth of the counties %.1f, last %.1f)"
          % (S["apply_seconds"], S["apply_us_per_row"], S["apply_us_per_row_first_tenth"], S["apply_us_per_row_last_tenth"]))
        p("  bundles %.1f MiB, %.0f bytes/row; province store %.0f MiB (a county with the plan: %.0f MiB)"
          % (S["bundle_bytes"] / 2**20, S["bundle_bytes_per_row"], S["province_mib"], S["county_template_mib"]))
        p("  plan down to a county: bundle %.1f MiB, apply %s; a county's first bundle up (its chain: the plan's "
          "receipt, %d entries): %.1f MiB, apply %s, +%.0f MiB at the province"
          % (S["plan_down"]["bundle_bytes"] / 2**20, fmt_s(S["plan_down"]["apply_seconds"]), fc["audit_entries"],
             fc["bundle_bytes"] / 2**20, fmt_s(fc["apply_seconds"]), fc["province_growth_mib"]))
        op = S["outbox_pruned"]
        p("  a county's outbox: %d rows, %.1f MiB before the province's acknowledgement, %d rows, %d bytes after"
          % (op["before_rows"], op["before_bytes"] / 2**20, op["after_rows"], op["after_bytes"]))
        x = S["extrapolated_3000"]
        p("  3,000 counties alike: apply %.2f h, bundles %.1f GiB, province store %.0f GiB; first contacts %.2f h, "
          "+%.0f GiB" % (x["apply_hours"], x["bundles_gib"], x["province_gib"], x["first_contact_hours"],
                         x["first_contact_gib"]))
        if S.get("verify"):
            p("  verify at the province: %s, %d problems" % (fmt_s(S["verify"]["seconds"]), S["verify"]["problems"]))
    p("\ntargets (issue 9)")
    ok = lambda b: "met" if b else "MISSED"
    r1 = tot["lib"] / lim
    p("  import <= 1.5 x (parse + insert limit):   %.2f x   %s" % (r1, ok(r1 <= 1.5)))
    if tot["peer"]:
        r2 = tot["peer"] / tot["lib"]
        p("  import >= 10 x faster than the peer:      %.2f x   %s  (the peer itself is %.2f x the limit)" % (
            r2, ok(r2 >= 10), tot["peer"] / lim))
    if tot["na"]:
        r3 = tot["aw"] / tot["na"] - 1
        p("  audit log slows a bulk import <= 30%%:     %+.0f%%    %s  (issue 8)" % (100 * r3, ok(r3 <= 0.3)))
    peak = max(mem.values())
    p("  peak memory of an import <= 256 MiB:      %.0f MiB  %s  (compare M and L for growth)" % (peak, ok(peak <= 256)))
    if "iterate" in R:
        worst = max(r["seconds"] for r in R["iterate"].values()) / R["iterate"]["c"]["seconds"]
        p("  bindings iterate within 1.5 x of C:       %.2f x   %s  (issue 19)" % (worst, ok(worst <= 1.5)))
    if "dashboard" in R:
        dash = R["dashboard"]
        met = dash["seconds"] < 1 and dash["bytes"] < 5e6
        p("  dashboard at M < 1 s, < 5 MB:             %.2f s (CPU %.2f s), %.2f MB   %s" % (
            dash["seconds"], dash["cpu_seconds"], dash["bytes"] / 1e6,
            (ok(met) if R["size"] == "M" else "(size %s: the target is M's)" % R["size"]) + "  (issue 20)"))
    p("  indexed queries grow <= 2 x from M to L: compare results.json of M and L (bench/compare.py)")
    if "sites" in R:
        r5 = R["sites"]["apply_over_import"]
        p("  apply at the province <= 1.5 x import, per row:  %.2f x   %s  (issue 19)" % (r5, ok(r5 <= 1.5)))
    p("\ntotal %.0f s; results in %s" % (R["total_seconds"], "WORK/%s/results.json" % R["size"]))


if __name__ == "__main__":
    main()
