#!/bin/sh
# Chinese first, English too: the help, the messages, the library's errors,
# the column names and status values of text tables follow the locale
# (LC_ALL, then LC_MESSAGES, then LANG) -- Chinese for zh*, English otherwise --
# even on a machine where zh_CN.UTF-8 is not generated; CSV and JSON keep the
# stable English codes.
# usage: lang.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
zh() { env LANG=zh_CN.UTF-8 "$cli" "$@"; }
line() { sed -n "$1p" out; }
same() { [ "$1" = "$2" ] || fail "$3: got [$1], want [$2]"; }

# the top-level help, in Chinese and in English
expect_rc 0 zh --help
same "$(line 1)" "用法：campaign <命令> ... [选项]" "campaign --help (zh), usage"
same "$(line 2)" "libcampaign 命令行工具：方案、进度、廉政风险、自查、问责、审计。" "campaign --help (zh), what it is"
grep -qx "  matrix                    任务分工表，或其中某一单位的行" out || fail "campaign --help (zh): $(cat out)"
grep -qx "通用选项：" out || fail "campaign --help (zh): common options"
expect_rc 0 "$cli" --help
same "$(line 1)" "usage: campaign <command> ... [options]" "campaign --help (en)"
grep -qx "  matrix                    the 任务分工表, or one unit's row of it" out || fail "campaign --help (en): $(cat out)"

# campaign matrix --help, exactly, in Chinese
expect_rc 0 zh matrix --help
cat >want <<'END'
用法：campaign matrix [选项]
任务分工表，或其中某一单位的行

选项：
  -u, --unit U              某一单位的措施、职责和期限（单位组：每个成员的）
  -f, --format F            text、markdown、csv、json 或 xlsx（配合 --output；默认 text）
  -o, --output FILE         --format xlsx 写出的工作簿
END
head -7 out | diff want - || fail "campaign matrix --help (zh)"
expect_rc 0 env LANG=en_US.UTF-8 "$cli" matrix --help
same "$(line 1)" "usage: campaign matrix [options]" "matrix --help (en)"
same "$(line 2)" "the 任务分工表, or one unit's row of it" "matrix --help (en)"

# which variable decides: LC_ALL over LC_MESSAGES over LANG
expect_rc 0 env LANG=zh_CN.UTF-8 LC_ALL=C "$cli" matrix --help
same "$(line 1)" "usage: campaign matrix [options]" "LC_ALL=C wins"
expect_rc 0 env LANG=C LC_MESSAGES=zh_CN.UTF-8 "$cli" matrix --help
same "$(line 1)" "用法：campaign matrix [选项]" "LC_MESSAGES=zh_CN wins"

# every command's help exists in both languages: its help line differs
"$cli" help --commands >commands
while read -r path; do
  words=${path#campaign}
  # shellcheck disable=SC2086
  en=$("$cli" $words --help | sed -n 2p)
  # shellcheck disable=SC2086
  cn=$(zh $words --help | sed -n 2p)
  [ "$en" != "$cn" ] || fail "$path --help has no Chinese line: $en"
  # and no line of it stays English prose: a line the two share may hold only commands,
  # options, placeholders and codes (`import FILE.csv|FILE.yaml`, `verify RECT passed|failed DATE`)
  # shellcheck disable=SC2086
  "$cli" $words --help >help.en
  # shellcheck disable=SC2086
  zh $words --help >help.zh
  left=$(grep -Fxf help.en help.zh | sed -E 's/`[^`]*`//g; s/--?[a-z][a-z-]*//g; s/\b[A-Z][A-Z0-9_]*\b//g;
    s/[.a-z_]+(\|[.a-z_]+)+//g' | grep -E '[a-z]{2,}[ ,]+[a-z]{2,}' || true)
  [ -z "$left" ] || fail "$path --help (zh) has English lines: $left"
done <commands

# a usage error and a library error, translated; the code stays
expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 2 zh matrix --frobnicate
same "$(sed -n 1p err)" "campaign: 未知选项 --frobnicate（\`campaign matrix\`）" "usage error (zh)"
expect_rc 1 zh progress add t1.1.o1 liyong in_progress 150 2010-11-20
same "$(cat err)" "campaign: 进度 150 不在 0 到 100 之间 (EINVALID)" "library error (zh)"
expect_rc 1 "$cli" progress add t1.1.o1 liyong in_progress 150 2010-11-20
same "$(cat err)" "campaign: percent 150 is not in 0..100 (EINVALID)" "library error (en)"
expect_rc 1 zh progress add t1.1.o1 nowhere in_progress 50 2010-11-20
same "$(cat err)" "campaign: 未知单位“nowhere” (ENOTFOUND)" "library error with a text (zh)"

# a text table: columns and status values in Chinese; CSV and JSON keep the codes
expect_rc 0 zh status --as-of 2010-12-01
same "$(line 1 | tr -s ' ')" "成果 单位编号 单位名称 状态 进度 报告日期 开始 截止 颜色 逾期天数 种类 完成情况" "status header (zh)"
same "$(line 2 | tr -s ' ')" "t1.1.o1 liyong 利用科 未开始 0 2010-11-21 2010-11-30 红 1 成果 " "status row (zh)"
expect_rc 0 zh status --as-of 2010-12-01 --format csv
grep -q "outcome,unit,unit_name,status," out || fail "CSV header (zh): $(head -1 out)"
grep -q "^t1.1.o1,liyong,利用科,not_started,0,,2010-11-21,2010-11-30,red," out || fail "CSV codes (zh): $(sed -n 2p out)"
expect_rc 0 zh status --as-of 2010-12-01 --format json
grep -q '"status":"not_started"' out || fail "JSON codes (zh)"

# a write's word: 已导入 in Chinese
printf 'outcome,unit,status,percent,date\nt1.1.o1,liyong,in_progress,50,2010-11-20\n' >p.csv
expect_rc 0 zh progress import p.csv
same "$(cat out)" "已从 p.csv 导入 1 条报告" "import (zh)"
