"""A store written from Java reads the same from Python and from C (the CLI).
Run by ctest after the Java suite wrote it (not collected by the main suite)."""
import json
import os
import subprocess

import campaign

NAME = "𠀀𪚥监察员"


def test_java_store_reads_identical():
    path = os.environ["CAMPAIGN_JAVA_STORE"]
    with campaign.open(path, campaign.OPEN_READONLY) as db:
        assert [u.name for u in db.units_query("interop")] == [NAME]
        assert [u.name.encode("utf-8") for u in db.units_query("interop")] == [NAME.encode("utf-8")]
        report = next(db.progress_history_query(outcome="t2.4.o1", campaign="leshan-ltyg-2010"))
        assert (report.outcome, report.unit, report.actor) == ("t2.4.o1", "jiancha", "java")
        assert report.note == "Java 写入 " + NAME
        assert len(list(db.measures_query(campaign="leshan-ltyg-2010"))) == 35
        assert [p for p in db.audit_verify() if p.severity == "problem"] == []
    # and from C
    out = subprocess.run([os.environ["CAMPAIGN_CLI"], "show", "--db", path, "--campaign", "interop", "--format", "json"],
                         check=True, capture_output=True).stdout
    units = json.loads(out.decode("utf-8"))["units"]
    assert [u["name"] for u in units] == [NAME]


def test_same_report_in_java_python_and_c():
    path = os.environ["CAMPAIGN_JAVA_STORE"]
    with open(path + ".report", encoding="utf-8") as f:
        java = f.read()
    with campaign.open(path, campaign.OPEN_READONLY) as db:
        python = "".join("%s %s %d %s\n" % (o.outcome, o.color, o.days_late, o.owing or "-")
                         for o in db.outcome_status_query(as_of="2010-12-01", campaign="leshan-ltyg-2010"))
    assert python == java
    out = subprocess.run([os.environ["CAMPAIGN_CLI"], "report", "--db", path, "--campaign", "leshan-ltyg-2010",
                          "--as-of", "2010-12-01", "--format", "json"], check=True, capture_output=True).stdout
    c = json.loads(out.decode("utf-8"))
    red = [line.split()[0] for line in python.splitlines() if line.split()[1] == "red"]
    assert [o["id"] for o in c["overdue"]] == red
    assert red == ["t1.2.o1", "t2.1.o1", "t2.4.o2", "t3.1.o1", "t3.2.o4", "t3.3.o2"]
    assert [(o["outcome"], o["color"]) for o in c["outcomes"]] == [tuple(l.split()[:2]) for l in python.splitlines()]
