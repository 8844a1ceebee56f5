#!/bin/sh
# The tables bureaus keep: CSV saved by Excel or WPS on Chinese Windows
# (GB18030/GBK, a BOM, dates as 2010/11/15), CSV written so that a
# spreadsheet reads no formula, and a history listing fed back to its import.
# usage: tables.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
c() { "$cli" "$@" --actor office; }

expect_rc 0 c import "$src/examples/plans/leshan-2010.yaml"

# a progress sheet in GBK with the dates Excel re-saves
printf 'outcome,unit,status,percent,date,note\r\nt1.2.o1,kuangguan,in_progress,50,2010/11/15,已部署\r\nt1.2.o1,kuangguan,in_progress,60,2010年11月16日,=1+1\r\n' \
	| iconv -f UTF-8 -t GB18030 >gbk.csv
expect_bad 'gbk.csv:2:1: invalid UTF-8 (byte 0xd2)' "GBK read as UTF-8" c progress import gbk.csv
expect_rc 2 c progress import gbk.csv --encoding latin1
grep -q 'not one of utf-8, gb18030, gbk, auto' err || fail "bad encoding: $(cat err)"
expect_rc 0 c progress import gbk.csv --encoding gbk
grep -q 'imported 2 reports' out || fail "GBK import: $(cat out)"

# CSV out: the formula-like note is text; a byte-order mark for Excel
expect_rc 0 c progress history --format csv
cp out history.csv
head -c 3 history.csv | od -An -tx1 | grep -q 'ef bb bf' || fail "no BOM"
grep -q ",2010-11-15,已部署," history.csv || fail "Chinese note: $(cat history.csv)"
grep -q ",2010-11-16,'=1+1," history.csv || fail "formula not marked: $(cat history.csv)"

# the history feeds back into a fresh store, as it was
mkdir fresh && cd fresh
expect_rc 0 c import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 c progress import ../history.csv
grep -q 'imported 2 reports' out || fail "history re-import: $(cat out)"
expect_rc 0 c progress history --format json
/usr/bin/python3 - out <<'PY' || fail "re-imported history: $(cat out)"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert [(r["percent"], r["reported_on"], r["note"]) for r in rows] == [(50, "2010-11-15", "已部署"), (60, "2010-11-16", "=1+1")], rows
assert all(r["actor"] == "office" for r in rows)
PY
# ... and detected when it comes back in GB18030
iconv -f UTF-8 -t GB18030 <../history.csv >history-gb.csv
expect_rc 0 c progress import history-gb.csv --encoding auto
grep -q 'imported 2 reports' out || fail "auto: $(cat out)"

# xlsx out: numbers, dates and text kept apart, a formula-like note as text; Chinese titles
expect_rc 2 c progress history --format xlsx
grep -q 'give --output FILE.xlsx' err || fail "xlsx without --output: $(cat err)"
expect_rc 0 c progress history --format xlsx --output h.xlsx
expect_rc 0 c inspection rectification ledger --format xlsx --output ledger.xlsx
/usr/bin/python3 - h.xlsx ledger.xlsx <<'PY' || fail "xlsx read back"
import datetime, sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
assert ws.title == "history" and ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
rows = list(ws.iter_rows(values_only=True))
assert rows[0][:7] == ("id", "outcome", "unit", "status", "percent", "reported_on", "note"), rows[0]
# the fresh store holds the history twice (imported, then detected as GB18030)
assert [r[4:7] for r in rows[1:]] == [(50, datetime.datetime(2010, 11, 15), "已部署")] * 2 + \
                                     [(60, datetime.datetime(2010, 11, 16), "=1+1")] * 2, rows
assert ws["G4"].value == "=1+1" and ws["G4"].data_type == "s"
ledger = openpyxl.load_workbook(sys.argv[2]).active
assert next(ledger.iter_rows(values_only=True))[:4] == ("序号", "单位", "问题类别", "存在问题")
PY
echo ok
