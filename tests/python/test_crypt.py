"""Confidential fields sealed at rest, from Python: Store(path, key=...)."""
import pathlib
import sqlite3

import pytest

import campaign
from conftest import KEY, SEED

KEY2 = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"
NAME, PHONE = "王𠀋明", "13912345678"
NO_KEY = "the store was opened without its key: confidential fields are locked"
WRONG_KEY = "the key does not match this store's confidential fields"


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "crypt.db"
    with campaign.Store(path, key=KEY) as db:
        db.plan_import_file(SEED, actor="tester")
        db.case_lead_add(id="L-1", unit="mabian", received_on="2010-11-18", details="举报收受红包",
                         reporter=NAME, reporter_contact=PHONE, actor="office")
        assert next(db.case_lead_confidential_query(lead="L-1", actor="office")).reporter == NAME
    return path


def raw_holds(path, text):
    p = pathlib.Path(str(path))
    return p.exists() and text.encode("utf-8") in p.read_bytes()


def test_raw_bytes_and_backup_hold_no_secret(store, tmp_path):
    backup = tmp_path / "backup.db"
    with sqlite3.connect(store) as a, sqlite3.connect(backup) as b:
        a.backup(b)
    for f in (store, str(store) + "-wal", backup):
        assert not raw_holds(f, NAME) and not raw_holds(f, PHONE), f
    assert raw_holds(store, "mabian")


def log_size(path):
    with sqlite3.connect(path) as s:
        return s.execute("SELECT count(*) FROM audit_log").fetchone()[0]


@pytest.mark.parametrize("key,message", [(None, NO_KEY), (KEY2, WRONG_KEY)])
def test_locked_without_or_with_wrong_key(store, key, message):
    before = log_size(store)
    with campaign.Store(store, key=key) as db:
        with pytest.raises(campaign.Locked) as e:
            db.case_lead_confidential_query(lead="L-1", actor="office")
        assert e.value.code == -11
        assert message in str(e.value)
        with pytest.raises(campaign.Locked, match=message):
            db.case_lead_add(received_on="2010-11-19", details="x", actor="office")
        with pytest.raises(campaign.Locked, match=message):
            db.key_check()
        assert [r.id for r in db.case_leads_query()] == ["L-1"]
        assert [r for r in db.audit_verify() if r.severity == "problem"] == []
    assert log_size(store) == before


def test_rotation(store):
    with campaign.Store(store, key=KEY) as db:
        assert db.key_rotate(actor="office", new_key=KEY2) == 3
        assert {(r.tbl, r.col): r.clear for r in db.key_status_query()}[("case_lead_confidential", "reporter")] == 0
    with campaign.Store(store, key=KEY) as db:
        with pytest.raises(campaign.Locked, match=WRONG_KEY):
            db.case_lead_confidential_query(lead="L-1", actor="office")
    with campaign.Store(store, key=KEY2) as db:
        row = next(db.case_lead_confidential_query(lead="L-1", actor="office"))
        assert (row.reporter, row.reporter_contact) == (NAME, PHONE)
        assert [r for r in db.audit_verify() if r.severity == "problem"] == []
    assert not raw_holds(store, NAME)


def test_search_never_finds_confidential_text(store):
    with campaign.Store(store, key=KEY) as db:
        assert list(db.search_query(text=NAME)) == []
        assert list(db.search_query(text="收受红包")) == []


def test_typical_cases_masked(seed):
    seed.catalogue_import_file(path=SEED.parents[1] / "catalogues" / "ten-categories.yaml", actor="office")
    seed.finding_add(id="F-M", unit="mabian", category="ten-categories/c8", origin="investigated",
                     people="王𠀋明、欧阳修", description="王𠀋明收受贿赂，欧阳修知情不报", found_on="2010-11-20",
                     actor="office")
    seed.case_lead_add(id="L-1", finding="F-M", received_on="2010-11-21", details="秘密", reporter="赵举报",
                       actor="office")
    seed.case_lead_resolve(lead="L-1", outcome="sanctioned", date="2010-12-01", actor="office")
    rows = [r.as_dict() for r in seed.typical_cases_query(actor="office")]
    assert [(r["id"], r["people"], r["found"], r["outcome_label"]) for r in rows] == \
        [("L-1", "王某、欧阳某", "王某收受贿赂，欧阳某知情不报", "给予处分")]
    assert list(seed.typical_cases_query(actor="office", to="2010-11-30")) == []
    with pytest.raises(campaign.InvalidInput):
        seed.typical_cases_query(actor="office", to="2010-13-01")
