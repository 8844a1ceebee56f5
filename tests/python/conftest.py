import os
import pathlib

import pytest

import campaign

SOURCE = pathlib.Path(os.environ.get("CAMPAIGN_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SEED = SOURCE / "examples" / "plans" / "leshan-2010.yaml"
DATA = SOURCE / "tests" / "data" / "plan"
PROGRESS = SOURCE / "tests" / "data" / "progress"


@pytest.fixture
def seed():
    with campaign.open(":memory:") as db:
        db.import_yaml(SEED, actor="tester")
        yield db


def dump(db):
    """Every query of the plan, for comparing two stores."""
    out = []
    for name in ("campaigns", "units", "unit_groups", "bodies", "body_members", "phases", "milestones", "tasks",
                 "measures", "responsibilities", "outcomes"):
        for row in getattr(db, name)():
            d = row.as_dict()
            d.pop("imported_at", None)
            out.append((name, d))
    for g in db.unit_groups():
        out.extend(("members", r.as_dict()) for r in db.group_members(g.id))
    return out
