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
        assert list(db.audit_verify()) == []
    raw = sqlite3.connect(path)
    raw.execute("UPDATE outcome SET text = '已完成' WHERE id = 't1.1.o1'")
    raw.commit()
    raw.close()
    with campaign.open(path) as db:
        problems = list(db.audit_verify())
        kinds = {(p.problem, p.object) for p in problems}
        assert kinds == {("row_changed", "t1.1.o1")}
        assert problems[0].seq > 0  # the entry that logged the row last


def test_checkpoint_signed(seed):
    key = campaign.audit_keygen()
    pub = campaign.audit_public_key(key)
    cp = seed.audit_checkpoint(key)
    assert list(seed.audit_verify(cp, pub)) == []
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
        assert list(db.audit_verify()) == []
        batch = entries[0].seq
    raw = sqlite3.connect(path)
    raw.execute("UPDATE progress_report SET note = '第1200次报告(伪)' WHERE note = '第1200次报告'")
    raw.commit()
    raw.close()
    with campaign.open(path) as db:
        assert [(p.problem, p.seq, p.object) for p in db.audit_verify()] == [("row_changed", batch, report.id)]
