"""The dashboard through Python: the page parses, holds the seed's figures
(supervision list, heat-grid cells, every outcome), fetches nothing and
escapes hostile names."""
from html.parser import HTMLParser

import pytest

import campaign
from conftest import SEED

VOID = {"meta", "line", "br"}


class Page(HTMLParser):
    """Collects tags (checking they balance), cells with their class and title, and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.cells, self.rows, self.text, self.within = [], [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th") and self.rows:
            self.rows[-1].append("")
        if tag == "td":
            self.cells.append((a.get("class"), a.get("title")))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes {self.stack}"

    def handle_data(self, data):
        self.text.append(data)
        self.within.append((self.stack[-1] if self.stack else None, data))
        if self.rows and self.rows[-1] and self.stack and self.stack[-1] in ("td", "th"):
            self.rows[-1][-1] += data


def parse(html):
    p = Page()
    p.feed(html)
    p.close()
    assert p.stack == []
    return p


@pytest.fixture
def page(seed):
    seed.progress_report_add(outcome="t2.1.o1", unit="jiancha", status="done", percent=100, date="2010-11-29",
                             actor="clerk")
    seed.progress_report_add(outcome="t1.1.o1", unit="liyong", status="done", percent=100, date="2010-12-01",
                             actor="clerk")
    return parse(seed.dashboard_write_buf(as_of="2010-12-01"))


def test_supervision_list(page):
    rows = [r for r in page.rows if len(r) == 4]
    assert rows[:3] == [
        ["单位", "逾期项数", "最长逾期天数", "情况"],
        ["监察室", "3", "62", "监察室 逾期未完成 3 项: t2.4.o1(逾期31天)、t2.4.o2(逾期31天)、t3.2.o4(逾期62天)"],
        ["乐山市国土资源局", "2", "42", "乐山市国土资源局 逾期未完成 2 项: 节点 p1.city(逾期42天)、节点 p2.inspection(逾期21天)"]]


def test_heat_grid_cells(page):
    heads = next(r for r in page.rows if r and r[0] == "单位")
    grid = {r[0]: dict(zip(heads, r)) for r in page.rows if len(r) == len(heads)}
    jiancha, liyong = grid["监察室"], grid["利用科"]
    assert [jiancha[o] for o in ("t2.1.o1", "t2.4.o1", "t2.4.o2", "t3.2.o4", "t1.1.o1")] == ["✓", "31", "31", "62", ""]
    assert [jiancha[k] for k in ("应完成", "按时完成", "逾期完成", "逾期未完成", "临期")] == ["14", "1", "0", "3", "0"]
    assert liyong["t1.1.o1"] == "迟" and liyong["应完成"] == "3" and liyong["逾期完成"] == "1"
    assert ("s-red", "逾期未完成，逾期62天") in page.cells
    assert ("s-late", "逾期完成，逾期1天") in page.cells


def test_every_outcome_in_the_chart_and_grid(seed, page):
    outcomes = [o.id for o in seed.outcomes_query()]
    assert len(outcomes) == 32
    heads = [r for r in page.rows if r and r[0] == "单位"][0]
    assert heads[1:] == outcomes + ["应完成", "按时完成", "逾期完成", "逾期未完成", "临期"]
    labels = [t.split(" ")[0] for tag, t in page.within if tag == "text" and t.startswith("t")]
    assert labels == outcomes


def test_self_contained(page):
    assert not [t for t, _ in page.tags if t in ("script", "link", "img", "iframe", "object")]
    for _, a in page.tags:
        for v in a.values():
            assert not (v or "").startswith(("http:", "https:", "//"))
    assert "统计日：2010-12-01" in "".join(page.text)


def test_hostile_unit_name_is_text():
    text = SEED.read_text(encoding="utf-8").replace('name: "监察室"', 'name: "<script>监察室 & \\"x\\""', 1)
    with campaign.open(":memory:") as db:
        db.plan_import_string(text, actor="tester")
        html = db.dashboard_write_buf(as_of="2010-12-01")
    assert "<script" not in html
    p = parse(html)
    assert "<script>监察室 & \"x\"" in p.text


def test_unit_filter_and_errors(seed):
    p = parse(seed.dashboard_write_buf(as_of="2010-12-01", unit="纪检监察室"))
    assert [r[0] for r in p.rows if len(r) == 4 and r[0] not in ("单位",)] == ["监察室"]
    with pytest.raises(campaign.InvalidInput, match=r'"2010-13-01" is not a date'):
        seed.dashboard_write_buf(as_of="2010-13-01")
    with pytest.raises(campaign.NotFound):
        seed.dashboard_write_buf(unit="nobody")


def test_write_file(seed, tmp_path):
    out = tmp_path / "d.html"
    seed.dashboard_write(path=str(out), as_of="2010-12-01")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
