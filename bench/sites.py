#!/usr/bin/python3
"""Multi-site at scale (issue 17, item 7): a province of N county stores, each
importing its own rows of the size's files and exporting them in one signed
bundle, applied at the province.

    PYTHONPATH=BUILD/python /usr/bin/python3 bench/sites.py DATA [--counties N] [--verify]

DATA is a directory bench/gen.py wrote (plan.yaml, progress.csv, risk.csv,
findings.csv, manifest.json); bench/run.py runs this with its data. The rows
of the county-level bureaus are split by unit, one county store each (the
rows of the top's own departments stay out). Prints JSON lines: one per
county ({"what": "sites.county", ...}) and a summary ({"what": "sites", ...}).

Set-up, not measured: the province imports the plan, the model, the
catalogues and the rules, and sends the plan down to the first county once;
every other county starts from a copy of that county's store, its site code
and unit re-set with sqlite3 (every county signs with the same key, which the
province records for each code: the signature checked per part costs the
same). Each county store is deleted once its bundle is applied, so the disk
holds one county at a time. Measured per county: the import of its rows
through the library (the import cost per row), the export, the bundle's
size, and the apply at the province (the apply cost per row). No timing is
asserted: the ratio is reported against issue 19's target (apply <= 1.5 x
import per row).
"""
import argparse
import csv
import json
import os
import shutil
import sqlite3
import sys
import time

import campaign

HERE = os.path.dirname(os.path.abspath(__file__))
EX = os.path.join(os.path.dirname(HERE), "examples")
MODEL = os.path.join(EX, "models", "matrix-5x5.yaml")
CATALOGUES = [os.path.join(EX, "catalogues", "ten-categories.yaml"), os.path.join(EX, "catalogues", "five-behaviours.yaml")]
RULES = os.path.join(EX, "rules", "leshan-2010.yaml")
KINDS = ("progress", "risk", "findings")
TOP = "510000"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def emit(d):
    print(json.dumps(d, ensure_ascii=False), flush=True)


def remove_store(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def copy_store(src, dst):
    remove_store(dst)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)


def split_rows(data, units, out):
    """Each county's rows of each file, as a CSV of its own; returns {unit: {kind: rows}}."""
    counts = {u: dict.fromkeys(KINDS, 0) for u in units}
    for k in KINDS:
        with open(os.path.join(data, k + ".csv"), encoding="utf-8", newline="") as f:
            r = csv.reader(f)
            head = next(r)
            col = head.index("unit")
            writers, files = {}, []
            for row in r:
                u = row[col]
                if u not in counts:
                    continue
                w = writers.get(u)
                if w is None:
                    fh = open(os.path.join(out, "%s.%s.csv" % (u, k)), "w", encoding="utf-8", newline="")
                    files.append(fh)
                    w = writers[u] = csv.writer(fh, lineterminator="\r\n")
                    w.writerow(head)
                w.writerow(row)
                counts[u][k] += 1
            for fh in files:
                fh.close()
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--counties", type=int, help="how many county stores (default: every county-level bureau)")
    ap.add_argument("--verify", action="store_true", help="verify the province's store at the end (slow at M)")
    a = ap.parse_args()
    with open(os.path.join(a.data, "manifest.json"), encoding="utf-8") as f:
        man = json.load(f)
    work = os.path.join(a.data, "sites")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # the county-level bureaus: the plan's group "counties"
    province_db = os.path.join(work, "province.db")
    key_p, key_c = campaign.audit_keygen(), campaign.audit_keygen()
    pub_c = campaign.audit_public_key(key_c)
    t0 = time.monotonic()
    p = campaign.Store(province_db, signing_key=key_p)
    p.site_init(code=TOP, name="省厅", actor="admin")
    p.plan_import_file(os.path.join(a.data, "plan.yaml"), actor="bench")
    p.risk_model_import_file(path=MODEL, actor="bench")
    for c in CATALOGUES:
        p.catalogue_import_file(path=c, actor="bench")
    p.rules_import_file(path=RULES, actor="bench")
    units = [r.unit for r in p.unit_group_members_query(group="counties")]
    if a.counties:
        units = units[:a.counties]
    codes = {u: "51%04d" % (i + 1) for i, u in enumerate(units)}
    for u in units:
        p.site_add_peer(code=codes[u], name=u, parent=TOP, unit=u, public_key=pub_c, actor="admin")
    setup_s = time.monotonic() - t0
    log("sites: %d counties; splitting the rows ..." % len(units))
    counts = split_rows(a.data, set(units), work)

    # the first county receives the plan; the others start from a copy of it
    template = os.path.join(work, "template.db")
    t = campaign.Store(template, signing_key=key_c)
    t.site_init(code=codes[units[0]], name=units[0], parent=TOP, unit=units[0], actor="admin")
    t.site_add_peer(code=TOP, name="省厅", public_key=campaign.audit_public_key(key_p), actor="admin")
    down = os.path.join(work, "plan.bundle")
    t1 = time.monotonic()
    p.sync_export(to_site=codes[units[0]], path=down, actor="bench")
    t2 = time.monotonic()
    t.sync_apply(down, actor="bench")
    t3 = time.monotonic()
    plan = {"export_seconds": t2 - t1, "apply_seconds": t3 - t2, "bundle_bytes": os.path.getsize(down)}
    os.remove(down)
    # first contact: the county's first bundle up carries its whole chain so far, the plan's receipt
    # (one entry per row received: outcome shares are not batched) -- once per county, measured once
    first = os.path.join(work, "first.bundle")
    size0 = os.path.getsize(province_db)
    t.sync_export(to_site=TOP, path=first, actor="county")
    t4 = time.monotonic()
    p.sync_apply(first, actor="province")
    t5 = time.monotonic()
    t.close()
    con = sqlite3.connect(province_db)
    entries = con.execute("SELECT count(*) FROM audit_remote WHERE site = ?", (codes[units[0]],)).fetchone()[0]
    head = con.execute("SELECT received, head_seq, head_hash, received_at FROM sync_peer WHERE site = ?",
                       (codes[units[0]],)).fetchone()
    con.close()
    first_contact = {"bundle_bytes": os.path.getsize(first), "apply_seconds": t5 - t4, "audit_entries": entries,
                     "province_growth_mib": (os.path.getsize(province_db) - size0) / 2**20}
    os.remove(first)

    tot = dict(rows=0, import_s=0.0, export_s=0.0, apply_s=0.0, bundle=0, outbox=0)
    per = []
    county_db = os.path.join(work, "county.db")
    for i, u in enumerate(units):
        copy_store(template, county_db)
        if i:
            # another county, whose first contact is taken as made: the province holds its chain head
            con = sqlite3.connect(county_db)
            con.execute("UPDATE site SET code = ?, name = ?, unit = ? WHERE self = 1", (codes[u], u, u))
            con.commit()
            con.close()
            p.close()
            con = sqlite3.connect(province_db)
            con.execute("INSERT INTO sync_peer (site, received, head_seq, head_hash, received_at) VALUES (?, ?, ?, ?, ?)",
                        (codes[u],) + tuple(head))
            con.commit()
            con.close()
            p = campaign.Store(province_db, signing_key=key_p)
        c = campaign.Store(county_db, signing_key=key_c)
        rows = sum(counts[u].values())
        ti = time.monotonic()
        for k in KINDS:
            if not counts[u][k]:
                continue
            path = os.path.join(work, "%s.%s.csv" % (u, k))
            if k == "progress":
                c.progress_import_file(path=path, actor="county")
            elif k == "risk":
                c.risk_register_import_file(path=path, actor="county")
            else:
                c.findings_import_file(path=path, actor="county")
            os.remove(path)
        te = time.monotonic()
        bundle = os.path.join(work, "up.bundle")
        c.sync_export(to_site=TOP, path=bundle, actor="county")
        tx = time.monotonic()
        report = json.loads(p.sync_apply(bundle, actor="province"))
        ta = time.monotonic()
        changes = sum(x["changes"] for x in report["parts"])
        size = os.path.getsize(bundle)
        os.remove(bundle)
        c.close()
        con = sqlite3.connect(county_db)
        outbox = con.execute("SELECT count(*), coalesce(sum(length(changeset)), 0) FROM sync_outbox").fetchone()
        con.close()
        rec = {"what": "sites.county", "unit": u, "code": codes[u], "rows": rows, "changes": changes,
               "import_seconds": te - ti, "export_seconds": tx - te, "apply_seconds": ta - tx, "bundle_bytes": size,
               "outbox_rows": outbox[0], "outbox_bytes": outbox[1]}
        per.append(rec)
        emit(rec)
        tot["rows"] += rows
        tot["import_s"] += te - ti
        tot["export_s"] += tx - te
        tot["apply_s"] += ta - tx
        tot["bundle"] += size
        tot["outbox"] += outbox[1]
        if i == 0:
            # the acknowledgement: the province's next bundle down prunes the county's outbox
            ack = os.path.join(work, "ack.bundle")
            p.sync_export(to_site=codes[u], path=ack, actor="province")
            c = campaign.Store(county_db, signing_key=key_c)
            c.sync_apply(ack, actor="county")
            c.close()
            os.remove(ack)
            con = sqlite3.connect(county_db)
            after = con.execute("SELECT count(*), coalesce(sum(length(changeset)), 0) FROM sync_outbox").fetchone()
            con.close()
            pruned = {"before_rows": outbox[0], "before_bytes": outbox[1], "after_rows": after[0], "after_bytes": after[1]}
        if i % 20 == 19:
            log("sites: %d of %d counties applied" % (i + 1, len(units)))
    remove_store(county_db)
    county_mib = os.path.getsize(template) / 2**20
    remove_store(template)
    p.close()
    prov_mib = os.path.getsize(province_db) / 2**20
    verify = None
    if a.verify:
        p = campaign.Store(province_db, signing_key=key_p)
        tv = time.monotonic()
        problems = list(p.audit_verify())
        verify = {"seconds": time.monotonic() - tv, "problems": len(problems)}
        p.close()
    tenth = max(1, len(per) // 10)
    first = sum(r["apply_seconds"] for r in per[:tenth]) / sum(r["rows"] for r in per[:tenth])
    last = sum(r["apply_seconds"] for r in per[-tenth:]) / sum(r["rows"] for r in per[-tenth:])
    n = len(units)
    emit({"what": "sites", "counties": n, "rows": tot["rows"], "rows_by_kind": {k: sum(counts[u][k] for u in units)
                                                                                  for k in KINDS},
          "setup_seconds": setup_s, "plan_down": plan, "first_contact": first_contact, "import_seconds": tot["import_s"],
          "export_seconds": tot["export_s"], "apply_seconds": tot["apply_s"], "bundle_bytes": tot["bundle"],
          "import_us_per_row": 1e6 * tot["import_s"] / tot["rows"], "apply_us_per_row": 1e6 * tot["apply_s"] / tot["rows"],
          "apply_over_import": tot["apply_s"] / tot["import_s"], "bundle_bytes_per_row": tot["bundle"] / tot["rows"],
          "apply_us_per_row_first_tenth": 1e6 * first, "apply_us_per_row_last_tenth": 1e6 * last,
          "province_mib": prov_mib, "county_template_mib": county_mib, "outbox_pruned": pruned, "verify": verify,
          "extrapolated_3000": {"apply_hours": tot["apply_s"] / n * 3000 / 3600,
                                "first_contact_hours": first_contact["apply_seconds"] * 3000 / 3600,
                                "first_contact_gib": first_contact["province_growth_mib"] * 3000 / 1024,
                                "bundles_gib": tot["bundle"] / n * 3000 / 2**30,
                                "province_gib": (county_mib + (prov_mib - county_mib) / n * 3000) / 1024}})


if __name__ == "__main__":
    main()
