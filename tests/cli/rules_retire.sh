#!/bin/sh
# `campaign accountability rules retire|sets`, and a sql rule calling
# load_extension refused at import (exit 1, the store unchanged).
# usage: rules_retire.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
acc() { "$cli" accountability "$@" --actor office; }

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
cat >evil.yaml <<'YAML'
format: 1
ruleset: {id: evil, name: evil}
rules:
  - id: r3
    kind: sql
    action: interview
    query: "SELECT unit, NULL AS person, 'x' AS evidence, load_extension('/tmp/evil.so') AS reason FROM rule_unit"
YAML
expect_bad 'evil.yaml:7:12: rule "r3": the SQL calls load_extension(), which rules may not use' "load_extension" \
  acc rules import evil.yaml
expect_rc 0 acc rules sets --format csv
[ "$(wc -l <out)" -eq 1 ] || fail "a refused set is stored: $(cat out)"
expect_version 1 "rules version" acc rules import "$src/examples/rules/sql-example.yaml"
expect_rc 0 acc rules retire leshan-2010-local "补充规则已废止"
grep -q "retired rule set leshan-2010-local" out || fail "retire: $(cat out)"
expect_rc 0 acc rules list --format csv
[ "$(wc -l <out)" -eq 1 ] || fail "a retired set is in force: $(cat out)"
expect_rc 0 acc rules sets --format json
/usr/bin/python3 - out <<'PY' || fail "sets json"
import json, sys
(s,) = json.load(open(sys.argv[1], encoding="utf-8"))
assert (s["id"], s["status"], s["retired_by"], s["retired_reason"]) == \
    ("leshan-2010-local", "retired", "office", "补充规则已废止"), s
PY
expect_bad 'rule set "leshan-2010-local" (version 1) is retired already' "twice" \
  acc rules retire leshan-2010-local again
expect_bad 'no rule set with id "nowhere"' "unknown" acc rules retire nowhere why
expect_rc 2 acc rules retire leshan-2010-local
