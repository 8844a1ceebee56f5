"""Issue 14, items 4 and 5 through Python: dates outside the seed campaign
(2010-10-01 – 2011-12-31) refused with the store unchanged, a grace period,
deadline expressions in every deadline field, and the plan's deadline warnings."""
import datetime as dt
import re

import pytest

import campaign
from conftest import SEED, dump

OUTSIDE = " is outside the campaign 2010-10-01 – 2011-12-31"
EINVALID = -3


def snapshot(db):
    """The plan and what was recorded against it, and the audit log."""
    rows = dump(db)
    for query in (db.progress_history_query, db.findings_query, db.rectifications_query, db.proposals_query,
                  db.audit_query):
        rows.extend(r.as_dict() for r in query())
    return rows


def refused(call, message, **kwargs):
    with pytest.raises(campaign.InvalidInput) as info:
        call(**kwargs)
    assert info.value.code == EINVALID
    assert str(info.value) == message


def report(db, date):
    db.progress_report_add(outcome="t3.2.o4", unit="jiancha", status="done", percent=100, date=date, actor="office")


def test_reports_outside_the_campaign_are_refused(seed):
    before = snapshot(seed)
    refused(report, "date 2009-01-01" + OUTSIDE, db=seed, date="2009-01-01")
    refused(report, "date 2013-01-01" + OUTSIDE, db=seed, date="2013-01-01")
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    refused(report, "date 2099-01-01 is after today (%s)" % today, db=seed, date="2099-01-01")
    assert snapshot(seed) == before
    report(seed, "2011-12-31")
    assert [r.reported_on for r in seed.progress_history_query()] == [dt.date(2011, 12, 31)]


def test_grace_days_accepts_late_reports():
    text = re.sub(r"(?m)^(  period: .*\n)", r"\1  grace_days: 60\n", SEED.read_text(encoding="utf-8"), count=1)
    with campaign.open(":memory:") as db:
        db.plan_import_string(text, actor="office")
        report(db, "2012-02-29")
        refused(report, "date 2012-03-01" + OUTSIDE + " (late reports until 2012-02-29)", db=db, date="2012-03-01")
        assert "\n  grace_days: 60\n" in db.plan_export_yaml()


def test_bulk_import_names_each_row_and_writes_nothing(seed):
    errors = []
    text = ("outcome,unit,status,percent,date\n" "t3.2.o4,jiancha,done,100,2010-12-01\n"
            "t3.2.o4,caiwu,done,100,2013-01-01\n" "t3.2.o4,jiancha,done,100,2009-01-01\n")
    before = snapshot(seed)
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_string(text=text, name="p.csv", actor="office", dry_run=1,
                                    error=lambda code, file, line, column, message: errors.append((line, column)))
    assert str(info.value) == "p.csv:3:24: row 2: date 2013-01-01" + OUTSIDE + " (and 1 more)"
    assert errors == [(3, 24), (4, 26)]
    assert snapshot(seed) == before


def test_findings_and_rectification_deadlines(seed):
    before = snapshot(seed)
    refused(seed.finding_add, "found_on 2010-09-01" + OUTSIDE, unit="emeishan", origin="self_reported",
            description="缓缴出让金", found_on="2010-09-01", actor="office")
    assert snapshot(seed) == before
    f = seed.finding_add(unit="emeishan", origin="self_reported", description="缓缴出让金", found_on="2010-11-05",
                         actor="office")
    r = seed.rectification_add(finding=f, measure="追缴", deadline="2011年1月底", responsible="王局长",
                               criterion="全额入库", actor="office")
    row = next(seed.rectifications_query())
    assert (row.id, row.deadline, row.deadline_text) == (r, dt.date(2011, 1, 31), "2011年1月底")
    before = snapshot(seed)
    refused(seed.rectification_add, "deadline 2010-09-30 is before the campaign 2010-10-01 – 2011-12-31", finding=f,
            measure="追缴", deadline="2010年9月底", responsible="王局长", criterion="全额入库", actor="office")
    refused(seed.rectification_update, "date 2012-01-05" + OUTSIDE, rectification=r, status="done",
            date="2012-01-05", actor="office")
    assert snapshot(seed) == before


def test_round_deadline_and_tour_window_in_the_deadline_language(seed):
    seed.inspection_round_add(round="self", unit="emeishan", window_first="2010-10-15", window_last="2010-12-10",
                              deadline="2010年12月底前", actor="office")
    row = next(seed.inspection_rounds_query())
    assert (row.deadline, row.deadline_text) == (dt.date(2010, 12, 31), "2010年12月底前")
    assert seed.tour_add(year=2011, group="counties", first="第二季度", last="6月底", actor="office") == 11
    planned = [t.planned_on for t in seed.tours_query(year=2011, group="counties", as_of="2011-01-01")]
    assert planned[0] == dt.date(2011, 4, 1) and max(planned) == dt.date(2011, 6, 30)
    refused(seed.tour_record, "conducted_on 2012-05-01" + OUTSIDE, unit="mabian", conducted_on="2012-05-01",
            actor="office")


def test_deadline_before_the_campaign_is_a_warning(seed):
    warnings = [(w.kind, w.object, w.message) for w in seed.plan_warnings_query() if w.kind.startswith("deadline_")]
    assert warnings == [("deadline_before_campaign", "t3.2.o4",
                         "成果“建立内部经济审计和离任经济审计制度,2010年9月底完成。”的时限 2010-09-30 早于方案开始(2010-10-01)")]
