#!/usr/bin/python3
"""The peer: what a bureau's integrator would otherwise write in Python with
PyYAML's C loader and the sqlite3 module -- the same files imported, checked
(unknown units and outcomes, shares, statuses, percents, dates, risk types,
grades from the same 5x5 matrix model, categories, origins, amounts) and
inserted into an equivalent schema (the same tables for the rows, the same
indexes, a trigram FTS5 index of findings), one transaction per file, with
the store's settings (WAL, synchronous=NORMAL, foreign keys, 64 MiB cache).
No audit log: a script like this has none.

    /usr/bin/python3 bench/peer.py DATA_DIR STORE MODEL.yaml CATALOGUE.yaml...

Prints one JSON line per file (seconds, rows, peak memory so far).
"""
import csv
import json
import os
import re
import resource
import sqlite3
import sys
import time
import uuid

import yaml

SCHEMA = """
CREATE TABLE campaign (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, period TEXT);
CREATE TABLE unit (rid INTEGER PRIMARY KEY, campaign INTEGER NOT NULL REFERENCES campaign(rid), id TEXT NOT NULL,
  ord INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, parent INTEGER REFERENCES unit(rid), UNIQUE (campaign, id));
CREATE TABLE unit_group (rid INTEGER PRIMARY KEY, campaign INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
  UNIQUE (campaign, id));
CREATE TABLE unit_group_member (grp INTEGER NOT NULL REFERENCES unit_group(rid), unit INTEGER NOT NULL REFERENCES unit(rid),
  ord INTEGER NOT NULL, PRIMARY KEY (grp, unit)) WITHOUT ROWID;
CREATE TABLE task (rid INTEGER PRIMARY KEY, campaign INTEGER NOT NULL, id TEXT NOT NULL, ord INTEGER NOT NULL,
  parent INTEGER REFERENCES task(rid), title TEXT NOT NULL, objective TEXT, UNIQUE (campaign, id));
CREATE TABLE measure (rid INTEGER PRIMARY KEY, campaign INTEGER NOT NULL, task INTEGER NOT NULL REFERENCES task(rid),
  id TEXT NOT NULL, ord INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (campaign, id));
CREATE TABLE responsibility (rid INTEGER PRIMARY KEY, measure INTEGER NOT NULL REFERENCES measure(rid), ord INTEGER NOT NULL,
  role TEXT NOT NULL, unit INTEGER REFERENCES unit(rid), grp INTEGER REFERENCES unit_group(rid), written TEXT, condition TEXT);
CREATE TABLE outcome (rid INTEGER PRIMARY KEY, campaign INTEGER NOT NULL, task INTEGER NOT NULL REFERENCES task(rid),
  id TEXT NOT NULL, ord INTEGER NOT NULL, text TEXT NOT NULL, deadline_text TEXT, UNIQUE (campaign, id));
CREATE TABLE outcome_share (outcome INTEGER NOT NULL REFERENCES outcome(rid), unit INTEGER NOT NULL REFERENCES unit(rid),
  PRIMARY KEY (outcome, unit)) WITHOUT ROWID;
CREATE INDEX outcome_share_unit ON outcome_share(unit);
CREATE TABLE progress_report (id TEXT PRIMARY KEY, outcome INTEGER NOT NULL, unit INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','done','blocked')),
  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100), reported_on TEXT NOT NULL, note TEXT, evidence TEXT,
  actor TEXT NOT NULL, recorded_at TEXT NOT NULL,
  FOREIGN KEY (outcome, unit) REFERENCES outcome_share(outcome, unit));
CREATE INDEX progress_report_share ON progress_report(outcome, unit, reported_on, id);
CREATE INDEX progress_report_unit ON progress_report(unit);
CREATE TABLE risk_point (id TEXT PRIMARY KEY, campaign INTEGER NOT NULL, unit INTEGER NOT NULL REFERENCES unit(rid),
  scope TEXT NOT NULL, scope_name TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, description TEXT,
  manifestations TEXT, owner TEXT, leader TEXT, status TEXT NOT NULL DEFAULT 'active', inputs TEXT NOT NULL,
  assessment TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX risk_point_campaign ON risk_point(campaign, unit, id);
CREATE INDEX risk_point_unit ON risk_point(unit, status);
CREATE INDEX risk_point_type ON risk_point(type);
CREATE INDEX risk_point_assessment ON risk_point(assessment);
CREATE TABLE risk_assessment (id TEXT PRIMARY KEY, point TEXT NOT NULL REFERENCES risk_point(id), model TEXT NOT NULL,
  inputs TEXT NOT NULL, likelihood INTEGER, impact INTEGER, grade TEXT NOT NULL, reason TEXT NOT NULL,
  graded_on TEXT NOT NULL, actor TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE INDEX risk_assessment_point ON risk_assessment(point, recorded_at, id);
CREATE INDEX risk_assessment_model ON risk_assessment(model);
CREATE TABLE risk_point_history (id TEXT PRIMARY KEY, point TEXT NOT NULL REFERENCES risk_point(id), operation TEXT NOT NULL,
  field TEXT NOT NULL, before TEXT, after TEXT, actor TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE INDEX risk_point_history_point ON risk_point_history(point, recorded_at, id);
CREATE TABLE category (rid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, text TEXT NOT NULL);
CREATE TABLE finding (id TEXT PRIMARY KEY, campaign INTEGER NOT NULL, unit INTEGER NOT NULL REFERENCES unit(rid),
  category INTEGER REFERENCES category(rid), origin TEXT NOT NULL, people TEXT, description TEXT NOT NULL,
  amount_fen INTEGER, found_on TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE INDEX finding_campaign ON finding(campaign, found_on, id);
CREATE INDEX finding_unit ON finding(unit, found_on);
CREATE INDEX finding_category ON finding(category);
CREATE VIRTUAL TABLE finding_fts USING fts5(body, tokenize = 'trigram');
"""

DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
STATUSES = {"not_started", "in_progress", "done", "blocked"}
SCOPES = {"post", "business", "process_step"}
TYPES = {"思想道德": "moral", "制度机制": "institutional", "岗位职责": "post", "业务流程": "process", "外部环境": "external"}
ORIGINS = {"self_reported", "investigated", "inspection_tour", "citizen_report", "audit"}
ACTOR = "bench"


def emit(what, t0, rows):
    print(json.dumps(dict(what=what, seconds=round(time.monotonic() - t0, 6), rows=rows,
                          maxrss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)), flush=True)


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Peer:
    def __init__(self, store):
        if os.path.exists(store):
            os.remove(store)
        self.db = sqlite3.connect(store, isolation_level=None)
        self.db.executescript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                              "PRAGMA cache_size = -65536;")
        self.db.executescript(SCHEMA)

    def plan(self, path):
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=yaml.CLoader)
        db = self.db
        db.execute("BEGIN")
        c = doc["campaign"]
        crid = db.execute("INSERT INTO campaign (id, title, period) VALUES (?, ?, ?)",
                          (c["id"], c["title"], c["period"])).lastrowid
        self.crid, self.units, groups, ord_ = crid, {}, {}, [0]

        def add_units(lst, parent):
            for u in lst:
                ord_[0] += 1
                self.units[u["id"]] = db.execute(
                    "INSERT INTO unit (campaign, id, ord, name, kind, parent) VALUES (?,?,?,?,?,?)",
                    (crid, u["id"], ord_[0], u["name"], u["kind"], parent)).lastrowid
                add_units(u.get("units", []), self.units[u["id"]])
        add_units(doc["units"], None)
        members = {}
        for g in doc.get("unit_groups", []):
            groups[g["id"]] = db.execute("INSERT INTO unit_group (campaign, id, name) VALUES (?,?,?)",
                                         (crid, g["id"], g["name"])).lastrowid
            # a derived group (各牵头科室: derive: lead-departments) owes milestones only, which the
            # peer does not model; its members are left empty
            members[g["id"]] = [self.units[m] for m in g.get("members", [])]
            db.executemany("INSERT INTO unit_group_member (grp, unit, ord) VALUES (?,?,?)",
                           [(groups[g["id"]], u, i) for i, u in enumerate(members[g["id"]])])
        self.outcomes, self.shares = {}, set()
        k = [0]

        def ref(r):
            if isinstance(r, str):
                return (None, groups[r], r) if r in groups else (self.units[r], None, r)
            if "unit" in r:
                return self.units[r["unit"]], None, r.get("as")
            return None, groups[r["unit_group"]], r.get("as")

        def expand(u, g):
            return [u] if u else members_by_rid[g]
        members_by_rid = {groups[g]: m for g, m in members.items()}

        def add_tasks(lst, parent):
            for t in lst:
                k[0] += 1
                trid = db.execute("INSERT INTO task (campaign, id, ord, parent, title, objective) VALUES (?,?,?,?,?,?)",
                                  (crid, t["id"], k[0], parent, t["title"], t.get("objective"))).lastrowid
                leads, named = set(), set()
                for m in t.get("measures", []):
                    k[0] += 1
                    mrid = db.execute("INSERT INTO measure (campaign, task, id, ord, text) VALUES (?,?,?,?,?)",
                                      (crid, trid, m["id"], k[0], m["text"])).lastrowid
                    for role in ("lead", "support"):
                        for i, r in enumerate(m.get(role) or []):
                            u, g, w = ref(r)
                            db.execute("INSERT INTO responsibility (measure, ord, role, unit, grp, written) "
                                       "VALUES (?,?,?,?,?,?)", (mrid, i, role, u, g, w))
                            (leads if role == "lead" else named).update(expand(u, g))
                owers = leads or named
                for o in t.get("outcomes", []):
                    k[0] += 1
                    orid = db.execute("INSERT INTO outcome (campaign, task, id, ord, text, deadline_text) "
                                      "VALUES (?,?,?,?,?,?)",
                                      (crid, trid, o["id"], k[0], o["text"], o.get("deadline"))).lastrowid
                    self.outcomes[o["id"]] = orid
                    # the plan's owners where it names them, else the task's leads
                    owed = [x for r in o["owners"] for x in expand(*ref(r)[:2])] if "owners" in o else owers
                    for u in owed:
                        self.shares.add((orid, u))
                    db.executemany("INSERT OR IGNORE INTO outcome_share (outcome, unit) VALUES (?,?)",
                                   [(orid, u) for u in owed])
                add_tasks(t.get("tasks", []), trid)
        add_tasks(doc["tasks"], None)
        db.execute("COMMIT")
        return len(self.units)

    def model(self, path):
        with open(path, encoding="utf-8") as f:
            m = yaml.load(f, Loader=yaml.CLoader)
        labels = {g["id"]: g["label"] for g in m["grades"]}
        self.model_id = m["model"]["id"]
        self.cells = {(l + 1, i + 1): (g, labels[g]) for l, row in enumerate(m["cells"]) for i, g in enumerate(row)}

    def catalogues(self, paths):
        self.categories = {}
        for p in paths:
            with open(p, encoding="utf-8") as f:
                c = yaml.load(f, Loader=yaml.CLoader)
            for cat in c["categories"]:
                key = "%s/%s" % (c["catalogue"]["id"], cat["id"])
                self.categories[key] = self.db.execute("INSERT INTO category (key, text) VALUES (?,?)",
                                                       (key, cat["text"])).lastrowid

    def progress(self, path):
        db, n, ts, batch = self.db, 0, now(), []
        sql = ("INSERT INTO progress_report (id, outcome, unit, status, percent, reported_on, note, evidence, actor, "
               "recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
        db.execute("BEGIN")
        with open(path, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                n += 1
                o, u = self.outcomes.get(r["outcome"]), self.units.get(r["unit"])
                if o is None or u is None or (o, u) not in self.shares:
                    raise SystemExit("%s: row %d: no such share" % (path, n))
                p = int(r["percent"])
                if r["status"] not in STATUSES or not 0 <= p <= 100 or not DATE.match(r["date"]) or \
                        (r["status"] == "done") != (p == 100) and r["status"] == "done":
                    raise SystemExit("%s: row %d: bad status, percent or date" % (path, n))
                batch.append((str(uuid.uuid4()), o, u, r["status"], p, r["date"], r["note"] or None,
                              r["evidence"] or None, ACTOR, ts))
                if len(batch) == 1000:
                    db.executemany(sql, batch)
                    batch.clear()
        db.executemany(sql, batch)
        db.execute("COMMIT")
        return n

    def each_row(self, path, add):
        """Calls add(path, n, row, ts) for each row n of the CSV file at path, all in one transaction; returns the
        count of rows."""
        db, n, ts = self.db, 0, now()
        db.execute("BEGIN")
        with open(path, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                n += 1
                add(path, n, r, ts)
        db.execute("COMMIT")
        return n

    def risk(self, path):
        return self.each_row(path, self.risk_row)

    def risk_row(self, path, n, r, ts):
        db = self.db
        u, t = self.units.get(r["unit"]), TYPES.get(r["type"])
        if u is None or t is None or r["scope"] not in SCOPES or not r["name"] or not DATE.match(r["graded_on"]):
            raise SystemExit("%s: row %d: bad unit, type, scope, name or date" % (path, n))
        inputs = dict(kv.split("=") for kv in r["inputs"].split(","))
        li, im = int(inputs["likelihood"]), int(inputs["impact"])
        grade, label = self.cells[(li, im)]
        aid = str(uuid.uuid4())
        canon = "impact=%d,likelihood=%d" % (im, li)
        db.execute("INSERT INTO risk_point (id, campaign, unit, scope, scope_name, type, name, description, "
                   "manifestations, owner, leader, inputs, assessment, created_by, created_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (r["id"], self.crid, u, r["scope"], r["scope_name"], t, r["name"], r["description"] or None,
                    r["manifestations"] or None, r["owner"] or None, r["leader"] or None, canon, aid, ACTOR, ts))
        db.execute("INSERT INTO risk_assessment (id, point, model, inputs, likelihood, impact, grade, reason, "
                   "graded_on, actor, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   (aid, r["id"], self.model_id, canon, li, im, grade, "import", r["graded_on"], ACTOR, ts))
        db.executemany("INSERT INTO risk_point_history (id, point, operation, field, before, after, actor, "
                       "recorded_at) VALUES (?,?,?,?,NULL,?,?,?)",
                       [(str(uuid.uuid4()), r["id"], "add", "name", r["name"], ACTOR, ts),
                        (str(uuid.uuid4()), r["id"], "import", "grade", "%s (%s@1)" % (label, self.model_id),
                         ACTOR, ts)])

    def findings(self, path):
        return self.each_row(path, self.findings_row)

    def findings_row(self, path, n, r, ts):
        db = self.db
        u = self.units.get(r["unit"])
        cat = self.categories.get(r["category"]) if r["category"] else None
        if u is None or (r["category"] and cat is None) or r["origin"] not in ORIGINS or \
                not r["description"] or not DATE.match(r["found_on"]):
            raise SystemExit("%s: row %d: bad unit, category, origin, description or date" % (path, n))
        fen = None
        if r["amount"]:
            y, _, c = r["amount"].partition(".")
            fen = int(y) * 100 + int((c + "00")[:2])
        rid = db.execute("INSERT INTO finding (id, campaign, unit, category, origin, people, description, "
                         "amount_fen, found_on, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                         (r["id"], self.crid, u, cat, r["origin"], r["people"] or None, r["description"], fen,
                          r["found_on"], ACTOR, ts)).lastrowid
        db.execute("INSERT INTO finding_fts (rowid, body) VALUES (?, ?)",
                   (rid, r["description"] + ("；" + r["people"] if r["people"] else "")))

def main():
    data, store, model, cats = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    peer = Peer(store)
    t0 = time.monotonic()
    n = peer.plan(os.path.join(data, "plan.yaml"))
    peer.model(model)
    peer.catalogues(cats)
    emit("peer.plan", t0, n)
    for kind in ("progress", "risk", "findings"):
        t0 = time.monotonic()
        n = getattr(peer, kind)(os.path.join(data, kind + ".csv"))
        emit("peer." + kind, t0, n)


if __name__ == "__main__":
    main()
