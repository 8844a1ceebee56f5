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
        assert [u.name for u in db.units("interop")] == [NAME]
        assert [u.name.encode("utf-8") for u in db.units("interop")] == [NAME.encode("utf-8")]
        report = next(db.progress_history(campaign="leshan-ltyg-2010"))
        assert (report.outcome, report.unit, report.actor) == ("t2.4.o1", "jiancha", "java")
        assert report.note == "Java 写入 " + NAME
        assert len(list(db.measures(campaign="leshan-ltyg-2010"))) == 35
        assert db.verify() == []
    # and from C
    out = subprocess.run([os.environ["CAMPAIGN_CLI"], "show", "--db", path, "--campaign", "interop", "--format", "json"],
                         check=True, capture_output=True).stdout
    units = json.loads(out.decode("utf-8"))["units"]
    assert [u["name"] for u in units] == [NAME]
