"""Issue 6's scenario through Python: rounds for every county bureau,
leniency, the ledger, confidential case leads and Chinese search."""
import pytest

import campaign
from conftest import SOURCE, dump

CATALOGUE = SOURCE / "examples" / "catalogues" / "ten-categories.yaml"


@pytest.fixture
def inspected(seed):
    assert seed.catalogue_import_file(path=CATALOGUE, actor="督查办") == 1
    seed.inspection_round_add(round="自查2010", group="counties", window_first="2010-10-15",
                                 window_last="2010-12-10", deadline="12月中旬", actor="督查办")
    for county in ("emeishan", "shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei", "jingyan", "jiajiang",
                   "muchuan", "ebian"):
        seed.inspection_round_submit(round="自查2010/" + county, date="2010-12-15", actor="督查办", document="自查总结")
    return seed


def test_bureau_without_report_is_listed(inspected):
    rounds = list(inspected.inspection_rounds_query(series="自查2010"))
    assert len(rounds) == 11
    missing = list(inspected.inspection_missing_query(series="自查2010", as_of="2010-12-21"))
    assert [(m.unit, m.status) for m in missing] == [("mabian", "missing")]
    assert list(inspected.inspection_missing_query(series="自查2010", as_of="2010-12-20")) == []


def test_leniency_with_reasons(inspected):
    lenient = inspected.finding_add(unit="emeishan", category="ten-categories/c1", origin="self_reported",
                                       description="擅自批准改变土地用途", found_on="2010-11-01", actor="督查办",
                                       round="自查2010/emeishan")
    strict = inspected.finding_add(unit="mabian", category="ten-categories/c9", origin="inspection_tour",
                                      description="违规缓缴土地出让金", found_on="2010-11-20", actor="督查办",
                                      amount="120000.50")
    assert len(lenient) == 36  # a generated UUIDv7
    rows = {f.id: f for f in inspected.findings_query()}
    assert rows[lenient].leniency == "lenient" and "自查" in rows[lenient].reason
    assert rows[strict].leniency == "strict" and rows[strict].origin_label == "巡视发现"
    assert rows[strict].amount == "120000.50"


def test_findings_summary_counts_by_category_unit_origin(inspected):
    for day in ("2010-11-01", "2010-11-02"):
        inspected.finding_add(unit="emeishan", category="ten-categories/c1", origin="self_reported",
                              description="擅自批准改变土地用途", found_on=day, actor="督查办")
    inspected.finding_add(unit="mabian", category="ten-categories/c9", origin="inspection_tour",
                          description="违规缓缴土地出让金", found_on="2010-11-20", actor="督查办")
    rows = [(r.category, r.unit, r.origin_label, r.findings) for r in inspected.findings_summary_query()]
    assert rows == [("c1", "emeishan", "自查发现", 2), ("c9", "mabian", "巡视发现", 1)]


def test_overdue_rectification_in_ledger(inspected):
    f = inspected.finding_add(unit="mabian", category="ten-categories/c9", origin="investigated",
                                 description="违规缓缴土地出让金", found_on="2010-11-20", actor="督查办")
    r = inspected.rectification_add(finding=f, problem="出让金未按期缴纳", measure="限期追缴", deadline="2011-01-31",
                                    responsible="马边县局局长", criterion="全额入库", actor="督查办")
    ledger = list(inspected.rectification_ledger_query(as_of="2011-02-10"))
    assert [(row.id, row.overdue) for row in ledger] == [(r, "逾期10天")]
    assert [o.id for o in inspected.rectifications_overdue_query(as_of="2011-02-10")] == [r]


def test_reporter_only_through_confidential_call(inspected):
    inspected.case_lead_add(received_on="2010-11-05", details="群众举报:干部插手土地出让", actor="督查办",
                               unit="emeishan", reporter="王举报", reporter_contact="13800000000", id="L-1")
    everything = repr(dump(inspected)) + repr([r.as_dict() for r in inspected.case_leads_query()]) \
        + inspected.plan_export_yaml() + repr([e.as_dict() for e in inspected.audit_query()])
    assert "王举报" not in everything and "13800000000" not in everything
    assert list(inspected.search_query(text="王举报")) == []
    seen = next(inspected.case_lead_confidential_query(lead="L-1", actor="督查办"))
    assert seen.reporter == "王举报"
    reads = [e for e in inspected.audit_query(actor="督查办") if e.kind == "call"]
    assert "confidential" in reads[-1].operation


def test_chinese_search_two_characters(inspected):
    f = inspected.finding_add(unit="liyong", category="ten-categories/c3", origin="investigated",
                                 description="擅自修改土地利用规划", found_on="2010-12-02", actor="督查办")
    hits = list(inspected.search_query(text="规划"))
    assert [(h.kind, h.object) for h in hits] == [("finding", f)]
    assert hits[0].text == "擅自修改土地利用【规划】"
    with pytest.raises(campaign.InvalidInput):
        list(inspected.search_query(text="，"))


def test_ledger_bulk_import_all_or_nothing(inspected):
    inspected.catalogue_import_file(path=SOURCE / "examples" / "catalogues" / "five-behaviours.yaml", actor="督查办")
    inspected.findings_import_file(path=SOURCE / "tests" / "data" / "inspection" / "findings.csv", actor="督查办")
    with pytest.raises(campaign.InvalidInput) as info:
        inspected.rectifications_import_file(path=SOURCE / "tests" / "data" / "inspection" / "ledger-bad.csv", actor="督查办")
    assert ":3:" in str(info.value) and "row 2" in str(info.value)
    assert list(inspected.rectifications_query()) == []
    inspected.rectifications_import_file(path=SOURCE / "tests" / "data" / "inspection" / "ledger.csv", actor="督查办")
    assert [r.id for r in inspected.rectifications_query(finding="F-101")] == ["R-101"]
