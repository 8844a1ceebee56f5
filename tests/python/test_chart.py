"""Each dashboard chart alone as a standalone SVG, through Python: parsed with xml.etree, the counts
checked against the seed's queries; Chinese text, escaped names, exact errors."""
import xml.etree.ElementTree as ET

import pytest

import campaign
from conftest import SEED, SOURCE

NS = "{http://www.w3.org/2000/svg}"
AS_OF = "2010-12-01"


def svg(db, kind, **kw):
    text = db.chart_write_buf(kind=kind, as_of=AS_OF, **kw)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == NS + "svg" and root.find(NS + "style") is not None
    return root


def titles(root):
    return [r.find(NS + "title").text for r in root.iter(NS + "rect") if r.find(NS + "title") is not None]


@pytest.fixture
def db(seed):
    seed.progress_report_add(outcome="t2.1.o1", unit="jiancha", status="done", percent=100, date="2010-11-29",
                             actor="clerk")
    return seed


def test_matrix_one_cell_per_share(db):
    shares = [s for s in db.share_status_query(as_of=AS_OF) if s.kind == "outcome"]
    cells = [t for t in titles(svg(db, "matrix")) if " × t" in t]
    assert len(cells) == len(shares)
    assert "监察室 × t2.1.o1：按时完成" in cells
    assert "监察室 × t3.2.o4：逾期未完成，逾期62天" in cells
    outcomes = [t.text for t in svg(db, "matrix").iter(NS + "text") if "o" in (t.get("class") or "").split()]
    assert outcomes == [o.id for o in db.outcomes_query()] and len(outcomes) == 32


def test_gantt_every_outcome_and_phase(db):
    root = svg(db, "gantt")
    labels = [t.text.split(" ")[0] for t in root.iter(NS + "text") if t.get("class") == "label"]
    outcomes = [o.id for o in db.outcomes_query()]
    assert [x for x in labels if x in outcomes] == outcomes
    assert any("统计日" in (t.text or "") for t in root.iter(NS + "text"))  # the legend, in Chinese
    assert root.find(f"{NS}line[@class='asof']") is not None


def test_heatmap_counts(db):
    db.risk_model_import_file(path=SOURCE / "examples" / "models" / "matrix-5x5.yaml", actor="office")
    db.risk_register_import_file(path=SOURCE / "examples" / "risk" / "register.csv", actor="office")
    heat = list(db.risk_heatmap_query(residual=0))
    root = svg(db, "heatmap")
    counts = [int(t.text) for t in root.iter(NS + "text") if t.get("class") == "count"]
    assert len(counts) == 25 and counts == [h.points for h in heat] and sum(counts) > 0


def test_coverage_bars(db):
    db.finding_add(id="F1", unit="mabian", origin="investigated", description="问题", found_on="2010-11-20",
                   actor="office")
    root = svg(db, "coverage")
    assert any(t.startswith("整改台账") or "1" in t for t in titles(root))
    heads = [t.text for t in root.iter(NS + "text") if t.get("class") == "head"]
    assert heads == ["自查自纠报送情况（按轮次，单位数）", "发现问题（按类别与来源）", "整改台账"]


def test_hostile_name_escaped():
    text = SEED.read_text(encoding="utf-8").replace('name: "监察室"', 'name: "<script>监察室 & \\"x\\""', 1)
    with campaign.open(":memory:") as db:
        db.plan_import_string(text, actor="tester")
        raw = db.chart_write_buf(kind="matrix", as_of=AS_OF)
        root = ET.fromstring(raw.encode("utf-8"))
    assert "<script" not in raw
    assert any(t.startswith('<script>监察室 & "x" × t') for t in titles(root))  # the label is cut, the title whole


def test_errors_and_file(db, tmp_path):
    with pytest.raises(campaign.InvalidInput, match='chart "pie" is not one of gantt, matrix, heatmap, coverage'):
        db.chart_write_buf(kind="pie")
    with pytest.raises(campaign.NotFound, match="no grading model"):
        db.chart_write_buf(kind="heatmap", as_of=AS_OF)
    with pytest.raises(campaign.InvalidInput, match=r'"2010-13-01" is not a date'):
        db.chart_write_buf(kind="gantt", as_of="2010-13-01")
    out = tmp_path / "g.svg"
    db.chart_write(path=str(out), kind="gantt", as_of=AS_OF)
    assert ET.parse(out).getroot().tag == NS + "svg"
