"""Rules cannot harm evaluation, through Python: WITH RECURSIVE refused at import; a rule whose value
grows past the length limit stops the evaluation, which writes nothing."""
import pytest

import campaign

SIMPLE = "; rules must be simple selections over the rule_* views"


def rule(query):
    return ("format: 1\nruleset: {id: t, name: test}\nrules:\n  - id: r3\n    kind: sql\n"
            f"    action: interview\n    query: \"{query}\"\n")


def test_recursive_refused(seed):
    with pytest.raises(campaign.InvalidInput) as e:
        seed.rules_import_string(yaml=rule("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                           "SELECT NULL AS unit, NULL AS person, 'x' AS evidence, x AS reason FROM c"),
                                 name="t.yaml", actor="督查办")
    assert str(e.value).endswith('t.yaml:7:12: rule "r3": the SQL uses WITH RECURSIVE, which rules may not use')
    assert list(seed.rulesets_query()) == []


def test_too_long_stops_evaluation(seed):
    huge = "replace(printf('%.*c', 1000, 'x'), 'x', printf('%.*c', 1001, 'y'))"
    assert seed.rules_import_string(yaml=rule(f"SELECT unit, NULL AS person, 'x' AS evidence, {huge} AS reason "
                                              "FROM rule_unit"), name="t.yaml", actor="督查办") == 1
    with pytest.raises(campaign.InvalidInput) as e:
        seed.accountability_evaluate(as_of="2010-12-01", actor="督查办")
    assert str(e.value).endswith('rule "r3": a value the SQL made is longer than 1000000 bytes' + SIMPLE)
    assert list(seed.proposals_query()) == []
