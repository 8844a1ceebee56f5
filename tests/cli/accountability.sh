#!/bin/sh
# `campaign accountability ...`: people, evaluations, rules, evaluation,
# decisions, actions, tours; outputs and exit codes (0 ok, 1 bad input, 2 usage).
# usage: accountability.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
acc() { "$cli" accountability "$@" --actor office; }

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" inspection catalogue import "$src/examples/catalogues/five-behaviours.yaml" --actor office
expect_rc 0 acc people import "$src/examples/people/leshan-2010-people.yaml"
expect_bad 'people-bad.yaml:7:9: no post with id "nope"' "bad people file" acc people import "$src/tests/data/accountability/people-bad.yaml"
expect_rc 0 acc people from-bodies
grep -q "added 8 people" out || fail "from-bodies: $(cat out)"
expect_rc 0 acc people list --format json
/usr/bin/python3 - out <<'PY' || fail "people json"
import json, sys
rows = {r["name"]: r for r in json.load(open(sys.argv[1], encoding="utf-8"))}
assert rows["赵发澍"]["body_role"] == "组长", rows["赵发澍"]
assert rows["样例某癸"]["unit"] == "mabian"
PY
expect_rc 0 acc evaluation import "$src/examples/people/evaluations-2010.csv"
expect_bad 'evaluations-bad.csv:4:9: row 3: unknown unit "nowhere"' "bad evaluations" acc evaluation import "$src/tests/data/accountability/evaluations-bad.csv"
expect_rc 0 acc evaluation ranking 2010 --group counties --format csv
[ "$(tail -n +2 out | wc -l)" -eq 11 ] || fail "ranking rows"
tail -n 1 out | grep -q "mabian" || fail "mabian ranks last: $(cat out)"
expect_version 1 "rules version" acc rules import "$src/examples/rules/leshan-2010.yaml"
expect_bad 'rules-bad.yaml:9:8: rule "bottom": n must be a whole number of at least 1' "bad rules" acc rules import "$src/tests/data/accountability/rules-bad.yaml"
expect_rc 0 "$cli" inspection finding record mabian investigated 2010-11-20 挪用项目资金 --id F1 \
  --category five-behaviours/b5 --people 样例某癸 --actor office
expect_rc 2 acc evaluate
expect_rc 2 acc evaluate --as-of 2011-07-01 --frobnicate
expect_rc 0 acc evaluate --as-of 2011-07-01
n=$(sed -n 's/.*: \([0-9]*\) new proposals/\1/p' out)
[ "$n" -gt 30 ] || fail "evaluate: $(cat out)"
expect_rc 0 acc evaluate --as-of 2011-07-01
grep -q ": 0 new proposals" out || fail "a second evaluation adds nothing: $(cat out)"
expect_rc 0 acc proposals --format json
/usr/bin/python3 - out <<'PY' || fail "proposals json"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
interviews = [r for r in rows if r["action"] == "interview"]
assert len(interviews) == 1 and interviews[0]["unit"] == "mabian", interviews
assert interviews[0]["person_name"] == "样例某癸" and interviews[0]["evidence"].startswith("conduct_evaluation:")
susp = [r for r in rows if r["action"] == "suspension"]
assert len(susp) == 1 and susp[0]["evidence"] == "finding:F1", susp
assert any(r["action"] == "rotation" and r["person"] == "renshi.p1" for r in rows)
assert sum(r["action"] == "inspection_tour" for r in rows) == 11
open("interview", "w").write(interviews[0]["id"])
PY
id=$(cat interview)
expect_bad "a rejection needs a note" "reject without a note" acc decide "$id" reject 2011-07-02
expect_rc 0 acc decide "$id" accept 2011-07-02 --note 同意
expect_bad "ECONFLICT" "decided twice" acc decide "$id" accept 2011-07-02
expect_rc 0 acc actions --kind interview --as-of 2011-07-03 --format json
action=$(/usr/bin/python3 -c 'import json,sys; r=json.load(open("out")); assert len(r)==1 and r[0]["status"]=="overdue", r; print(r[0]["id"])')
expect_rc 0 acc action "$action" explanation_received 2011-07-10
expect_rc 0 acc actions summary --as-of 2011-07-11 --format csv
grep -q "interview,约谈,mabian" out || fail "summary: $(cat out)"
expect_rc 0 acc tour schedule 2011 --group counties --from 2011-03-01 --to 2011-11-30
grep -q "planned tours 2011: 11" out || fail "schedule: $(cat out)"
expect_rc 0 acc tour record shizhong 2011-03-02 --leader 样例组长
expect_rc 0 acc tour finding shizhong 2011-03-03 作风不实 --id TF1
grep -q "recorded finding TF1" out || fail "tour finding"
expect_rc 0 acc tour list 2011 --group counties --as-of 2012-01-01 --format csv
[ "$(grep -c ',missing' out)" -eq 10 ] || fail "tour list: $(cat out)"
expect_rc 0 acc record mabian.p1 --format csv
grep -q "proposal" out || fail "record"
expect_rc 0 "$cli" log --by office --format csv
grep -q "person.read_record" out || fail "the record read is logged"
expect_rc 2 acc nonsense
expect_rc 0 "$cli" verify
echo "accountability cli: ok"
