#!/bin/sh
# The library's errors in the user's language: real errors provoked through
# the tool, from every domain (progress, deadlines, inspection, risk models,
# accountability rules, roles, search, backup, plans), each shown exactly in
# Chinese under LANG=zh_CN.UTF-8 and in the library's stable English under
# LANG=C, with the same code. The patterns are every message format of the
# library (cli/library_messages.h, generated; po.library_messages keeps them
# translated); the words the library fills in (found_on, origin, "a scalar")
# are translated, the values the user gave (quoted) are not, and a located
# message keeps its place (FILE:LINE:COLUMN).
# usage: errors_zh.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
n=0
# both "ARGS" ZH EN: `campaign ARGS` fails (exit 1) with ZH in Chinese and EN in English
both() {
  # shellcheck disable=SC2086
  expect_rc 1 env LANG=zh_CN.UTF-8 "$cli" $1
  [ "$(cat err)" = "campaign: $2" ] || fail "$1 (zh): got [$(cat err)], want [campaign: $2]"
  # shellcheck disable=SC2086
  expect_rc 1 env LANG=C "$cli" $1
  [ "$(cat err)" = "campaign: $3" ] || fail "$1 (en): got [$(cat err)], want [campaign: $3]"
  n=$((n + 1))
}

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"

# progress: a unit with a suggestion, a status, a date outside the campaign, an outcome, a done report
both "progress add t1.1.o1 liyon in_progress 50 2010-11-20" \
  '未知单位“liyon”（是否指利用科“liyong”？） (ENOTFOUND)' \
  'unknown unit "liyon" (did you mean 利用科 "liyong"?) (ENOTFOUND)'
both "progress add t1.1.o1 liyong finished 50 2010-11-20" \
  '状态“finished”不是 not_started、in_progress、done、blocked 之一 (EINVALID)' \
  'status "finished" is not one of not_started, in_progress, done, blocked (EINVALID)'
both "progress add t1.1.o1 liyong in_progress 50 2009-01-01" \
  '日期 2009-01-01 不在活动期间 2010-10-01 至 2011-12-31 之内 (EINVALID)' \
  'date 2009-01-01 is outside the campaign 2010-10-01 – 2011-12-31 (EINVALID)'
both "progress add t1.1.o9 liyong in_progress 50 2010-11-20" \
  '找不到成果“t1.1.o9” (ENOTFOUND)' \
  'no outcome with id "t1.1.o9" (ENOTFOUND)'
both "progress add t1.1.o1 liyong done 50 2010-11-20" \
  '“已完成”的报告进度须为 100，而不是 50 (EINVALID)' \
  'a done report must say 100 percent, not 50 (EINVALID)'

# a deadline: the message the parser passes on is translated too, its numbers read whole
both "deadline 2010年11月35日" \
  '期限“2010年11月35日”无效：日 35 超出 2010-11 的范围 (EINVALID)' \
  'invalid deadline "2010年11月35日": day 35 is out of range for 2010-11 (EINVALID)'

# inspection: the field the library names (origin, found_on) in Chinese; an unknown rectification
both "inspection finding record liyong nope 2010-12-01 desc" \
  '来源“nope”不在可选值之中：self_reported、investigated、inspection_tour、citizen_report、audit (EINVALID)' \
  'origin "nope" is not one of self_reported, investigated, inspection_tour, citizen_report, audit (EINVALID)'
both "inspection finding record liyong self_reported 2010-13-01 desc" \
  '发现日期“2010-13-01”不是日期（YYYY-MM-DD） (EINVALID)' \
  'found_on "2010-13-01" is not a date (YYYY-MM-DD) (EINVALID)'
both "inspection rectification update R-nope done 2010-12-01" \
  '找不到整改“R-nope” (ENOTFOUND)' \
  'no rectification with id "R-nope" (ENOTFOUND)'

# located messages: an import's column, a risk model, a rule, a plan that is no mapping
printf 'outcome,unit,stat\nt1.1.o1,liyong,done\n' >q.csv
both "progress import q.csv" \
  'q.csv:1:14：未知列“stat”（应为 outcome, unit, status, percent, date, note, evidence） (EINVALID)' \
  'q.csv:1:14: unknown column "stat" (expected outcome, unit, status, percent, date, note, evidence) (EINVALID)'
printf 'format: 1\nmodel: {id: m, kind: matrix, name: M}\ngrades: 3\n' >m.yaml
both "risk model import m.yaml" \
  'm.yaml:3:9：“grades”应为等级列表，最高等级在前 (EINVALID)' \
  'm.yaml:3:9: "grades" must be a list of grades, top grade first (EINVALID)'
printf 'format: 1\nruleset: {id: r, name: R}\nrules:\n  - id: a\n    kind: nope\n' >r.yaml
both "accountability rules import r.yaml" \
  'r.yaml:4:5：规则“a”：类型“nope”不在 behaviour_finding、evaluation_bottom、rectification_overdue、case_count、concealment、lookback、tour_missing、key_post_tenure、sql 之中 (EINVALID)' \
  'r.yaml:4:5: rule "a": kind "nope" is not one of behaviour_finding, evaluation_bottom, rectification_overdue, case_count, concealment, lookback, tour_missing, key_post_tenure, sql (EINVALID)'
printf 'hello\n' >h.yaml
both "import h.yaml" \
  'h.yaml:1:1：方案应为含 format、campaign、units 和 tasks 的映射；实际为标量 (EINVALID)' \
  'h.yaml:1:1: a plan must be a mapping with format, campaign, units and tasks; found a scalar (EINVALID)'

# roles, search, backup
both "role grant bob nosuchrole" \
  '角色“nosuchrole”不在 supervision_office、leadership、unit_clerk、auditor 之中 (EINVALID)' \
  'role "nosuchrole" is not one of supervision_office, leadership, unit_clerk, auditor (EINVALID)'
both "search ." \
  '请至少检索一个汉字、字母或数字，而不是“.” (EINVALID)' \
  'search for at least one Chinese character, letter or digit, not "." (EINVALID)'
: >taken.db
both "backup taken.db" \
  'taken.db：文件已存在；备份不会覆盖已有文件 (ECONFLICT)' \
  'taken.db: the file exists; a backup never overwrites one (ECONFLICT)'

# CAMPAIGN_LANG=en wins over a Chinese locale: the library's English as it is
expect_rc 1 env LANG=zh_CN.UTF-8 CAMPAIGN_LANG=en "$cli" search .
[ "$(cat err)" = 'campaign: search for at least one Chinese character, letter or digit, not "." (EINVALID)' ] ||
  fail "CAMPAIGN_LANG=en: $(cat err)"

echo "ok: $n errors in Chinese and English"
