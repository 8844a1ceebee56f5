"""Rows made in C a batch per crossing (bindings/python/rows.i): 8 first, then 256
at a time, last-value reuse per column. Each row must still be its own
values, across the batch edges (8, 264, 520), with NULLs, non-BMP text and
values that repeat and change."""
import datetime

import pytest

import campaign

HEADER = "outcome,unit,status,percent,date,note,evidence\n"
NOTES = ("查处𠀋土地案件", "", "规范矿业权交易市场秩序,八是土地使用权,工作情况检查,建章立制,月初市局领导将带队开展")


def report(i):
    # percent i % 100; the note and evidence follow the percent, so every row can be checked alone
    note = NOTES[i % 3] if i % 5 else ""
    evidence = "国土资发〔2010〕%d号" % (i % 7) if i % 4 else ""
    return "t1.2.o1,kuangguan,in_progress,%d,2010-11-%02d,\"%s\",%s\n" % (i % 100, 1 + i % 28, note, evidence)


@pytest.fixture
def many(seed, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(report(i) for i in range(600)), encoding="utf-8")
    seed.progress_import_file(path=str(path), actor="clerk")
    return seed


def test_every_row_is_its_own_across_the_batches(many):
    rows = list(many.progress_history_query())
    assert len(rows) == 600
    key = lambda t: (t[0], t[1], t[2] or "", t[3] or "")
    seen = sorted(((r.percent, r.reported_on, r.note, r.evidence) for r in rows), key=key)
    want = []
    for i in range(600):
        note = (NOTES[i % 3] if i % 5 else "") or None  # an empty cell is NULL
        evidence = "国土资发〔2010〕%d号" % (i % 7) if i % 4 else None
        want.append((i % 100, datetime.date(2010, 11, 1 + i % 28), note, evidence))
    assert seen == sorted(want, key=key)
    assert sum(1 for r in rows if r.note == "查处𠀋土地案件") == len([i for i in range(600) if i % 5 and i % 3 == 0])
    assert all(r.unit == "kuangguan" and r.status == "in_progress" and r.actor == "clerk" for r in rows)


def test_next_and_for_share_the_batch(many):
    cursor = many.progress_history_query()
    first = [next(cursor) for _ in range(10)]  # over the first batch of 8
    rest = list(cursor)
    assert len(first) + len(rest) == 600
    assert len({r.id for r in first + rest}) == 600
    with pytest.raises(StopIteration):
        next(cursor)


def test_the_store_closed_mid_batch_stops_the_rows(many):
    cursor = many.progress_history_query()
    next(cursor)
    many.close()
    with pytest.raises(campaign.Closed):
        next(cursor)


def test_a_row_is_a_read_only_record(many):
    row = next(iter(many.progress_history_query()))
    assert row.keys() == ["id", "outcome", "unit", "status", "percent", "reported_on", "note", "evidence", "actor",
                          "recorded_at", "current", "kind"]
    d = row.as_dict()
    assert list(d) == row.keys() and d["unit"] == row["unit"] == row.unit == "kuangguan"
    assert row == campaign.Row(d) and row != campaign.Row(dict(d, percent=101))
    assert repr(row).startswith("Row(id='") and "unit='kuangguan'" in repr(row)
    with pytest.raises(AttributeError):
        row.no_such_column
    with pytest.raises(KeyError):
        row["no_such_column"]
    with pytest.raises(AttributeError, match="read-only"):
        row.unit = "guihua"
