"""The C plan scenarios replayed through Python, on the seed plan."""
import datetime as dt
import re

import pytest

import campaign
from conftest import DATA, SEED, dump


def test_counts(seed):
    tasks = list(seed.tasks_query())
    assert sum(t.depth == 0 for t in tasks) == 3
    assert sum(t.depth > 0 for t in tasks) == 10
    assert len(list(seed.measures_query())) == 35
    assert len(list(seed.outcomes_query())) == 32
    assert len(list(seed.phases_query())) == 4
    assert len(list(seed.tasks_query(parent="t2"))) == 4


def responsibility(db, measure):
    lead, support = [], []
    for r in db.responsibilities_query(measure=measure):
        (lead if r.role == "lead" else support).append(r.name + ("[%s]" % r.condition if r.condition else ""))
    return lead, support


def test_responsibilities(seed):
    assert responsibility(seed, "t1.1.m1") == (["利用科"], ["规划科", "耕保科", "地籍科", "法规科", "监察室", "信访科", "交易中心"])
    assert responsibility(seed, "t1.2.m2") == ([], ["矿管科", "财务室", "交易中心"])
    assert responsibility(seed, "t2.1.m3") == (["法规科[涉及政策法规]", "办公室[涉及机关内部管理]"], ["各科室", "直属单位"])
    assert responsibility(seed, "t2.2.m1") == (["各国土资源局(分局)[各地]", "监察室[局机关]"],
                                               ["各科室[局机关]", "直属单位[局机关]"])
    assert responsibility(seed, "t3.1.m2") == (["矿管科"], ["财务室", "纪监室"])
    assert responsibility(seed, "t3.2.m3") == (["人事科"], [])
    assert responsibility(seed, "t3.2.m5") == (["监察室", "财务室"], ["各科室", "直属单位", "各市县(市、区)国土资源局(分局)"])


@pytest.mark.parametrize("outcome,text,first,last", [
    ("t1.1.o1", "2010年11月底完成", dt.date(2010, 11, 21), dt.date(2010, 11, 30)),
    ("t1.1.o2", "2010年底前完成", dt.date(2010, 12, 1), dt.date(2010, 12, 31)),
    ("t2.1.o3", "2011年6月底完成", dt.date(2011, 6, 21), dt.date(2011, 6, 30)),
    ("t2.2.o4", "12月中旬完成", dt.date(2010, 12, 11), dt.date(2010, 12, 20)),
    ("t3.2.o1", "2011年2月底前完成", dt.date(2011, 2, 21), dt.date(2011, 2, 28)),
    ("t2.2.o1", None, None, None),
])
def test_deadlines(seed, outcome, text, first, last):
    o = next(o for o in seed.outcomes_query() if o.id == outcome)
    assert (o.deadline_text, o.first, o.last) == (text, first, last)


def test_round_trip(seed):
    text = seed.plan_export_yaml()
    assert "川国土资党委〔2010〕5号" in text
    with campaign.open(":memory:") as other:
        other.plan_import_string(text, actor="tester")
        assert dump(other) == dump(seed)
        assert other.plan_export_yaml("leshan-ltyg-2010") == text


def expectation(path):
    m = re.search(r"# expect: (\w+) (.*)$", path.read_text(encoding="utf-8", errors="replace").rstrip("\n"))
    return m.group(1), m.group(2)


BAD = sorted(DATA.glob("*.yaml"))


def test_every_bad_file_is_tested():
    assert len(BAD) >= 20


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_input_refused_store_unchanged(seed, path):
    code, message = expectation(path)
    assert code == "EINVALID"
    before = dump(seed)
    with pytest.raises(campaign.InvalidInput) as info:
        seed.plan_import_file(path, actor="tester")
    e = info.value
    assert e.code == -3
    assert str(e) == "%s:%s" % (path, message)
    line, column = map(int, message.split(":")[:2])
    assert (e.file, e.line, e.column) == (str(path), line, column)
    assert dump(seed) == before


def test_non_bmp_round_trip():
    name = "𠀀𪚥科"  # CJK Extension B: outside the BMP
    plan = ("format: 1\ncampaign: {id: m, title: 小方案, period: 2010年10月至2011年12月}\n"
            "units: [{id: u1, name: \"%s\", kind: department}]\ntasks: [{id: t1, title: 任务}]\n" % name)
    with campaign.open(":memory:") as db:
        db.plan_import_string(plan, actor="张三")
        assert [u.name for u in db.units_query()] == [name]
        # libyaml writes characters outside the BMP as \U escapes; they read back identical
        with campaign.open(":memory:") as again:
            again.plan_import_string(db.plan_export_yaml(), actor="张三")
            assert [u.name.encode("utf-8") for u in again.units_query()] == [name.encode("utf-8")]


def test_close_twice_and_use_after_close(tmp_path):
    db = campaign.open(tmp_path / "s.db")
    db.plan_import_file(SEED, actor="tester")
    rows = db.measures_query()
    next(rows)
    db.close()
    db.close()
    assert db.closed
    with pytest.raises(campaign.Closed):
        next(rows)
    with pytest.raises(campaign.Closed):
        db.units_query()


def test_cursor_keeps_store_alive():
    def rows():
        db = campaign.open(":memory:")
        db.plan_import_file(SEED, actor="tester")
        return db.units_query()  # the store object goes out of scope here
    assert len(list(rows())) == 29


def test_conflict_and_replace(seed):
    with pytest.raises(campaign.Conflict) as info:
        seed.plan_import_file(SEED, actor="tester")
    assert "is already in the store" in str(info.value)
    seed.plan_import_file(SEED, actor="replacer", replace=True)
    assert next(seed.campaigns_query()).imported_by == "replacer"


def test_errors_carry_codes(seed, tmp_path):
    with pytest.raises(campaign.NotFound) as info:
        list(seed.measures_query(task="t9"))
    assert str(info.value) == 'no task with id "t9"'
    with pytest.raises(campaign.NotFound):
        campaign.open(tmp_path / "missing.db", campaign.OPEN_NOCREATE)
    (tmp_path / "junk.db").write_bytes(b"not a database " * 100)
    with pytest.raises(campaign.StoreIOError):
        campaign.open(tmp_path / "junk.db")
    with campaign.open(tmp_path / "ro.db") as db:
        db.plan_import_file(SEED, actor="tester")
    with campaign.open(tmp_path / "ro.db", campaign.OPEN_READONLY) as db:
        with pytest.raises(campaign.PermissionDenied):
            db.plan_delete("leshan-ltyg-2010", actor="x")


@pytest.mark.parametrize("text,year,first,last", [
    ("2010年11月底", None, "2010-11-21", "2010-11-30"),
    ("12月中旬", 2010, "2010-12-11", "2010-12-20"),
    ("二〇一一年第三季度末", None, "2011-09-01", "2011-09-30"),
    ("２０１２年２月底前", None, "2012-02-21", "2012-02-29"),
    ("2011年上半年", None, "2011-01-01", "2011-06-30"),
])
def test_parse_deadline(text, year, first, last):
    d = campaign.parse_deadline(text, year)
    assert (d.text, d.first.isoformat(), d.last.isoformat(), d.open_ended) == (text, first, last, False)


def test_parse_deadline_open_and_errors():
    d = campaign.parse_deadline("长期坚持")
    assert d.open_ended and d.first is None and d.last is None
    with pytest.raises(campaign.InvalidInput) as info:
        campaign.parse_deadline("2010年13月底")
    assert info.value.code == -3
    assert '"2010年13月底"' in str(info.value)
    with pytest.raises(campaign.InvalidInput):
        campaign.parse_deadline("2月30日", 2011)


def test_generated_methods_paging_and_docstrings(seed):
    # the cursor's generated page(offset, limit), before the first row
    rows = seed.measures_query()
    rows.page(2, 3)
    assert [m.id for m in rows] == [m.id for m in seed.measures_query()][2:5]
    # docstrings come from the header comments; the stub sits beside the module
    assert "Columns: id, task, label, text" in campaign.Store.measures_query.__doc__
    assert "C: campaign_measures_query()" in campaign.Store.measures_query.__doc__
    import pathlib
    stub = pathlib.Path(campaign.__file__).with_name("_api.pyi").read_text(encoding="utf-8")
    import ast
    ast.parse(stub)  # the stubs are valid Python
    ast.parse(pathlib.Path(campaign.__file__).with_name("__init__.pyi").read_text(encoding="utf-8"))
    assert "def measures_query(self, campaign: Optional[str] = ..., task: Optional[str] = ...) -> Cursor: ..." in stub
    with pytest.raises(TypeError):
        seed.evaluation_ranking_query(period="全年")  # an int parameter (year) is required
