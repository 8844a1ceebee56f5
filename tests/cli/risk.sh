#!/bin/sh
# `campaign risk ...`: models, the register, grades, controls, the
# publication, warnings and reports; outputs and exit codes (0 ok, 1 bad
# input, 2 usage).
# usage: risk.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
risk() { "$cli" risk "$@" --actor office; }

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_version 1 "model version" risk model import "$src/examples/models/matrix-5x5.yaml"
expect_rc 0 risk model import "$src/examples/models/weighted-factors.yaml"
expect_rc 0 risk model import "$src/examples/models/criteria-count.yaml"
expect_version 1 "an unchanged model keeps its version" risk model import "$src/examples/models/matrix-5x5.yaml"
expect_bad 'model-bad-cells.yaml:13:5: row 2 of "cells" has 2 cells, not 3' "bad model" risk model import "$src/tests/data/risk/model-bad-cells.yaml"
expect_rc 0 risk model list --format json
/usr/bin/python3 - out <<'PY' || fail "model list json"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert [r["id"] for r in rows] == ["criteria-count", "matrix-5x5", "weighted-factors"], rows
assert [r["id"] for r in rows if r["is_default"]] == ["matrix-5x5"], rows
PY
expect_rc 0 risk model grades
grep -q "一级(主要领导负责)" out || fail "grades: $(cat out)"
expect_rc 2 risk model frobnicate
expect_rc 2 risk model list --frobnicate

# the register: one bad row writes nothing
expect_bad 'register-bad.csv:4:5: row 3: unknown unit "nowhere"' "bad register" risk register import "$src/tests/data/risk/register-bad.csv"
expect_rc 0 risk point list --format csv
[ "$(tail -n +2 out | wc -l)" -eq 0 ] || fail "a failed import wrote points: $(cat out)"
expect_rc 0 risk register import "$src/examples/risk/register.csv"
grep -q "imported 13 risk points" out || fail "register: $(cat out)"
expect_rc 0 risk register import "$src/tests/data/risk/register.yaml" --model weighted-factors
expect_rc 0 risk point add renshi post 干部监督岗 岗位职责 干部档案管理 --id LS-R20 --manifestations 篡改干部档案 --owner 人事科科长 --leader 局长
grep -q "added risk point LS-R20" out || fail "point add: $(cat out)"
expect_bad 'scope "desk" is not one of post, business, process_step' "bad scope" risk point add renshi desk 干部监督岗 岗位职责 干部档案管理
expect_rc 2 risk point add renshi post
expect_rc 0 risk point update LS-R20 leader 纪检组长

# grading, overrides, controls
expect_rc 0 risk grade LS-R20 --inputs likelihood=2,impact=4 --date 2010-11-22
expect_rc 0 risk point list --unit renshi --format json
/usr/bin/python3 - out <<'PY' || fail "grade"
import json, sys
rows = {r["id"]: r for r in json.load(open(sys.argv[1], encoding="utf-8"))}
assert rows["LS-R20"]["grade"] == "2" and rows["LS-R20"]["leader"] == "纪检组长", rows["LS-R20"]
assert rows["LS-R06"]["grade"] == "2", rows["LS-R06"]
PY
expect_bad "likelihood = 9 is outside 1..5" "range" risk grade LS-R20 --inputs likelihood=9 --date 2010-11-22
expect_rc 2 risk override LS-R20 1
expect_rc 0 risk override LS-R20 1 --reason "近期信访举报集中" --date 2010-11-23
expect_rc 0 risk grades LS-R20 --format json
/usr/bin/python3 - out <<'PY' || fail "grades history"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert [r["grade"] for r in rows] == ["2", "1"], rows
assert rows[1]["override_reason"] == "近期信访举报集中" and rows[1]["current"] == 1, rows[1]
PY
expect_rc 0 risk control add LS-R01 prevention 出让方案集体会审 --status in_place --effect likelihood=-2 --id C-1
expect_rc 0 risk control add LS-R01 monitoring 电子监察全程监控 --due 2010-12-31 --id C-2
expect_rc 0 risk control list --point LS-R01 --format csv
[ "$(tail -n +2 out | wc -l)" -eq 2 ] || fail "controls: $(cat out)"
expect_rc 0 risk point list --unit liyong --format json
/usr/bin/python3 - out <<'PY' || fail "residual grade"
import json, sys
rows = {r["id"]: r for r in json.load(open(sys.argv[1], encoding="utf-8"))}
assert rows["LS-R01"]["grade"] == "2", rows["LS-R01"]   # (4, 5) less 2 likelihood: (2, 5)
PY
expect_rc 1 risk control status C-9 in_place
expect_rc 0 risk coverage --format json
/usr/bin/python3 - out <<'PY' || fail "coverage"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert "LS-R01" not in [r["point"] for r in rows]   # no longer top grade
assert all(r["grade_label"] == "一级风险" for r in rows), rows
PY

# model change, re-grade on request
cat > matrix-v2.yaml <<'YAML'
format: 1
model: {id: matrix-5x5, kind: matrix, name: 廉政风险评估矩阵(修订)}
grades:
  - {id: "1", label: 一级风险, owner_level: 一级(主要领导负责), review_days: 60, color: red}
  - {id: "2", label: 二级风险, owner_level: 二级(分管领导负责), review_days: 180, color: yellow}
  - {id: "3", label: 三级风险, owner_level: 三级(科室负责人负责), review_days: 365, color: blue}
likelihood: [极少发生, 不太可能, 可能发生, 很可能发生, 几乎肯定发生]
impact: [轻微, 较小, 中等, 较大, 严重]
cells:
  - ["3", "3", "3", "3", "2"]
  - ["3", "3", "2", "2", "1"]
  - ["3", "2", "2", "1", "1"]
  - ["3", "2", "1", "1", "1"]
  - ["2", "2", "1", "1", "1"]
YAML
expect_version 2 "model v2" risk model import matrix-v2.yaml
expect_rc 0 risk regrade --model matrix-5x5 --unit liyong --date 2011-01-05
grep -q "regraded 2 risk points" out || fail "regrade: $(cat out)"
expect_rc 0 risk point history LS-R02 --format csv
grep -q "二级风险 (matrix-5x5@1),一级风险 (matrix-5x5@2)" out || fail "history: $(cat out)"

# publication, with a confidential note that never appears
expect_rc 0 risk confidential set LS-R03 "原矿管科副科长2009年受党内警告处分"
expect_rc 0 risk publication draft kuangguan --date 2010-11-25
pub=$(awk '{print $3}' out)
expect_bad "ECONFLICT" "publish a draft" risk publication publish "$pub" --date 2010-11-26
expect_rc 0 risk publication approve "$pub" --date 2010-11-26
expect_rc 0 risk publication publish "$pub" --date 2010-11-30
expect_rc 0 risk publication export "$pub" --format csv
[ "$(head -c 3 out | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || fail "CSV without BOM"
head -1 out | grep -q "序号,单位科室,风险类别,风险点,表现形式,风险等级,防控措施,部门负责人,责任领导" || fail "columns: $(head -1 out)"
grep -q "采矿许可证发放" out || fail "publication: $(cat out)"
grep -q "党内警告" out && fail "confidential field in the publication"
expect_rc 0 risk publication export --unit kuangguan --format markdown
grep -q "| 1 | 矿管科 |" out || fail "markdown: $(cat out)"
grep -q "党内警告" out && fail "confidential field in markdown"
expect_rc 0 risk publication export --format json
grep -q "党内警告" out && fail "confidential field in json"
expect_rc 0 risk confidential show --point LS-R03
grep -q "党内警告" out || fail "confidential show: $(cat out)"

# warnings on a date
expect_rc 0 risk warnings --as-of 2011-02-11 --format json
/usr/bin/python3 - out <<'PY' || fail "warnings"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
overdue = sorted(r["point"] for r in rows if r["kind"] == "review_overdue")
assert overdue == ["LS-R03", "LS-R04"], overdue     # 一级 graded 2010-11-12, every 90 days
assert all(r["color"] == "red" for r in rows if r["kind"] == "review_overdue")
assert [r["point"] for r in rows if r["kind"] == "control_overdue"] == ["LS-R01"], rows
PY
expect_rc 1 risk warnings --as-of 2011-02-30
expect_rc 0 risk distribution --format csv
grep -q "kuangguan,矿管科,process,业务流程,1,一级风险,1" out || fail "distribution: $(cat out)"
expect_rc 0 risk heatmap --format json
/usr/bin/python3 - out <<'PY' || fail "heatmap"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(rows) == 25 and rows[0]["likelihood"] == 5 and rows[0]["impact"] == 1
assert sum(r["points"] for r in rows) == 14, sum(r["points"] for r in rows)
PY
expect_rc 0 risk heatmap --residual --format csv
expect_rc 1 risk heatmap --model weighted-factors
expect_rc 2 risk warnings extra
expect_rc 2 risk nothing
echo "risk CLI: ok"
