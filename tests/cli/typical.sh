#!/bin/sh
# `campaign cases typical`: resolved cases from findings for public release,
# names masked (王𠀋明 -> 王某) in every column, in text, JSON, CSV and xlsx.
# usage: typical.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
insp() { "$cli" inspection "$@" --actor office; }

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 insp catalogue import "$src/examples/catalogues/ten-categories.yaml"
expect_rc 0 insp finding record mabian investigated 2010-11-20 "王𠀋明收受贿赂，欧阳修知情不报" --id F-M \
	--category ten-categories/c8 --people "王𠀋明、欧阳修"
expect_rc 0 insp case-lead create --id L-1 --finding F-M --received 2010-11-21 --details 秘密线索 --reporter 赵举报
expect_rc 0 insp case-lead resolve L-1 sanctioned 2010-12-01 --note 秘密意见
for f in text json csv; do
	expect_rc 0 "$cli" cases typical --format "$f" --actor office
	grep -q "王某收受贿赂，欧阳某知情不报" out || fail "$f: found masked: $(cat out)"
	grep -q "王某、欧阳某" out || fail "$f: people masked"
	! grep -q "𠀋\|秘密\|赵举报" out || fail "$f: a name or a confidential field: $(cat out)"
done
expect_rc 0 "$cli" cases typical --format json --actor office
/usr/bin/python3 - out <<'PY' || fail "typical json"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert [(r["id"], r["outcome"], r["people"]) for r in rows] == [("L-1", "sanctioned", "王某、欧阳某")], rows
PY
expect_rc 0 "$cli" cases typical --format xlsx --output typical.xlsx --actor office
/usr/bin/python3 - typical.xlsx <<'PY' || fail "typical xlsx"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
assert "王某收受贿赂" in text and "𠀋" not in text, text[:400]
PY
expect_rc 0 "$cli" log --format csv
grep -q "case_lead.typical_release" out || fail "the release is logged"
expect_rc 1 "$cli" cases typical --to 2010-13-01 --actor office
echo "typical: ok"
