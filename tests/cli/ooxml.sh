#!/bin/sh
# xlsx in and .docx in from the command line: a history written as a
# workbook feeds back to its import, --sheet picks a sheet whose bad cell is
# named Sheet!A1, a damaged workbook is refused; `campaign import FILE.docx
# --check` drafts and checks a plan from its document, writing nothing, and
# without --check imports it.
# usage: ooxml.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
c() { "$cli" "$@" --actor office; }
x=$src/tests/data/xlsx d=$src/tests/data/document

expect_rc 0 c import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 c progress import "$x/progress.xlsx"
grep -q 'imported 3 reports' out || fail "xlsx import: $(cat out)"
expect_bad "progress.xlsx: 第二批!D3: row 2: percent 130 is not in 0..100" "a named sheet's bad cell" \
	c progress import "$x/progress.xlsx" --sheet 第二批
expect_bad 'no sheet "无" (the workbook has "进度", "第二批")' "a missing sheet" c progress import "$x/progress.xlsx" --sheet 无
expect_bad 'compressed 1028:1, more than 500:1 (a zip bomb?)' "a zip bomb" c progress import "$x/bomb.xlsx"
expect_rc 0 c progress history --format xlsx --output h.xlsx
expect_rc 0 c progress import h.xlsx
grep -q 'imported 3 reports' out || fail "history fed back: $(cat out)"
expect_rc 0 c progress history --format csv
[ "$(grep -c '=1+1 𠀋 中文' out)" -eq 2 ] || fail "the note, byte for byte: $(cat out)"

# a plan straight from its document
mkdir doc && cd doc
expect_rc 0 c import "$d/seed.docx" --check
grep -q '# Drafted plan: 3 areas, 10 tasks, 35 measures, 32 outcomes' out || fail "check report: $(cat out)"
grep -q 'drafts a plan that imports; nothing written' out || fail "check verdict: $(cat out)"
[ ! -e campaign.db ] || fail "--check wrote a store"
expect_rc 0 c import "$d/seed.docx"
expect_rc 0 c warnings
expect_bad 'campaign "campaign" is already in the store' "a second import" c import "$d/leshan-2010.txt" --check
expect_rc 0 c import "$d/leshan-2010.txt" --check --replace
expect_rc 2 c import "$src/examples/plans/leshan-2010.yaml" --check
echo ok
