"""Accountability through Python: rules as data, evaluations, proposals, decisions."""
import pytest

import campaign
from conftest import SOURCE

PEOPLE = SOURCE / "examples" / "people"
RULES = SOURCE / "examples" / "rules" / "leshan-2010.yaml"


@pytest.fixture
def accountable(seed):
    assert seed.rules_import_file(path=RULES, actor="督查办") == 1
    seed.evaluations_import_file(path=PEOPLE / "evaluations-2010.csv", actor="督查办")
    return seed


def test_ranking_and_bottom_interview(accountable):
    ranking = list(accountable.evaluation_ranking_query(year=2010, period="全年", group="counties"))
    assert [(r.unit, r.rank) for r in ranking][:1] == [("shizhong", 1)]
    assert ranking[-1].unit == "mabian"
    n = accountable.accountability_evaluate(as_of="2011-02-01", actor="督查办")
    assert n > 0
    interviews = [p for p in accountable.proposals_query() if p.kind == "evaluation_bottom"]
    assert [(p.unit, p.rule) for p in interviews] == [("mabian", "evaluation-bottom")]
    # deterministic: evaluating again proposes nothing new
    assert accountable.accountability_evaluate(as_of="2011-02-01", actor="督查办") == 0


def test_decision_recorded_with_actor(accountable):
    accountable.accountability_evaluate(as_of="2011-02-01", actor="督查办")
    p = next(p for p in accountable.proposals_query() if p.kind == "evaluation_bottom")
    with pytest.raises(campaign.InvalidInput):
        accountable.proposal_decide(proposal=p.id, decision="reject", date="2011-02-02", actor="督查办")  # a rejection needs a note
    accountable.proposal_decide(proposal=p.id, decision="accept", date="2011-02-02", actor="督查办",
                              note="约谈马边县局局长")
    decided = next(q for q in accountable.proposals_query() if q.id == p.id)
    assert (decided.status, decided.decided_by) == ("accepted", "督查办")
    with pytest.raises(campaign.Conflict):
        accountable.proposal_decide(proposal=p.id, decision="accept", date="2011-02-03", actor="督查办")


def test_sql_rule_refuses_writes(seed):
    bad = """format: 1
ruleset: {id: bad, name: 坏规则}
rules:
  - id: drop
    name: 删除
    kind: sql
    action: interview
    query: "DELETE FROM unit"
"""
    with pytest.raises(campaign.InvalidInput):
        seed.rules_import_string(yaml=bad, actor="督查办")
    assert len(list(seed.units_query())) == 29
