"""The phrasings other bureaus write (docs/deadlines.md) through Python:
kinds, exact first/last days, a recurrence's occurrences, exact errors."""
import datetime

import pytest

import campaign

D = datetime.date


@pytest.mark.parametrize("text,year,from_date,kind,first,last", [
    ("2010年10月1日起", None, None, "start", D(2010, 10, 1), None),
    ("即日起至2011年6月30日", None, "2010-10-15", "range", D(2010, 10, 15), D(2011, 6, 30)),
    ("从今起至2010年底", None, D(2010, 10, 15), "range", D(2010, 10, 15), D(2010, 12, 31)),
    ("次年3月", 2010, None, "range", D(2011, 3, 1), D(2011, 3, 31)),
    ("上年度", 2010, None, "range", D(2009, 1, 1), D(2009, 12, 31)),
    ("12月上中旬", 2010, None, "range", D(2010, 12, 1), D(2010, 12, 20)),
    ("1—6月", 2011, None, "range", D(2011, 1, 1), D(2011, 6, 30)),
    ("2011年11月--2011年12月", None, None, "range", D(2011, 11, 1), D(2011, 12, 31)),
    ("一至六月", 2011, None, "range", D(2011, 1, 1), D(2011, 6, 30)),
    ("元月10号前", 2011, None, "range", D(2011, 1, 10), D(2011, 1, 10)),
    ("2011年6月30日17:00前", None, None, "range", D(2011, 6, 30), D(2011, 6, 30)),
    ("2011/6/30", None, None, "range", D(2011, 6, 30), D(2011, 6, 30)),
    ("2011年春节前", None, None, "range", D(2011, 2, 2), D(2011, 2, 2)),
    ("中秋节前", 2010, None, "range", D(2010, 9, 21), D(2010, 9, 21)),
    ("2011年春节后", None, None, "start", D(2011, 2, 4), None),
    ("长期坚持", None, None, "open-ended", None, None),
])
def test_forms(text, year, from_date, kind, first, last):
    d = campaign.parse_deadline(text, year, from_date=from_date)
    assert (d.text, d.kind, d.first, d.last) == (text, kind, first, last)
    assert d.open_ended == (kind in ("start", "open-ended"))
    assert d.rule is None
    assert d.occurrences == ([] if kind == "open-ended" else [(first, last)])


def test_recurrence_lists_its_occurrences_in_the_period():
    d = campaign.parse_deadline("每季度末", period_first=D(2010, 10, 1), period_last="2011-12-31")
    assert d.kind == "recurring"
    assert d.rule == "quarterly: its last month"
    assert d.occurrences == [(D(2010, 12, 1), D(2010, 12, 31)), (D(2011, 3, 1), D(2011, 3, 31)),
                             (D(2011, 6, 1), D(2011, 6, 30)), (D(2011, 9, 1), D(2011, 9, 30)),
                             (D(2011, 12, 1), D(2011, 12, 31))]
    assert (d.first, d.last) == (D(2010, 12, 1), D(2011, 12, 31))
    assert not d.open_ended


def test_a_recurrence_without_a_period_is_its_rule_alone():
    d = campaign.parse_deadline("每月5日前")
    assert (d.kind, d.rule, d.occurrences, d.first, d.last) == ("recurring", "monthly: day 5", [], None, None)
    assert campaign.parse_deadline("每月5日前", 2011).occurrences[11] == (D(2011, 12, 5), D(2011, 12, 5))


def test_monthly_and_weekly():
    d = campaign.parse_deadline("每月5日前", period_first="2010-10-01", period_last="2011-12-31")
    assert d.rule == "monthly: day 5"
    assert len(d.occurrences) == 15
    assert d.occurrences[0] == (D(2010, 10, 5), D(2010, 10, 5))
    assert d.occurrences[-1] == (D(2011, 12, 5), D(2011, 12, 5))
    w = campaign.parse_deadline("每周五", period_first="2010-10-01", period_last="2010-10-31")
    assert [f for f, _ in w.occurrences] == [D(2010, 10, n) for n in (1, 8, 15, 22, 29)]


@pytest.mark.parametrize("text,year,message", [
    ("2011年x月底", None, 'invalid deadline "2011年x月底": cannot read "x月底" (unexpected "x")'),
    ("2011年2月30日起", None, 'invalid deadline "2011年2月30日起": day 30 is out of range for 2011-02'),
    ("2051年春节前", None, 'invalid deadline "2051年春节前": the Chinese calendar is known for 1990..2050, not for 2051'),
    ("即日起", None, 'invalid deadline "即日起": needs a date: 即日/今 is the context date, and none was given'),
])
def test_refusals(text, year, message):
    with pytest.raises(campaign.InvalidInput) as e:
        campaign.parse_deadline(text, year)
    assert str(e.value) == message
