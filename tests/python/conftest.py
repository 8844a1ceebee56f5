import os
import pathlib

import pytest

import campaign

SOURCE = pathlib.Path(os.environ.get("CAMPAIGN_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SEED = SOURCE / "examples" / "plans" / "leshan-2010.yaml"
DATA = SOURCE / "tests" / "data" / "plan"
PROGRESS = SOURCE / "tests" / "data" / "progress"
# The confidential fields' key of the test stores (their confidential fields are sealed under it).
KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"


@pytest.fixture
def seed():
    with campaign.open(":memory:", key=KEY) as db:
        db.plan_import_file(SEED, actor="tester")
        yield db


def dump(db):
    """Every query of the plan, for comparing two stores."""
    out = []
    for name in ("campaigns_query", "units_query", "unit_groups_query", "bodies_query", "body_members_query",
                 "phases_query", "milestones_query", "tasks_query", "measures_query", "responsibilities_query",
                 "outcomes_query"):
        for row in getattr(db, name)():
            d = row.as_dict()
            d.pop("imported_at", None)
            out.append((name, d))
    for g in db.unit_groups_query():
        out.extend(("members", r.as_dict()) for r in db.unit_group_members_query(group=g.id))
    return out
