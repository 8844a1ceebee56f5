#!/bin/sh
# The common options (--db, --actor, --campaign ...; `campaign --help` lists
# them) may stand before the command, between its words, or after its
# arguments: the command and its arguments are the same either way. A
# command's own options (--format ...) come after its name.
# usage: global_options.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
plan=$src/examples/plans/leshan-2010.yaml

expect_rc 0 "$cli" --db a.db --actor 监察室 import "$plan"
grep -q "^imported leshan-ltyg-2010" out || fail "options first: $(cat out)"
expect_rc 0 "$cli" --db=b.db import --actor 监察室 "$plan"
expect_rc 0 "$cli" import "$plan" --db c.db --actor 监察室
# each store holds the plan, imported by the same actor
for s in a b c; do
  expect_rc 0 "$cli" --db $s.db log --format csv
  grep -q "监察室" out || fail "$s.db: the actor is not in the log: $(head -3 out)"
done
# options before a two-word command, and a value that looks like a command
expect_rc 0 "$cli" --db a.db progress --actor 监察室 history --unit jiancha --format csv
head -1 out | grep -q "outcome" || fail "progress history with options first: $(head -2 out)"
expect_rc 0 "$cli" --campaign leshan-ltyg-2010 --db a.db status --format csv
[ "$(wc -l <out)" -gt 10 ] || fail "status with options first: $(cat out)"
# a command's option before the command is not known yet: named, with the help to read
expect_rc 2 "$cli" --format csv --db a.db status
grep -q "unknown option --format for \`campaign\`" err || fail "command option first: $(cat err)"
# still: a missing command is a usage error, and an unknown word is named
expect_rc 2 "$cli" --db a.db
grep -q "a command is required" err || fail "no command: $(cat err)"
expect_rc 2 "$cli" --db a.db frobnicate
grep -q "unknown command \`campaign frobnicate\`" err || fail "unknown command: $(cat err)"
echo ok
