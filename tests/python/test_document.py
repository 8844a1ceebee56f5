"""Issue 21 through Python: the seed's text drafts the hand encoding's plan (tasks, 35 measures with their
lead and supporting units, 32 outcomes with their deadlines); GB18030 and UTF-8 give the same draft; the
report names the lines; a bad encoding is refused with its name quoted."""
import pytest

import campaign
from conftest import SOURCE

DOCS = SOURCE / "tests" / "data" / "document"


def draft(path, **opts):
    db = campaign.open(":memory:")
    db.plan_import_string(campaign.plan_from_document_yaml(str(path), campaign="leshan-ltyg-2010", **opts),
                          actor="tester")
    return db


def responsibilities(db):
    return [(r.measure, r.role, r.unit or r.unit_group, r.condition) for r in db.responsibilities_query()]


def test_seed_draft_equals_hand_encoding(seed):
    with draft(DOCS / "leshan-2010.txt") as db:
        assert len(list(db.tasks_query())) == 13
        assert [(m.id, m.text) for m in db.measures_query()] == [(m.id, m.text) for m in seed.measures_query()]
        assert len(list(db.measures_query())) == 35
        assert responsibilities(db) == responsibilities(seed)
        outcomes = [(o.id, o.text, o.deadline_text, o.first, o.last) for o in db.outcomes_query()]
        assert outcomes == [(o.id, o.text, o.deadline_text, o.first, o.last) for o in seed.outcomes_query()]
        assert len(outcomes) == 32
        t311 = [r for r in responsibilities(db) if r[0] == "t2.1.m3"]
        assert t311[:2] == [("t2.1.m3", "lead", "fagui", "涉及政策法规"), ("t2.1.m3", "lead", "bangongshi", "涉及机关内部管理")]


def test_report_names_every_line():
    report = campaign.plan_from_document_report(str(DOCS / "leshan-2010.txt"))
    assert report.startswith("# Drafted plan: 3 areas, 10 tasks, 35 measures, 32 outcomes (27 with a deadline), 4 phases")
    assert "L9: measure t1.1.m1\n" in report
    assert "## Lines not placed\n(none)\n" in report


def test_gb18030_gives_the_same_draft():
    utf8 = campaign.plan_from_document_yaml(str(DOCS / "county-2012.txt"))
    assert campaign.plan_from_document_yaml(str(DOCS / "county-2012.gb18030.txt"), encoding="gb18030") == utf8
    assert campaign.plan_from_document_yaml(str(DOCS / "county-2012.gb18030.txt")) == utf8
    with draft(DOCS / "county-2012.txt") as db:
        assert [m.text for m in db.measures_query(task="t1")] == [
            "清理2011年以来的土地审批案卷。", "建立审批台账,实行“一案一档”。", "公开审批结果。"]


def test_unknown_encoding_is_refused():
    with pytest.raises(campaign.InvalidInput) as info:
        campaign.plan_from_document_yaml(str(DOCS / "county-2012.txt"), encoding="latin1")
    assert str(info.value) == 'unknown encoding "latin1" (auto, utf-8 or gb18030)'
