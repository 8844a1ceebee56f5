#!/bin/sh
# `campaign accountability rules import|evaluate` and a sql rule's budget: WITH
# RECURSIVE refused at import, a value past the length limit stops the
# evaluation (exit 1, nothing proposed).
# usage: rules_budget.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
acc() { "$cli" accountability "$@" --actor office; }

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
rule() {
	printf 'format: 1\nruleset: {id: t, name: t}\nrules:\n  - id: r3\n    kind: sql\n    action: interview\n    query: "%s"\n' "$1" >t.yaml
}
rule "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT NULL AS unit, NULL AS person, 'x' AS evidence, x AS reason FROM c"
expect_bad 't.yaml:7:12: rule "r3": the SQL uses WITH RECURSIVE, which rules may not use' "recursive" acc rules import t.yaml
rule "SELECT unit, NULL AS person, 'x' AS evidence, replace(printf('%.*c', 1000, 'x'), 'x', printf('%.*c', 1001, 'y')) AS reason FROM rule_unit"
expect_version 1 "too long" acc rules import t.yaml
expect_bad 'rule "r3": a value the SQL made is longer than 1000000 bytes; rules must be simple selections over the rule_\* views' \
  "too long" acc evaluate --as-of 2010-12-01
expect_rc 0 acc proposals --format csv
[ "$(wc -l <out)" -le 1 ] || fail "a stopped evaluation proposed: $(cat out)"
