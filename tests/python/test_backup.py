"""store.backup(actor, path): campaign_backup() from Python."""
import pytest

import campaign

SEED = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples/plans/leshan-2010.yaml"


def test_backup_is_a_store_of_its_own(tmp_path):
    live, copy = tmp_path / "live.db", tmp_path / "copy.db"
    with campaign.Store(live) as db:
        db.plan_import_file(str(SEED), "tester")
        db.backup("clerk", str(copy))
        with pytest.raises(campaign.Conflict, match="a backup never overwrites one"):
            db.backup("clerk", str(copy))
    with campaign.Store(copy, campaign.OPEN_READONLY) as b:
        assert len(list(b.measures_query())) == 35
        assert [r for r in b.audit_verify() if r["severity"] == "problem"] == []
