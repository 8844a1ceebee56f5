"""The integrity-risk register through Python."""
import pytest

import campaign
from conftest import SOURCE

MODELS = SOURCE / "examples" / "models"


@pytest.fixture
def risky(seed):
    for m in ("matrix-5x5", "weighted-factors", "criteria-count"):
        assert seed.import_risk_model(MODELS / (m + ".yaml"), actor="office") == 1
    return seed


def test_register_import_grades_and_warnings(risky):
    risky.import_risk_register(SOURCE / "examples" / "risk" / "register.csv", actor="office")
    points = list(risky.risk_points())
    assert len(points) == 13
    assert all(p.grade is not None for p in points if p.inputs)
    on_matrix = [p for p in points if p.model == "matrix-5x5"]
    heat = list(risky.risk_heatmap(model="matrix-5x5"))
    assert len(heat) == 25
    assert sum(c.points for c in heat) == len(on_matrix) > 0
    cell = next(c for c in heat if (c.likelihood, c.impact) == (4, 5))
    assert cell.points == sum(1 for p in on_matrix if p.inputs == "impact=5,likelihood=4")
    # a grade's review falls due after its interval: none yet, some a year on
    assert list(risky.risk_warnings(as_of="2010-11-11")) == [] or all(
        w.kind != "review_overdue" for w in risky.risk_warnings(as_of="2010-11-11"))
    assert any(w.kind for w in risky.risk_warnings(as_of="2011-12-31"))


def test_weighted_threshold_boundaries(risky):
    risky.add_risk_point("liyong", "business", "土地出让审批", "业务流程", "出让方案审查", actor="office", id="W")
    grades = [m for m in risky.risk_model_grades(model="weighted-factors")]
    assert len(grades) == 3
    with pytest.raises(campaign.InvalidInput):
        risky.grade_risk_point("W", "power=99", "2010-11-12", actor="office", model="weighted-factors")


def test_override_needs_reason(risky):
    risky.add_risk_point("liyong", "business", "土地出让审批", "业务流程", "出让方案审查", actor="office", id="P")
    risky.grade_risk_point("P", "likelihood=2,impact=2", "2010-11-10", actor="office", model="matrix-5x5")
    assert next(risky.risk_points()).grade == "3"
    with pytest.raises(campaign.InvalidInput):
        risky.override_risk_grade("P", "1", "", "2010-11-10", actor="office")
    risky.override_risk_grade("P", "1", "曾发生违纪案件", "2010-11-10", actor="office")
    assert next(risky.risk_points()).grade == "1"
    assert len(list(risky.risk_grades(point="P"))) == 2
