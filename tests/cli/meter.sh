#!/bin/sh
# The progress line of a long import: on stderr, rows, rate, share and time
# left, ending with the final count; forced by --progress, drawn on a
# terminal (script(1) gives one), silent in a pipe and with --quiet; the
# import's result on stdout is the same either way.
# usage: meter.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
{ echo "outcome,unit,status,percent,date"
  i=0; while [ $i -lt 3000 ]; do echo "t1.2.o1,kuangguan,in_progress,$((i % 100)),2010-11-15"; i=$((i + 1)); done
} >big.csv
cp campaign.db fresh.db

expect_rc 0 "$cli" progress import big.csv --progress
same_out="imported 3000 reports from big.csv"
[ "$(cat out)" = "$same_out" ] || fail "--progress: stdout $(cat out)"
last=$(tr '\r' '\n' <err | grep . | tail -1)
echo "$last" | grep -Eq '^3000 rows, [0-9]+ rows/s, 100%, [0-9]+ s left *$' || fail "--progress: last line [$last]"
tr '\r' '\n' <err | grep -q '^0 rows' || fail "--progress: no first line: $(cat err)"
[ "$(tail -c 1 err | od -An -c | tr -d ' ')" = '\n' ] || fail "--progress: the line is not ended"

# not a terminal: nothing; --quiet: nothing even when forced
cp fresh.db campaign.db
expect_rc 0 "$cli" progress import big.csv
[ ! -s err ] || fail "a pipe got a progress line: $(cat err)"
cp fresh.db campaign.db
expect_rc 0 "$cli" progress import big.csv --progress --quiet
[ ! -s err ] || fail "--quiet drew a progress line: $(cat err)"

# Chinese
cp fresh.db campaign.db
expect_rc 0 env LANG=zh_CN.UTF-8 "$cli" progress import big.csv --progress
tr '\r' '\n' <err | grep -Eq '^已读 3000 行，每秒 [0-9]+ 行，100%，约剩 [0-9]+ 秒' || fail "zh line: $(cat err)"

# a terminal draws it unasked
if command -v script >/dev/null 2>&1; then
  cp fresh.db campaign.db
  script -qec "$cli progress import big.csv" /dev/null >tty.txt </dev/null || fail "under script: $(cat tty.txt)"
  tr '\r' '\n' <tty.txt | grep -Eq '^3000 rows, [0-9]+ rows/s, 100%' || fail "a terminal got no progress line: $(cat tty.txt)"
  grep -q "imported 3000 reports from big.csv" tty.txt || fail "under script: $(cat tty.txt)"
fi
