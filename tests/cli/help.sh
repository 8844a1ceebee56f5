#!/bin/sh
# `campaign <command> --help` for every command of the tables (as `campaign help
# --commands` lists them): exit 0, usage naming the command, on stdout; -h and
# `campaign help <command>` the same. An unknown option is a short usage error
# naming the option and pointing to the command's help (exit 2).
# usage: help.sh CAMPAIGN
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" help --commands
cp out commands
n=$(wc -l <commands)
[ "$n" -ge 100 ] || fail "only $n commands listed: $(cat commands)"
for c in "campaign matrix" "campaign risk point add" "campaign inspection rectification ledger" \
         "campaign accountability actions summary" "campaign progress add" "campaign role grant" "campaign help"; do
  grep -qx "$c" commands || fail "$c is not listed"
done
while read -r path; do
  words=${path#campaign}
  # shellcheck disable=SC2086
  for how in "$words --help" "$words -h" "help $words"; do
    expect_rc 0 "$cli" $how
    head -1 out | grep -q "^usage: $path\( \|$\)" || fail "campaign $how: the usage does not name $path: $(head -1 out)"
    [ ! -s err ] || fail "campaign $how wrote to stderr: $(cat err)"
  done
done <commands
expect_rc 0 "$cli" --help
grep -q "^  risk " out || fail "campaign --help lists the commands"
# CAMPAIGN_LANG chooses the language over the locale (tests/cli/lang.sh tests the rest)
expect_rc 0 env CAMPAIGN_LANG=zh_CN.UTF-8 "$cli" matrix --help
grep -q "^用法：campaign matrix" out || fail "zh locale: $(cat out)"

# an unknown option: exit 2, named, with the command's help to look at, and short
check_unknown() {
  expect_rc 2 "$@"
  grep -q "unknown option --frobnicate" err || fail "$*: $(cat err)"
  [ "$(wc -l <err)" -le 3 ] || fail "$*: the usage error is not short: $(cat err)"
  [ ! -s out ] || fail "$*: wrote to stdout: $(cat out)"
}
check_unknown "$cli" matrix --frobnicate
grep -q "campaign matrix --help" err || fail "points to the command's help: $(cat err)"
check_unknown "$cli" risk model list --frobnicate
grep -q "campaign risk model list --help" err || fail "points to the subcommand's help: $(cat err)"
check_unknown "$cli" inspection round create R --frobnicate x
check_unknown "$cli" accountability evaluate --frobnicate
# a short name from the table: -f is --format (exit 1: no store here, not 2)
expect_bad "none.db: no such store" "-f json" "$cli" role list -f json --db none.db
expect_rc 2 "$cli" matrix -z
grep -q "unknown option -z" err || fail "short option: $(cat err)"
# an option another command takes is unknown here
expect_rc 2 "$cli" deadline 12月中旬 --unit x
grep -q "unknown option --unit" err || fail "--unit on deadline: $(cat err)"
# arity from the table: a flag takes no value, a value option needs one
expect_rc 2 "$cli" import plan.yaml --replace=yes
grep -q "takes no value" err || fail "flag with a value: $(cat err)"
expect_rc 2 "$cli" matrix --unit
grep -q "needs a value" err || fail "missing value: $(cat err)"
expect_rc 2 "$cli" matrix --format xml
grep -q "not one of text, markdown, csv, json" err || fail "format choices: $(cat err)"
# a group without its subcommand, and a subcommand that does not exist
expect_rc 2 "$cli" risk
grep -q "needs a command: model, type" err || fail "group: $(cat err)"
expect_rc 2 "$cli" risk frobnicate
grep -q "unknown command \`campaign risk frobnicate\`" err || fail "unknown subcommand: $(cat err)"
expect_rc 2 "$cli" help frobnicate
# the arguments a command takes come from its usage in the table
expect_rc 2 "$cli" status extra
grep -q "\`campaign status\` takes no argument: extra" err || fail "extra argument: $(cat err)"
expect_rc 2 "$cli" progress add t1 unit
grep -q "takes OUTCOME UNIT STATUS PERCENT DATE, not 2 arguments" err || fail "too few arguments: $(cat err)"
expect_rc 2 "$cli" risk grades P1 P2
echo "cli help: $n commands answer --help; unknown options are named"
