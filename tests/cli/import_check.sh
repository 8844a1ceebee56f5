#!/bin/sh
# --check on every bulk import: each bad row reported with its position (up to
# --max-errors), a summary naming the first, exit 1; a clean file is "checked",
# and in both cases nothing is written.
# usage: import_check.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

count() { sqlite3 campaign.db "SELECT count(*) FROM $1"; }
expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" inspection catalogue import "$src/examples/catalogues/ten-categories.yaml"
expect_rc 0 "$cli" inspection catalogue import "$src/examples/catalogues/five-behaviours.yaml"
expect_rc 0 "$cli" risk model import "$src/examples/models/weighted-factors.yaml"
audit=$(count audit_log)

# a clean file: checked, nothing written
expect_rc 0 "$cli" inspection finding import --check "$src/tests/data/inspection/findings.csv"
grep -qx "checked $src/tests/data/inspection/findings.csv: no errors, nothing written" out || fail "clean check: $(cat out)"
[ "$(count finding)" -eq 0 ] || fail "a check wrote findings"

# two bad rows: each on its line, then the summary (the first, and how many more)
cat >bad.csv <<'CSV'
id,unit,category,origin,people,description,amount,found_on,round
F-1,nowhere,ten-categories/c1,self_reported,,低价出让,,2010-11-06,
F-2,mabian,ten-categories/c1,self_reported,,低价出让,,2010-13-07,
F-3,emeishan,ten-categories/c1,self_reported,,低价出让,,2010-11-08,
CSV
expect_rc 1 "$cli" inspection finding import --check bad.csv
grep -q '^bad.csv:2:5: row 1: ' err || fail "the first bad row: $(cat err)"
grep -q '^bad.csv:3:.*row 2: ' err || fail "the second bad row: $(cat err)"
grep -q '(and 1 more)' err || fail "the summary: $(cat err)"
expect_rc 1 "$cli" inspection finding import --check --max-errors 1 bad.csv
[ "$(grep -c 'row 2: ' err)" -eq 0 ] || fail "--max-errors 1 went on: $(cat err)"
expect_bad "error_limit -1 is negative" "a bad --max-errors" "$cli" inspection finding import --check --max-errors x bad.csv
[ "$(count finding)" -eq 0 ] || fail "a failed check wrote findings"

# every other bulk import takes it
expect_rc 0 "$cli" progress import --check "$src/tests/data/progress/good.csv"
grep -q "^checked .*good.csv: no errors, nothing written" out || fail "progress check: $(cat out)"
expect_rc 1 "$cli" progress import --check "$src/tests/data/progress/bad-unit.csv"
expect_rc 0 "$cli" risk register import --check --model weighted-factors "$src/tests/data/risk/register.yaml"
grep -q "^checked " out || fail "register check: $(cat out)"
expect_bad 'register-bad.csv:4:5: row 3: unknown unit "nowhere"' "register check" \
	"$cli" risk register import --check "$src/tests/data/risk/register-bad.csv"
expect_rc 0 "$cli" accountability evaluation import --check "$src/examples/people/evaluations-2010.csv"
grep -q "^checked " out || fail "evaluations check: $(cat out)"
expect_rc 0 "$cli" accountability people import --check "$src/examples/people/leshan-2010-people.yaml"
grep -q "^checked " out || fail "people check: $(cat out)"
for t in progress_report risk_point conduct_evaluation person; do
	[ "$(count $t)" -eq 0 ] || fail "a check wrote to $t"
done
[ "$(count audit_log)" -eq "$audit" ] || fail "a check wrote to the audit log"
# the ledger, once its findings are there
expect_rc 0 "$cli" inspection finding import "$src/tests/data/inspection/findings.csv"
expect_rc 0 "$cli" inspection rectification import --check "$src/tests/data/inspection/ledger.csv"
grep -q "^checked " out || fail "ledger check: $(cat out)"
[ "$(count rectification)" -eq 0 ] || fail "a check wrote rectifications"
echo "cli.import_check: ok"
