"""Issue 6's scenario through Python: rounds for every county bureau,
leniency, the ledger, confidential case leads and Chinese search."""
import pytest

import campaign
from conftest import SOURCE, dump

CATALOGUE = SOURCE / "examples" / "catalogues" / "ten-categories.yaml"


@pytest.fixture
def inspected(seed):
    assert seed.import_catalogue(CATALOGUE, actor="督查办") == 1
    seed.create_round("自查2010", group="counties", start="2010-10-15", end="2010-12-10", deadline="12月中旬",
                      actor="督查办")
    for county in ("emeishan", "shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei", "jingyan", "jiajiang",
                   "muchuan", "ebian"):
        seed.submit_round("自查2010/" + county, "2010-12-15", actor="督查办", document="自查总结")
    return seed


def test_bureau_without_report_is_listed(inspected):
    rounds = list(inspected.rounds(series="自查2010"))
    assert len(rounds) == 11
    missing = list(inspected.missing_reports(series="自查2010", as_of="2010-12-21"))
    assert [(m.unit, m.status) for m in missing] == [("mabian", "missing")]
    assert list(inspected.missing_reports(series="自查2010", as_of="2010-12-20")) == []


def test_leniency_with_reasons(inspected):
    lenient = inspected.record_finding("emeishan", "ten-categories/c1", "self_reported", "擅自批准改变土地用途",
                                       "2010-11-01", actor="督查办", round="自查2010/emeishan")
    strict = inspected.record_finding("mabian", "ten-categories/c9", "inspection_tour", "违规缓缴土地出让金",
                                      "2010-11-20", actor="督查办", amount="120000.50")
    assert len(lenient) == 36  # a generated UUIDv7
    rows = {f.id: f for f in inspected.findings()}
    assert rows[lenient].leniency == "lenient" and "自查" in rows[lenient].reason
    assert rows[strict].leniency == "strict" and rows[strict].origin_label == "巡视发现"
    assert rows[strict].amount == "120000.50"


def test_overdue_rectification_in_ledger(inspected):
    f = inspected.record_finding("mabian", "ten-categories/c9", "investigated", "违规缓缴土地出让金", "2010-11-20",
                                 actor="督查办")
    r = inspected.add_rectification(f, "出让金未按期缴纳", "限期追缴", "2011-01-31", "马边县局局长", "全额入库",
                                    actor="督查办")
    ledger = list(inspected.rectification_ledger(as_of="2011-02-10"))
    assert [(row.id, row.overdue) for row in ledger] == [(r, "逾期10天")]
    assert [o.id for o in inspected.overdue_rectifications(as_of="2011-02-10")] == [r]


def test_reporter_only_through_confidential_call(inspected):
    inspected.create_case_lead("2010-11-05", "群众举报:干部插手土地出让", actor="督查办", unit="emeishan",
                               reporter="王举报", contact="13800000000", id="L-1")
    everything = repr(dump(inspected)) + repr([r.as_dict() for r in inspected.case_leads()]) \
        + inspected.export_yaml() + repr([e.as_dict() for e in inspected.audit_log()])
    assert "王举报" not in everything and "13800000000" not in everything
    assert list(inspected.search("王举报")) == []
    seen = next(inspected.case_lead_confidential("L-1", actor="督查办"))
    assert seen.reporter == "王举报"
    reads = [e for e in inspected.audit_log(actor="督查办") if e.kind == "call"]
    assert "confidential" in reads[-1].operation


def test_chinese_search_two_characters(inspected):
    f = inspected.record_finding("liyong", "ten-categories/c3", "investigated", "擅自修改土地利用规划", "2010-12-02",
                                 actor="督查办")
    hits = list(inspected.search("规划"))
    assert [(h.kind, h.object) for h in hits] == [("finding", f)]
    assert hits[0].text == "擅自修改土地利用【规划】"
    with pytest.raises(campaign.InvalidInput):
        inspected.search("，")


def test_ledger_bulk_import_all_or_nothing(inspected):
    inspected.import_catalogue(SOURCE / "examples" / "catalogues" / "five-behaviours.yaml", actor="督查办")
    inspected.import_findings(SOURCE / "tests" / "data" / "inspection" / "findings.csv", actor="督查办")
    with pytest.raises(campaign.InvalidInput) as info:
        inspected.import_rectifications(SOURCE / "tests" / "data" / "inspection" / "ledger-bad.csv", actor="督查办")
    assert ":3:" in str(info.value) and "row 2" in str(info.value)
    assert list(inspected.rectifications()) == []
    inspected.import_rectifications(SOURCE / "tests" / "data" / "inspection" / "ledger.csv", actor="督查办")
    assert [r.id for r in inspected.rectifications(finding="F-101")] == ["R-101"]
