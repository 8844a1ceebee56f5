"""The tables bureaus keep, through Python: a CSV saved by Excel on Chinese
Windows (GB18030/GBK, told or detected), dates as Excel re-saves them, and
the progress history listing fed back to its import."""
import pytest

import campaign

HEADER = "outcome,unit,status,percent,date,note\r\n"
ROWS = ("t1.2.o1,kuangguan,in_progress,50,2010/11/15,已部署\r\n"
        "t1.2.o1,kuangguan,in_progress,60,2010年11月16日,'=1+1\r\n")


def history(db):
    return [(r.percent, r.reported_on.isoformat(), r.note) for r in db.progress_history_query()]


def test_gbk_file_told_or_detected(seed, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes((HEADER + ROWS).encode("gb18030"))
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(path), actor="clerk")
    assert str(info.value) == str(path) + ":2:1: invalid UTF-8 (byte 0xd2): save the sheet as CSV UTF-8"
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(path), actor="clerk", encoding="latin1")
    assert "encoding \"latin1\" is not one of utf-8, gb18030, gbk, auto" in str(info.value)
    assert history(seed) == []
    seed.progress_import_file(path=str(path), actor="clerk", encoding="gb18030")
    assert history(seed) == [(50, "2010-11-15", "已部署"), (60, "2010-11-16", "=1+1")]
    seed.progress_import_file(path=str(path), actor="clerk", encoding="auto")
    assert len(history(seed)) == 4


def test_gbk_positions_in_characters(seed, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes((HEADER + "t1.2.o1,kuangguan,in_progress,50,2010/13/15,已部署\r\n").encode("gbk"))
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(path), actor="clerk", encoding="gbk")
    assert str(info.value) == str(path) + ':2:34: row 1: date "2010/13/15" is not a date (YYYY-MM-DD)'


def test_history_listing_reimports(seed):
    seed.progress_import_string(text=HEADER + ROWS, name="p.csv", actor="clerk")
    cols = ["id", "outcome", "unit", "status", "percent", "reported_on", "note", "evidence", "actor", "recorded_at",
            "current"]
    lines = [",".join(cols)]
    for r in seed.progress_history_query():
        d = r.as_dict()
        lines.append(",".join("" if d[c] is None else str(d[c]) for c in cols))
    with campaign.open(":memory:") as fresh:
        from conftest import SEED
        fresh.plan_import_file(SEED, actor="tester")
        fresh.progress_import_string(text="\n".join(lines) + "\n", name="h.csv", actor="office")
        assert history(fresh) == [(50, "2010-11-15", "已部署"), (60, "2010-11-16", "=1+1")]
        assert {r.actor for r in fresh.progress_history_query()} == {"office"}


def test_listing_as_xlsx(seed, tmp_path):
    import openpyxl  # .ci/deps.sh installs python3-openpyxl: never a silent skip
    import datetime as dt
    seed.progress_import_string(text=HEADER + ROWS, name="p.csv", actor="clerk")
    path = tmp_path / "h.xlsx"
    seed.progress_history_query().write_xlsx(path=str(path), sheet_name="进度", columns="unit,percent,reported_on,note",
                                             titles="单位,进度,日期,备注")
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "进度" and ws.freeze_panes == "A2"
    assert list(ws.iter_rows(values_only=True)) == [("单位", "进度", "日期", "备注"),
                                                    ("kuangguan", 50, dt.datetime(2010, 11, 15), "已部署"),
                                                    ("kuangguan", 60, dt.datetime(2010, 11, 16), "=1+1")]
    assert ws["D3"].data_type == "s"
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_history_query().write_xlsx(path=str(path), columns="unit,colour")
    assert str(info.value) == 'campaign_cursor_write_xlsx: no column "colour"'
