"""Who owes an outcome, milestones reported per unit and late completions
(issue 14), through Python on the seed plan."""
import datetime as dt

import pytest

import campaign

COUNTIES = ["shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei", "jingyan", "jiajiang", "muchuan", "ebian",
            "mabian", "emeishan"]


def supervised(db, as_of):
    return [r.unit for r in db.supervision_query(as_of=as_of)]


def test_owners_follow_the_document(seed):
    owners = {o.id: o.owners for o in seed.outcomes_query()}
    assert owners["t3.2.o4"] == "jiancha,caiwu"
    assert owners["t2.2.o4"] == ",".join(COUNTIES)
    assert owners["t2.1.o1"] == "jiancha"
    assert owners["t3.1.o1"] == "renshi"
    named = {o.id: o.owners_named for o in seed.outcomes_query()}
    assert named["t2.2.o4"] == "counties"
    assert named["t1.1.o1"] is None


def test_supervision_names_exactly_the_responsible(seed):
    assert supervised(seed, "2010-12-01") == (["jiancha", "city"] + COUNTIES +
                                              ["caiwu", "bangongshi", "renshi", "liyong", "kuangguan"])
    assert supervised(seed, dt.date(2010, 12, 21)) == (["jiancha"] + COUNTIES +
                                                       ["city", "caiwu", "bangongshi", "renshi", "liyong", "kuangguan"])
    assert supervised(seed, "2011-07-01") == (["jiancha", "bangongshi"] + COUNTIES +
                                              ["caiwu", "city", "renshi", "liyong", "kuangguan", "fagui"])
    first = next(r for r in seed.supervision_query(as_of="2010-12-21") if r.unit == "shizhong")
    assert (first.outcomes, first.milestones) == ("t2.2.o4", "p1.counties,p1.plans")


def test_derived_lead_departments(seed):
    members = [m.unit for m in seed.unit_group_members_query(group="lead-departments")]
    assert members == ["liyong", "fagui", "jiancha", "kuangguan", "caiwu", "bangongshi", "renshi", "shenpi"]
    shares = [s.unit for s in seed.share_status_query(as_of="2011-11-01") if s.outcome == "p4.departments"]
    assert shares == members


def test_milestone_reported_and_late_completion(seed):
    seed.progress_report_add(outcome="p1.counties", unit="mabian", status="done", percent=100, date="2010-11-03",
                             actor="clerk")
    seed.progress_report_add(outcome="t2.2.o4", unit="mabian", status="done", percent=100,
                             date=dt.date(2010, 12, 25), actor="clerk")
    rows = {(s.outcome, s.unit): s for s in seed.share_status_query(as_of="2010-12-31")}
    m = rows[("p1.counties", "mabian")]
    assert (m.kind, m.color, m.completion, m.days_late) == ("milestone", "done", "late", 3)
    o = rows[("t2.2.o4", "mabian")]
    assert (o.kind, o.color, o.completion, o.days_late) == ("outcome", "done", "late", 5)
    status = next(s for s in seed.outcome_status_query(as_of="2010-12-31") if s.outcome == "t2.2.o4")
    assert (status.done, status.done_on_time, status.done_late) == (1, 0, 1)
    with pytest.raises(campaign.NotFound) as info:
        seed.progress_report_add(outcome="p4.departments", unit="guihua", status="done", percent=100,
                                 date="2011-11-20", actor="clerk")
    assert str(info.value) == 'unit "guihua" owes no share of milestone "p4.departments"'
