#!/bin/sh
# campaign report --format xlsx --output FILE: one sheet per section, Chinese
# headers (read back with openpyxl); without --output it is a usage error.
# usage: report_xlsx.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" report --as-of 2011-03-01 --format xlsx --output r.xlsx
/usr/bin/python3 - <<'PY' || fail "the workbook"
import openpyxl
wb = openpyxl.load_workbook("r.xlsx")
assert wb.sheetnames == ["成果进度", "各阶段", "各单位", "逾期成果", "督查名单", "单位进度"], wb.sheetnames
assert next(wb["督查名单"].values)[0] == "单位"
assert len(list(wb["成果进度"].values)) == 33
PY
expect_rc 2 "$cli" report --format xlsx
echo "cli.report_xlsx: ok"
