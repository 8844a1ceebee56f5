"""The integrity-risk register through Python."""
import pytest

import campaign
from conftest import SOURCE

MODELS = SOURCE / "examples" / "models"


@pytest.fixture
def risky(seed):
    for m in ("matrix-5x5", "weighted-factors", "criteria-count"):
        assert seed.risk_model_import_file(path=MODELS / (m + ".yaml"), actor="office") == 1
    return seed


def test_register_import_grades_and_warnings(risky):
    risky.risk_register_import_file(path=SOURCE / "examples" / "risk" / "register.csv", actor="office")
    points = list(risky.risk_points_query())
    assert len(points) == 13
    assert all(p.grade is not None for p in points if p.inputs)
    on_matrix = [p for p in points if p.model == "matrix-5x5"]
    heat = list(risky.risk_heatmap_query(model="matrix-5x5", residual=0))
    assert len(heat) == 25
    assert sum(c.points for c in heat) == len(on_matrix) > 0
    cell = next(c for c in heat if (c.likelihood, c.impact) == (4, 5))
    assert cell.points == sum(1 for p in on_matrix if p.inputs == "impact=5,likelihood=4")
    # a grade's review falls due after its interval: none yet, some a year on
    assert list(risky.risk_warnings_query(as_of="2010-11-11")) == [] or all(
        w.kind != "review_overdue" for w in risky.risk_warnings_query(as_of="2010-11-11"))
    assert any(w.kind for w in risky.risk_warnings_query(as_of="2011-12-31"))


def test_weighted_threshold_boundaries(risky):
    risky.risk_point_add(unit="liyong", scope="business", scope_name="土地出让审批", type="业务流程",
                         name="出让方案审查", actor="office", id="W")
    grades = [m for m in risky.risk_model_grades_query(model="weighted-factors")]
    assert len(grades) == 3
    with pytest.raises(campaign.InvalidInput):
        risky.risk_point_grade(point="W", inputs="power=99", date="2010-11-12", actor="office", model="weighted-factors")


def test_override_needs_reason(risky):
    risky.risk_point_add(unit="liyong", scope="business", scope_name="土地出让审批", type="业务流程",
                         name="出让方案审查", actor="office", id="P")
    risky.risk_point_grade(point="P", inputs="likelihood=2,impact=2", date="2010-11-10", actor="office",
                           model="matrix-5x5")
    assert next(risky.risk_points_query()).grade == "3"
    with pytest.raises(campaign.InvalidInput):
        risky.risk_point_override(point="P", grade="1", reason="", date="2010-11-10", actor="office")
    risky.risk_point_override(point="P", grade="1", reason="曾发生违纪案件", date="2010-11-10", actor="office")
    assert next(risky.risk_points_query()).grade == "1"
    assert len(list(risky.risk_grades_query(point="P"))) == 2
