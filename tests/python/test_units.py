"""Units as the documents write them (issue 14, item 7), through Python on the seed plan:
a unit's name or alias wherever its id is taken, a group where a set of units makes sense."""
import pytest

import campaign

COUNTIES = ["shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei", "jingyan", "jiajiang", "muchuan", "ebian",
            "mabian", "emeishan"]


def report(db, outcome, unit, date="2010-12-10", status="in_progress", percent=50):
    return db.progress_report_add(outcome=outcome, unit=unit, status=status, percent=percent, date=date,
                                  actor="clerk")


def test_write_by_name_and_alias(seed):
    report(seed, "t2.4.o1", "监察室", "2010-10-28")
    report(seed, "t2.4.o1", "纪检监察室", "2010-10-29")
    report(seed, "t2.2.o4", "峨眉山市国土资源局")
    assert [(r.outcome, r.unit) for r in seed.progress_history_query()] == [
        ("t2.2.o4", "emeishan"), ("t2.4.o1", "jiancha"), ("t2.4.o1", "jiancha")]
    assert [r.unit for r in seed.progress_history_query(unit="纪监室")] == ["jiancha", "jiancha"]


def test_group_filters_by_its_members(seed):
    report(seed, "t2.2.o4", "emeishan")
    report(seed, "t2.2.o4", "mabian")
    report(seed, "t2.4.o1", "jiancha", "2010-10-28")
    for group in ("counties", "各县(市、区)国土资源局(分局)", "各县(市、区)国土资源局(分局)", "各地"):
        assert [r.unit for r in seed.progress_history_query(unit=group)] == ["mabian", "emeishan"]
    rows = list(seed.unit_matrix_query(unit="各县(市、区)国土资源局(分局)"))
    assert [r.unit for r in rows] == COUNTIES * 3
    assert [r.measure for r in rows[::11]] == ["t2.2.m1", "t2.2.m2", "t3.2.m5"]
    assert {r.unit_name for r in rows[:11]} >= {"市中区分局", "峨眉山市国土资源局"}


def test_group_refused_for_a_single_write(seed):
    with pytest.raises(campaign.InvalidInput) as info:
        report(seed, "t2.2.o4", "各地")
    assert str(info.value) == ('unit "各地" names the group counties (各县(市、区)国土资源局(分局)): '
                               'a single unit is needed')
    assert list(seed.progress_history_query()) == []


def test_unknown_suggests_and_ambiguous_lists(seed):
    with pytest.raises(campaign.NotFound) as info:
        list(seed.unit_matrix_query(unit="监察"))
    assert str(info.value) == 'unknown unit "监察" (did you mean 监察室 "jiancha"?)'
    with pytest.raises(campaign.NotFound) as info:
        report(seed, "t2.4.o1", "监查室", "2010-10-28")
    assert str(info.value) == 'unknown unit "监查室" (did you mean 监察室 "jiancha"?)'
    assert list(seed.progress_history_query()) == []


def test_ambiguous_name_lists_the_candidates():
    plan = """format: 1
campaign: {id: mini, title: 测试方案, period: 2010年10月至2011年12月}
units:
  - {id: a, name: 监察室, kind: department}
  - {id: b, name: 纪检组, kind: department, aliases: [监察室]}
tasks:
  - id: t1
    title: 任务
    measures: [{id: t1.m1, text: 措施, lead: [a, b]}]
    outcomes: [{id: t1.o1, text: 成果, deadline: 2010年11月底完成}]
"""
    with campaign.open(":memory:") as db:
        db.plan_import_string(plan, name="mini.yaml", actor="tester")
        with pytest.raises(campaign.InvalidInput) as info:
            report(db, "t1.o1", "监察室")
        assert str(info.value) == 'unit "监察室" is ambiguous: a (name), b (alias)'
        report(db, "t1.o1", "纪检组")
        assert [r.unit for r in db.progress_history_query()] == ["b"]
