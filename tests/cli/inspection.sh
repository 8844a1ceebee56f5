#!/bin/sh
# `campaign inspection ...`: catalogues, rounds, findings, the rectification
# ledger and case leads; outputs and exit codes (0 ok, 1 bad input, 2 usage).
# usage: inspection.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
insp() { "$cli" inspection "$@" --actor office; }

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_version 1 "catalogue version" insp catalogue import "$src/examples/catalogues/ten-categories.yaml"
expect_rc 0 insp catalogue import "$src/examples/catalogues/five-behaviours.yaml"
expect_version 1 "an unchanged catalogue keeps its version" insp catalogue import "$src/examples/catalogues/ten-categories.yaml"
expect_bad "catalogue-bad.yaml:8:5: duplicate category id" "bad catalogue" insp catalogue import "$src/tests/data/inspection/catalogue-bad.yaml"
expect_rc 0 insp catalogue list --format csv
[ "$(grep -c -- '-' out)" -ge 2 ] || fail "catalogue list"
expect_rc 0 insp catalogue show five-behaviours
grep -q "在项目实施和资金使用中违规操作、弄虚作假" out || fail "five behaviours"

# a round for every county bureau; one report on time, one late
expect_rc 0 insp round create self-2010 --group counties --from 2010-10-15 --to 2010-12-20 --deadline 12月中旬
expect_bad "ECONFLICT" "second round" insp round create self-2010 --group counties --from 2010-10-15 --to 2010-12-20 --deadline 12月中旬
expect_rc 2 insp round create self-x --group counties --from 2010-10-15 --to 2010-12-20 --deadline 12月中旬 --frobnicate
expect_rc 0 insp round submit self-2010/emeishan 2010-12-15 --document "峨国土资〔2010〕88号"
expect_rc 0 insp round submit self-2010/mabian 2010-12-25
expect_rc 0 insp round list --format json
/usr/bin/python3 - out <<'PY' || fail "round list json"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(rows) == 11, len(rows)
assert all(r["deadline"] == "2010-12-20" for r in rows)
PY
expect_rc 0 insp round missing --as-of 2010-12-21 --format csv
[ "$(tail -n +2 out | wc -l)" -eq 10 ] || fail "missing on 12-21: $(cat out)"
grep -q "emeishan" out && fail "emeishan reported on time"
expect_rc 0 insp round missing --as-of 2010-12-31 --format json
/usr/bin/python3 - out <<'PY' || fail "missing json"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
late = [r for r in rows if r["status"] == "late"]
assert len(rows) == 10 and [r["unit"] for r in late] == ["mabian"], rows
assert late[0]["days_late"] == 5
PY

# findings and leniency
expect_rc 0 insp finding record emeishan self_reported 2010-11-05 擅自缓缴土地出让金 --id F-E --category ten-categories/c9 --amount 1200000
grep -q "recorded finding F-E" out || fail "finding id"
expect_rc 0 insp finding record mabian inspection_tour 2010-11-20 设小金库 --category ten-categories/c10
grep -Eq "recorded finding [0-9a-f-]{36}" out || fail "new finding id: $(cat out)"
expect_bad 'unknown unit "nowhere"' "unknown unit" insp finding record nowhere audit 2010-11-20 x
expect_rc 2 insp finding record emeishan audit 2010-11-20
expect_rc 0 insp finding list --format json
/usr/bin/python3 - out <<'PY' || fail "findings json"
import json, sys
rows = {r["unit"]: r for r in json.load(open(sys.argv[1], encoding="utf-8"))}
assert rows["emeishan"]["leniency"] == "lenient", rows["emeishan"]
assert rows["emeishan"]["reason"] == "在自查自纠时限(2010-10-15至2010-12-20)内自查发现,主动纠正,自纠从宽"
assert rows["emeishan"]["amount"] == "1200000.00"
assert rows["mabian"]["leniency"] == "strict"
assert rows["mabian"]["reason"] == "由巡视发现,不是本单位自查发现,被查从严"
PY
expect_rc 0 insp finding flag F-E concealment 2010-12-05 --note 隐瞒
expect_rc 0 insp finding list --id F-E --format csv
grep -q "存在掩盖问题行为" out || fail "concealment reason"
expect_rc 0 insp finding import "$src/tests/data/inspection/findings.csv"
expect_bad "findings-bad.csv:3:7: row 2: unknown unit" "bad import" insp finding import "$src/tests/data/inspection/findings-bad.csv"

# the rectification ledger
expect_rc 0 insp rectification add F-E --id R1 --measure 追缴出让金 --deadline 2011-01-31 --responsible 王局长 --criterion 全额入库
expect_rc 0 insp rectification add F-E --id R2 --measure 建立台账 --deadline 2011-03-31 --responsible 财务室 --criterion 台账运行
expect_bad 'rectification "R1" cannot be closed before it passes verification' "close rule" insp rectification close R1 2011-02-01
expect_bad "only a done rectification can be verified" "verify rule" insp rectification verify R1 passed 2011-02-01
expect_rc 0 insp rectification update R2 in_progress 2011-01-10
expect_rc 0 insp rectification overdue --as-of 2011-02-01 --format csv
grep -q "R1" out || fail "R1 overdue"
grep -q "R2" out && fail "R2 not yet due"
expect_rc 0 insp rectification ledger --as-of 2011-02-10 --format csv
head -c 3 out | od -An -tx1 | grep -q "ef bb bf" || fail "ledger csv BOM"
head -1 out | grep -q "序号,单位,问题类别,存在问题,整改措施,整改时限,责任人,验收标准,整改状态,验收情况,销号日期,逾期" || fail "ledger header: $(head -1 out)"
grep -q "逾期10天" out || fail "ledger overdue: $(cat out)"
expect_rc 0 insp rectification ledger --as-of 2011-02-10 --format markdown
grep -q "| 序号 |" out || fail "ledger markdown: $(cat out)"
expect_rc 0 insp rectification update R1 done 2011-02-05
expect_rc 0 insp rectification verify R1 passed 2011-02-06 --verifier 张雷
expect_rc 0 insp rectification close R1 2011-02-07
expect_rc 0 insp rectification ledger --as-of 2011-02-10 --format json
grep -q '"verification_label": *"通过(张雷 2011-02-06)"' out || fail "ledger json: $(cat out)"
expect_bad "was closed on 2011-02-07" "closed stays closed" insp rectification update R1 in_progress 2011-02-08

# case leads: the reporter is in no ordinary output, only in the confidential view
expect_rc 0 insp case-lead create --id L-1 --unit mabian --received 2010-11-18 --details 举报收受贿赂 --reporter 王秘密 --contact 13900001111
expect_rc 0 insp case-lead refer L-1 discipline 乐山市纪委 2010-11-25 --reference "乐国土监〔2010〕5号"
expect_rc 0 insp case-lead resolve L-1 filed 2010-12-01
for cmd in "case-lead list" "finding list" "rectification list" "rectification ledger" "round list" "round missing"; do
  for f in text csv json markdown; do
    expect_rc 0 insp $cmd --format $f
    grep -q "王秘密\|13900001111\|举报收受贿赂" out && fail "confidential text in $cmd --format $f"
  done
done
expect_rc 0 "$cli" log
grep -q "王秘密" out && fail "reporter in the log"
expect_rc 0 "$cli" export
grep -q "王秘密" out && fail "reporter in the export"
expect_rc 0 insp case-lead list --confidential --format json
grep -q '"reporter": *"王秘密"' out || fail "confidential view: $(cat out)"
expect_rc 0 "$cli" log --by office
grep -q "case_lead.read_confidential" out || fail "confidential read not logged"
expect_rc 0 insp case-lead list --confidential --id L-1 --format csv
grep -q "王秘密" out || fail "confidential view of one lead"
expect_rc 0 "$cli" log --object L-1
grep -q "case_lead.read_confidential" out || fail "confidential read of L-1 not logged"
expect_rc 2 insp case-lead
expect_rc 2 insp frobnicate
echo "inspection cli: ok"
