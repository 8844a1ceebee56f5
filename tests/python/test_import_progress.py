"""The import pipeline's progress callback from Python: a callable given to a
real file import (progress import, risk register import) receives the row
counts and the bytes read of the file; GBK bytes in a single write are
refused at the door (the C test and the CLI test cover the bytes: a Python
str cannot carry them)."""
import os

import pytest

import campaign

HEADER = "outcome,unit,status,percent,date\n"


def test_file_import_calls_back_with_rows_and_bytes(seed, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "".join("t1.2.o1,kuangguan,in_progress,%d,2010-11-15\n" % (i % 100)
                                     for i in range(600)), encoding="utf-8")
    size = os.path.getsize(path)
    calls = []
    seed.progress_import_file(path=str(path), actor="clerk",
                              progress=lambda rows, done, total: calls.append((rows, done, total)) or 0)
    # after the header, every 256 rows, and at the end
    assert [rows for rows, _, _ in calls] == [0, 256, 512, 600]
    assert calls[-1] == (600, size, size)
    assert all(total == size for _, _, total in calls)
    assert [done for _, done, _ in calls] == sorted(done for _, done, _ in calls)
    assert len(list(seed.progress_history_query())) == 600


def test_a_callable_that_stops_the_import_writes_nothing(seed, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "t1.2.o1,kuangguan,in_progress,5,2010-11-15\n" * 300, encoding="utf-8")
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(path), actor="clerk", progress=lambda rows, done, total: rows >= 256)
    assert str(info.value) == "%s: import stopped" % path
    assert list(seed.progress_history_query()) == []


def test_a_sheet_headed_in_chinese_imports(seed, tmp_path):
    # the titles the tool writes under LANG=zh_CN (po/zh_CN.po) name their columns
    path = tmp_path / "zh.csv"
    path.write_text("成果,单位编号,状态,进度,日期,备注\nt1.2.o1,kuangguan,in_progress,60,2010-11-20,中文表头𠀋\n",
                    encoding="utf-8")
    seed.progress_import_file(path=str(path), actor="clerk")
    [row] = list(seed.progress_history_query())
    assert (row.outcome, row.unit, row.percent, row.note) == ("t1.2.o1", "kuangguan", 60, "中文表头𠀋")
    path.write_text("成果,单位编号,状态,进度,日期,负责人\n", encoding="utf-8")
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=str(path), actor="clerk")
    assert str(info.value) == ('%s:1:18: unknown column "负责人" (expected outcome, unit, status, percent, date, '
                               'note, evidence)' % path)
