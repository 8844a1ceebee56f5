#!/bin/sh
# The `campaign` tool: subcommands, outputs and exit codes (0 ok, 1 bad input, 2 usage).
# usage: plan.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
test -f campaign.db || fail "default store campaign.db not created"
grep -q "imported leshan-ltyg-2010" out || fail "import output"
expect_bad "ECONFLICT" "second import should conflict" "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml" --replace --actor 张三

expect_rc 0 "$cli" show --format json
/usr/bin/python3 - out <<'PY' || fail "show json"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
areas = d["tasks"]
assert len(areas) == 3, len(areas)
tasks = [t for a in areas for t in a["tasks"]]
assert len(tasks) == 10
ms = [m for t in tasks for m in t["measures"]]
os_ = [o for t in tasks for o in t["outcomes"]]
assert len(ms) == 35 and len(os_) == 32, (len(ms), len(os_))
assert d["counts"] == {"areas": 3, "tasks": 10, "measures": 35, "outcomes": 32}
m = {m["id"]: m for m in ms}
assert m["t1.1.m1"]["lead"] == ["利用科"]
assert m["t1.1.m1"]["support"] == ["规划科", "耕保科", "地籍科", "法规科", "监察室", "信访科", "交易中心"]
assert m["t2.1.m3"]["lead"] == ["法规科", "办公室"]
o = {o["id"]: o for o in os_}
assert o["t2.2.o4"]["deadline"] == {"text": "12月中旬完成", "first": "2010-12-11", "last": "2010-12-20", "open_ended": False}
assert o["t2.2.o1"]["deadline"] is None
assert d["campaign"]["imported_by"] == "张三"
PY
expect_rc 0 "$cli" show
grep -q "牵头: 法规科(涉及政策法规)、办公室(涉及机关内部管理)" out || fail "show text"
expect_rc 2 "$cli" show --format xml
expect_rc 2 "$cli" show --db
expect_rc 2 "$cli"
expect_rc 2 "$cli" frobnicate
expect_rc 2 "$cli" import
expect_rc 0 "$cli" export --output plan.yaml
expect_rc 0 "$cli" import plan.yaml --db second.db
expect_rc 0 "$cli" export --db second.db
cmp out plan.yaml || fail "export of the re-imported plan differs"
expect_bad "missing.db: no such store" "missing store message" "$cli" show --db missing.db
expect_rc 1 "$cli" import "$src/tests/data/plan/bad-month.yaml" --db bad.db
grep -q "bad-month.yaml:42:23: outcome: invalid deadline \"2010年13月底\": month 13 is out of range" err || fail "bad plan message: $(cat err)"

check_deadline() { expect_rc 0 "$cli" deadline "$1" ${3:-}; [ "$(cat out)" = "$2" ] || fail "deadline $1 gave '$(cat out)', want '$2'"; }
check_deadline 2010年11月底 "2010-11-21 2010-11-30"
check_deadline 12月中旬 "2010-12-11 2010-12-20" "--year 2010"
check_deadline 2011年第三季度 "2011-07-01 2011-09-30"
check_deadline 2012年2月底前 "2012-02-21 2012-02-29"
check_deadline 二〇一一年十月十日前 "2011-10-10 2011-10-10"
check_deadline ２０１１年上半年 "2011-01-01 2011-06-30"
check_deadline 长期坚持 "open-ended"
expect_bad '"2011年2月30日"' "deadline error names the text" "$cli" deadline 2011年2月30日
expect_rc 1 "$cli" deadline 12月中旬
expect_rc 2 "$cli" deadline 12月中旬 --year abc

# the responsibility matrix, progress and the report (issue 4)
expect_rc 0 "$cli" matrix --format csv
head -c 3 out | od -An -tx1 | grep -q "ef bb bf" || fail "CSV needs a UTF-8 BOM"
grep -q "序号,任务,具体措施,牵头单位,配合单位,完成时限" out || fail "matrix CSV header"
[ "$(grep -c '^[0-9]' out)" -ge 35 ] || fail "matrix rows"
expect_rc 0 "$cli" matrix --unit jiancha --format json
/usr/bin/python3 -c "import json,sys; r=json.load(open('out')); assert len(r)==24, len(r); assert sum(x['role']=='lead' for x in r)==14" || fail "unit matrix json"
expect_bad 'unknown unit "nobody"' "unknown unit" "$cli" matrix --unit nobody
expect_rc 0 "$cli" warnings
grep -q "t1.2.m2 没有牵头单位" out || fail "warnings"
expect_rc 0 "$cli" progress add t2.4.o1 jiancha done 100 2010-10-28 --note 完成
expect_rc 1 "$cli" progress add t2.4.o1 jiancha finished 100 2010-10-28
expect_rc 2 "$cli" progress add t2.4.o1 jiancha
expect_bad "bad-status.csv:3:18: row 2: status" "bad csv row named" "$cli" progress import "$src/tests/data/progress/bad-status.csv"
expect_rc 0 "$cli" progress history --format json
/usr/bin/python3 -c "import json; assert len(json.load(open('out'))) == 1" || fail "bad import wrote something"
expect_rc 0 "$cli" progress import "$src/tests/data/progress/good.csv"
grep -q "imported 3 reports" out || fail "good csv"
expect_rc 0 "$cli" report --as-of 2010-12-01 --format json
/usr/bin/python3 - out <<'PY' || fail "report json"
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [o["id"] for o in r["overdue"]]
assert ids == ["t1.1.o1", "t1.2.o1", "t2.1.o1", "t2.4.o2", "t3.1.o1", "t3.2.o4", "t3.3.o2"], ids
o = r["overdue"][0]
assert o["deadline"] == {"text": "2010年11月底完成", "first": "2010-11-21", "last": "2010-11-30"}
assert o["units"] == ["利用科"]
assert r["supervision"][0]["unit"] == "jiancha"
PY
for f in text markdown csv; do expect_rc 0 "$cli" report --as-of 2010-12-01 --format $f; grep -q "t3.2.o4" out || fail "report $f"; done
expect_rc 2 "$cli" report --format xml
expect_rc 1 "$cli" report --as-of 2010-02-30
expect_rc 0 "$cli" thresholds --yellow 3 --red 1
grep -q "^3 *1" out || fail "thresholds"

# full-text search (issue 6)
expect_rc 0 "$cli" inspection catalogue import "$src/examples/catalogues/ten-categories.yaml"
expect_rc 0 "$cli" inspection finding record liyong investigated 2010-12-02 擅自修改土地利用规划 --id F-1 --category ten-categories/c3
expect_rc 0 "$cli" search 规划 --format json
/usr/bin/python3 -c "import json; r=json.load(open('out')); assert [(h['object'], h['text']) for h in r] == [('F-1', '擅自修改土地利用【规划】')], r" || fail "search"
expect_rc 1 "$cli" search 规划 --kind case
expect_rc 2 "$cli" search
echo "cli: all commands and exit codes as documented"
