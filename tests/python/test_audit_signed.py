"""Signed chain heads, witnesses and the log by role (issue 16) through Python."""
import hashlib
import sqlite3

import pytest

import campaign
from conftest import SEED

COLS = "seq, at, kind, tbl, key, object, actor, operation, campaign, detail, before, after, call"


def problems(rows):
    return [(p.problem, p.seq) for p in rows if p.severity == "problem"]


def signed_store(path, pem, **opts):
    with campaign.Store(path, signing_key=pem, **opts) as db:
        db.plan_import_file(SEED, actor="张三")
        db.progress_report_add(outcome="t2.4.o1", unit="jiancha", status="done", percent=100, date="2010-10-28",
                               actor="李四")


def test_trimmed_log_found_by_the_witness_file(tmp_path):
    pem = campaign.audit_keygen()
    pub = campaign.audit_public_key(pem)
    path, witness = tmp_path / "s.db", tmp_path / "head.txt"
    signed_store(path, pem, witness_file=str(witness))
    head = witness.read_text()
    raw = sqlite3.connect(path)
    last = raw.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    assert head.startswith(f"libcampaign head 1\nsite: \nseq: {last}\nhash: ")
    with campaign.Store(path) as db:
        assert list(db.audit_verify(None, pub)) == []
    raw.execute("DELETE FROM audit_head WHERE seq = ?", (last,))
    raw.execute("DELETE FROM audit_log WHERE seq = ?", (last,))
    raw.commit()
    raw.close()
    with campaign.Store(path) as db:
        found = [p for p in db.audit_verify(head, pub) if p.problem == "witness_mismatch"]
        assert [p.seq for p in found] == [last]
        assert found[0].message.startswith(f"trimmed: the witness saw entry {last} with hash ")
        assert found[0].message.endswith(f"; the log ends at {last - 1}")
        with pytest.raises(campaign.InvalidInput, match="not a libcampaign checkpoint or head"):
            list(db.audit_verify("nonsense", pub))


def test_forged_append_is_an_unsigned_tail(tmp_path):
    pem = campaign.audit_keygen()
    path = tmp_path / "f.db"
    signed_store(path, pem)
    raw = sqlite3.connect(path)
    seq, prev = raw.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    row = [seq + 1, "2010-11-01T00:00:00.000Z", "call", None, None, None, "伪造者", "plan.approve", None, None, None,
           None, None]
    data = "".join("-|" if v is None else f"{len(v.encode())}:{v}|" for v in [prev] + [None if v is None else str(v)
                                                                                      for v in row])
    raw.execute(f"INSERT INTO audit_log ({COLS}, hash) VALUES ({', '.join('?' * 14)})",
                row + [hashlib.sha256(data.encode()).hexdigest()])
    raw.commit()
    raw.close()
    with campaign.Store(path) as db:
        assert problems(db.audit_verify()) == [("unsigned_tail", seq + 1)]


def test_replaced_key_found_with_the_real_one(tmp_path):
    pem, forger = campaign.audit_keygen(), campaign.audit_keygen()
    path = tmp_path / "k.db"
    signed_store(path, pem)
    raw = sqlite3.connect(path)
    raw.executescript("DELETE FROM audit_head; DELETE FROM audit_key")
    raw.close()
    with campaign.Store(path, signing_key=forger) as db:
        db.progress_report_add(outcome="t2.2.o4", unit="emeishan", status="done", percent=100, date="2010-12-15",
                               actor="伪造者")
    with campaign.Store(path) as db:
        assert problems(db.audit_verify()) == []
        assert [p.problem for p in db.audit_verify(None, campaign.audit_public_key(pem))] == ["key_mismatch"]


def test_store_without_key_verifies_with_a_notice(seed):
    rows = list(seed.audit_verify())
    assert [(r.problem, r.seq, r.severity) for r in rows] == [("unsigned_tail", 1, "notice")]


def test_log_by_role(seed):
    seed.role_grant(person="督查办", role="supervision_office", actor="setup")
    seed.role_grant(person="峨眉文员", role="unit_clerk", unit="emeishan", actor="督查办")
    seed.progress_report_add(outcome="t2.2.o4", unit="emeishan", status="done", percent=100, date="2010-12-15",
                             actor="峨眉文员")
    seed.progress_report_add(outcome="t2.4.o1", unit="jiancha", status="done", percent=100, date="2010-10-28",
                             actor="督查办")
    clerk = list(seed.audit_read(reader="峨眉文员"))
    assert [(e.kind, e.actor) for e in clerk if e.actor == "峨眉文员"] == [("insert", "峨眉文员"), ("call", "峨眉文员")]
    assert all(e.actor == "峨眉文员" or e.object == "emeishan" for e in clerk)
    assert len(list(seed.audit_read(reader="督查办"))) == len(list(seed.audit_query()))
    with pytest.raises(campaign.PermissionDenied, match="may not read the audit log"):
        list(seed.audit_read(reader="路人"))
    assert [e.operation for e in seed.audit_query(actor="路人")] == ["denied"]
