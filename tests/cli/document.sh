#!/bin/sh
# campaign plan from-document (issue 21): the seed's text drafts a plan that
# imports, with the report in a file; a bad encoding is a usage error (exit 2),
# a missing file a failure (exit 1).
# usage: document.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

doc="$src/tests/data/document/leshan-2010.txt"
expect_rc 0 "$cli" plan from-document "$doc" --output plan.yaml --report report.txt --id leshan-ltyg-2010
[ ! -s out ] || fail "with --output nothing goes to stdout: $(cat out)"
grep -q '^# Drafted plan: 3 areas, 10 tasks, 35 measures, 32 outcomes (27 with a deadline), 4 phases' report.txt || fail "report counts: $(head -1 report.txt)"
grep -q '^L10: responsibility of measure t1.1.m1$' report.txt || fail "report line use"
expect_rc 0 "$cli" import plan.yaml
grep -q "imported leshan-ltyg-2010" out || fail "import of the draft: $(cat out)"
expect_rc 0 "$cli" matrix --unit 利用科 --format csv
[ "$(grep -c 'lead' out)" -eq 4 ] || fail "利用科 leads the four measures of 一(一)1: $(cat out)"

# stdout without --output; GB18030 read as such
expect_rc 0 "$cli" plan from-document "$src/tests/data/document/county-2012.gb18030.txt" --encoding gb18030
grep -q 'text: "清理2011年以来的土地审批案卷。"' out || fail "GB18030 draft: $(cat out)"
expect_rc 2 "$cli" plan from-document "$doc" --encoding latin1
expect_bad "cannot open the file" "a missing document" "$cli" plan from-document absent.txt
echo "cli document: ok"
