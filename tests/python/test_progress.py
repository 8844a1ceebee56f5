"""Matrix, progress, audit and roles through Python, on the seed plan."""
import datetime as dt
import sqlite3

import pytest

import campaign
from conftest import PROGRESS, SEED


def test_jiancha_matrix_row(seed):
    rows = list(seed.unit_matrix_query(unit="jiancha"))
    assert len(rows) == 24
    assert sum(r.role == "lead" for r in rows) == 14
    assert [r.measure for r in rows if r.via_group == "departments"] == ["t2.1.m3", "t3.3.m3"]
    assert next(r for r in rows if r.measure == "t3.1.m2").written == "纪监室"


def test_report_as_of_marks_exactly_the_overdue(seed):
    seed.progress_report_add(outcome="t2.4.o1", unit="jiancha", status="done", percent=100, date=dt.date(2010, 10, 28),
                         actor="clerk")
    seed.progress_report_add(outcome="t1.1.o1", unit="liyong", status="done", percent=100, date="2010-11-29", actor="clerk",
                         note="按期完成")
    seed.progress_report_add(outcome="t1.2.o1", unit="kuangguan", status="done", percent=100, date="2010-12-05",
                         actor="clerk")
    red = [o.outcome for o in seed.outcome_status_query(as_of=dt.date(2010, 12, 1)) if o.color == "red"]
    assert red == ["t1.2.o1", "t2.1.o1", "t2.4.o2", "t3.1.o1", "t3.2.o4", "t3.3.o2"]
    due_by = [o.id for o in seed.outcomes_query() if o.last and o.last <= dt.date(2010, 11, 30)]
    done = {"t1.1.o1", "t2.4.o1"}
    assert red == [o for o in due_by if o not in done]
    top = next(seed.supervision_query(as_of="2010-12-01"))
    assert (top.unit, top.overdue, top.max_days_late) == ("jiancha", 3, 62)


def test_bad_csv_writes_nothing(seed):
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_file(path=PROGRESS / "bad-status.csv", actor="clerk")
    assert str(info.value).endswith('bad-status.csv:3:18: row 2: status "finished" is not one of '
                                    'not_started, in_progress, done, blocked')
    assert list(seed.progress_history_query()) == []
    seed.progress_import_file(path=PROGRESS / "good.csv", actor="clerk")
    assert len(list(seed.progress_history_query())) == 3


def test_county_clerk_cannot_write_another_bureau(seed):
    seed.role_grant("督查办", "supervision_office", actor="setup")
    seed.role_grant("峨眉文员", "unit_clerk", unit="emeishan", actor="督查办")
    seed.progress_report_add(outcome="t2.2.o4", unit="emeishan", status="done", percent=100, date="2010-12-15",
                         actor="峨眉文员")
    with pytest.raises(campaign.PermissionDenied) as info:
        seed.progress_report_add(outcome="t2.2.o4", unit="mabian", status="done", percent=100, date="2010-12-15",
                             actor="峨眉文员")
    assert info.value.code == -8
    assert len(list(seed.progress_history_query())) == 1
    assert [e.operation for e in seed.audit_query(actor="峨眉文员")][-1] == "denied"


def test_audit_verify_finds_raw_update(tmp_path):
    path = tmp_path / "a.db"
    with campaign.open(path) as db:
        db.plan_import_file(SEED, actor="tester")
        assert [p for p in db.audit_verify() if p.severity == "problem"] == []
    raw = sqlite3.connect(path)
    raw.execute("UPDATE outcome SET text = '已完成' WHERE id = 't1.1.o1'")
    raw.commit()
    raw.close()
    with campaign.open(path) as db:
        problems = [p for p in db.audit_verify() if p.severity == "problem"]
        kinds = {(p.problem, p.object) for p in problems}
        assert kinds == {("row_changed", "t1.1.o1")}
        assert problems[0].seq > 0  # the entry that logged the row last


def test_checkpoint_signed(seed):
    key = campaign.audit_keygen()
    pub = campaign.audit_public_key(key)
    cp = seed.audit_checkpoint(key)
    assert [p for p in seed.audit_verify(cp, pub) if p.severity == "problem"] == []
    with pytest.raises(campaign.InvalidInput):
        list(seed.audit_verify(cp, campaign.audit_public_key(campaign.audit_keygen())))


def test_bulk_import_logged_as_one_batch(tmp_path):
    # 1 500 reports: 1 023 logged one by one, then the import switches to batches
    path = tmp_path / "bulk.db"
    with campaign.open(path) as db:
        db.plan_import_file(SEED, actor="tester")
        db.progress_import_file(path=PROGRESS / "many.csv", actor="李四")
        report = next(r for r in db.progress_history_query() if r.note == "第1200次报告")
        entries = list(db.audit_query(object=report.id))
        assert [(e.kind, e.tbl, e.actor, e.operation, e.detail) for e in entries] == [
            ("batch", "progress_report", "李四", "progress.import", '{"first":1024,"last":1500,"rows":477}')]
        first = next(r for r in db.progress_history_query() if r.note == "第1次报告")
        assert [e.kind for e in db.audit_query(object=first.id)] == ["insert"]
        assert [p for p in db.audit_verify() if p.severity == "problem"] == []
        batch = entries[0].seq
    raw = sqlite3.connect(path)
    raw.execute("UPDATE progress_report SET note = '第1200次报告(伪)' WHERE note = '第1200次报告'")
    raw.commit()
    raw.close()
    with campaign.open(path) as db:
        assert [(p.problem, p.seq, p.object) for p in db.audit_verify() if p.severity == "problem"] == [("row_changed", batch, report.id)]


HEADER = "outcome,unit,status,percent,date\n"
GOOD = "t1.2.o1,kuangguan,in_progress,50,2010-11-15\n"


def test_import_dry_run_reports_every_bad_row_and_writes_nothing(seed):
    errors = []
    text = (HEADER + GOOD + "t1.2.o1,kuangguan,finished,50,2010-11-15\n"
            "t1.2.o1,kuangguan,in_progress,5x,2010-11-15\n" "t1.2.o1,nowhere,in_progress,5,2010-11-31\n")
    with pytest.raises(campaign.InvalidInput) as info:
        seed.progress_import_string(text=text, name="t.csv", actor="clerk", dry_run=1,
                                    error=lambda code, file, line, column, message: errors.append((line, column, message)))
    assert str(info.value) == ('t.csv:3:19: row 2: status "finished" is not one of not_started, in_progress, done, '
                               'blocked (and 2 more)')
    assert [(line, column) for line, column, _ in errors] == [(3, 19), (4, 31), (5, 31)]
    assert list(seed.progress_history_query()) == []
    # a clean dry run succeeds and still writes nothing
    seed.progress_import_string(text=HEADER + GOOD, name="t.csv", actor="clerk", dry_run=1)
    assert list(seed.progress_history_query()) == []


def test_import_progress_callback_and_stopping(seed):
    text = HEADER + "".join("t1.2.o1,kuangguan,in_progress,%d,2010-11-15\n" % (i % 100) for i in range(1000))
    calls = []
    seed.progress_import_string(text=text, name="t.csv", actor="clerk",
                                progress=lambda rows, done, total: calls.append((rows, done, total)) or 0)
    assert len(calls) == 1 + 1000 // 256 + 1
    assert calls[-1] == (1000, len(text), len(text))
    assert len(list(seed.progress_history_query())) == 1000

    class Stop(Exception):
        pass

    def stop(rows, done, total):
        if rows >= 256:
            raise Stop()
        return 0
    with pytest.raises(Stop):
        seed.progress_import_string(text=text, name="t.csv", actor="clerk", progress=stop)
    assert len(list(seed.progress_history_query())) == 1000
