"""xlsx in and .docx in through Python (issues 15 and 21): a workbook made by
openpyxl (a date cell, Chinese and non-BMP text byte for byte, a
formula-looking text) imports from its first sheet or a named one; our own
history listing as xlsx re-imports; a bad cell is named Sheet!A1; damaged
workbooks are refused with nothing written; a .docx made with python-docx
from the seed's text drafts the text's plan, and imports straight in."""
import datetime as dt
import zipfile

import pytest

import campaign
from conftest import SOURCE

DOCS = SOURCE / "tests" / "data" / "document"
NOTE = "=1+1 𠀋 中文"


def history(db):
    return [(r.unit, r.percent, r.reported_on.isoformat(), r.note) for r in db.progress_history_query()]


def workbook(path, rows, title="进度", second=None):
    import openpyxl  # .ci/deps.sh installs python3-openpyxl: never a silent skip
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, as a clerk types it with a leading apostrophe
    if second:
        ws2 = wb.create_sheet(second[0])
        for r in second[1]:
            ws2.append(r)
    wb.save(path)
    return path


HEAD = ["outcome", "unit", "status", "percent", "date", "note"]


def test_openpyxl_workbook(seed, tmp_path):
    path = workbook(tmp_path / "p.xlsx", [HEAD, ["t1.2.o1", "矿管科", "in_progress", 10, dt.date(2010, 11, 15), NOTE],
                                          ["t1.2.o1", "kuangguan", "in_progress", 20, "2010年11月20日", None]],
                    second=("第二批", [HEAD, ["t1.2.o1", "kuangguan", "in_progress", 130, dt.date(2010, 11, 16)]]))
    seed.progress_import_file(path=str(path), actor="clerk")
    assert history(seed) == [("kuangguan", 10, "2010-11-15", NOTE), ("kuangguan", 20, "2010-11-20", None)]
    assert history(seed)[0][3].encode("utf-8") == NOTE.encode("utf-8")
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(path), actor="clerk", sheet="第二批")
    assert str(info.value) == str(path) + ": 第二批!D2: row 1: percent 130 is not in 0..100"
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(path), actor="clerk", sheet="无", dry_run=1)
    assert str(info.value) == str(path) + ': no sheet "无" (the workbook has "进度", "第二批")'
    assert len(history(seed)) == 2


def test_history_as_xlsx_reimports(seed, tmp_path):
    path = workbook(tmp_path / "p.xlsx", [HEAD, ["t1.2.o1", "kuangguan", "in_progress", 10, dt.date(2010, 11, 15), NOTE]])
    seed.progress_import_file(path=str(path), actor="clerk")
    out = tmp_path / "h.xlsx"
    seed.progress_history_query().write_xlsx(path=str(out), sheet_name="历史")
    with campaign.open(":memory:") as fresh:
        from conftest import SEED
        fresh.plan_import_file(SEED, actor="tester")
        fresh.progress_import_file(path=str(out), actor="clerk")
        assert history(fresh) == history(seed) == [("kuangguan", 10, "2010-11-15", NOTE)]


def test_damaged_workbooks(seed, tmp_path):
    good = workbook(tmp_path / "p.xlsx", [HEAD])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item.filename, data[:40] if item.filename == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(broken), actor="clerk")
    assert str(info.value).startswith(str(broken) + ": xl/worksheets/sheet1.xml: line 1: ")
    text = tmp_path / "t.xlsx"
    text.write_text("outcome,unit\n")
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(text), actor="clerk")
    assert str(info.value) == str(text) + ": not a zip (Not a zip archive)"
    assert history(seed) == []


def test_docx_from_python_docx(tmp_path):
    import docx  # .ci/deps.sh installs python3-docx: never a silent skip
    d = docx.Document()
    for line in (DOCS / "leshan-2010.txt").read_text(encoding="utf-8").split("\n"):
        d.add_paragraph(line)
    path = tmp_path / "seed.docx"
    d.save(str(path))
    assert campaign.plan_from_document_yaml(str(path)) == campaign.plan_from_document_yaml(str(DOCS / "leshan-2010.txt"))


def test_word_numbering_and_import(tmp_path):
    path = DOCS / "seed.docx"
    assert campaign.plan_from_document_yaml(str(path)) == campaign.plan_from_document_yaml(str(DOCS / "leshan-2010.txt"))
    with campaign.open(":memory:") as db:
        report = db.plan_import_document(path=str(path), actor="tester", replace=0, dry_run=1)
        assert "3 areas, 10 tasks, 35 measures, 32 outcomes" in report
        assert list(db.campaigns_query()) == []
        db.plan_import_document(path=str(path), actor="tester", replace=0, dry_run=0)
        assert len(list(db.measures_query())) == 35
        assert len(list(db.outcomes_query())) == 32
        with pytest.raises(campaign.Conflict) as info:
            db.plan_import_document(path=str(path), actor="tester", replace=0, dry_run=1)
        assert "campaign \"campaign\" is already in the store" in str(info.value)
