"""Issue 21, item 4, through Python: another bureau's plan (road-2011.txt: 牵头单位:X;配合单位:Y on its own line,
[牵头单位:X;责任单位:Y], 由X牵头,Y配合, a heading's deadline) drafts the plan written by hand beside it."""
import campaign
from conftest import SOURCE

DOCS = SOURCE / "tests" / "data" / "document"


def store(yaml):
    db = campaign.open(":memory:")
    db.plan_import_string(yaml, actor="tester")
    return db


def keys(db):
    names = {u.id: u.name for u in db.units_query()}
    names.update({g.id: g.name for g in db.unit_groups_query()})
    measures = [(m.id, m.text) for m in db.measures_query()]
    resp = [(r.measure, r.role, names[r.unit or r.unit_group]) for r in db.responsibilities_query()]
    outcomes = [(o.id, o.text, o.deadline_text) for o in db.outcomes_query()]
    phases = [(p.id, p.name, p.period_text) for p in db.phases_query()]
    milestones = [(m.id, m.text, m.deadline_text, names[m.unit or m.unit_group]) for m in db.milestones_query()]
    return measures, resp, outcomes, phases, milestones


def test_road_plan_draft_equals_hand_keys():
    with store(campaign.plan_from_document_yaml(str(DOCS / "road-2011.txt"))) as draft, \
            store((DOCS / "road-2011.yaml").read_text(encoding="utf-8")) as hand:
        mine, truth = keys(draft), keys(hand)
        assert mine == truth
        assert len(mine[0]) == 5
        assert ("t1.2.m2", "support", "办公室") in mine[1]
        assert mine[2][0] == ("t1.1.o1", "执法人员持证上岗率达到100%。", "6月底前完成")
        assert mine[4][0][3] == "各县(市、区)交通运输局"
