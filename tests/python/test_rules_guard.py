"""Rules cannot harm evaluation, through Python: a sql rule calling load_extension or reading a hidden
table is refused at import (nothing stored); a rule set retired keeps its history."""
import pytest

import campaign


def rule(query):
    return ("format: 1\nruleset: {id: t, name: test}\nrules:\n  - id: r3\n    kind: sql\n"
            f"    action: interview\n    query: \"{query}\"\n")


GOOD = ("SELECT unit, NULL AS person, 'unit:' || unit AS evidence, '约谈' AS reason FROM rule_unit "
        "WHERE campaign = :campaign AND unit = 'jiancha'")


@pytest.mark.parametrize("query, why", [
    ("SELECT unit, NULL AS person, 'x' AS evidence, load_extension('/tmp/x.so') AS reason FROM rule_unit",
     "the SQL calls load_extension(), which rules may not use"),
    ("SELECT unit, NULL AS person, 'x' AS evidence, readfile('/etc/passwd') AS reason FROM rule_unit",
     "the SQL calls readfile(), which rules may not use"),
    ("PRAGMA writable_schema = 1", "the SQL runs PRAGMA writable_schema, which rules may not use"),
    ("ATTACH DATABASE '/tmp/o.db' AS o", "the SQL runs ATTACH, which rules may not use"),
    ("SELECT NULL AS unit, NULL AS person, 'x' AS evidence, detail AS reason FROM audit_log",
     'a sql rule may read only the documented views (rule_*): "audit_log" is not one of them'),
])
def test_refused_at_import(seed, query, why):
    with pytest.raises(campaign.InvalidInput) as e:
        seed.rules_import_string(yaml=rule(query), name="t.yaml", actor="督查办")
    assert str(e.value).endswith(f't.yaml:7:12: rule "r3": {why}')
    assert list(seed.rulesets_query()) == []


def test_retire_keeps_history(seed):
    assert seed.rules_import_string(yaml=rule(GOOD), name="t.yaml", actor="督查办") == 1
    assert seed.accountability_evaluate(as_of="2010-12-01", actor="督查办") == 1
    seed.rules_retire(ruleset="t", reason="规则已废止", actor="督查办")
    assert list(seed.rules_query()) == []
    (s,) = seed.rulesets_query()
    assert (s.id, s.status, s.retired_by, s.retired_reason, s.proposals) == ("t", "retired", "督查办", "规则已废止", 1)
    assert [p.ruleset for p in seed.proposals_query()] == ["t"]
    with pytest.raises(campaign.Conflict, match=r'rule set "t" \(version 1\) is retired already'):
        seed.rules_retire(ruleset="t", reason="again", actor="督查办")
    with pytest.raises(campaign.NotFound, match='no rule set with id "nowhere"'):
        seed.rules_retire(ruleset="nowhere", reason="why", actor="督查办")
