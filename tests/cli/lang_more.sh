#!/bin/sh
# The library's newer errors in Chinese (CAMPAIGN_LANG=zh), exactly, with the
# stable code kept: the locked confidential fields (no key, a wrong key), a
# bad key file, a backup that would overwrite, a sql rule's forbidden call
# (its place in the file kept), a workbook's missing sheet, and verify's
# notice on a store that never had a signing key; English stays English.
# usage: lang_more.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
zh() { env CAMPAIGN_LANG=zh "$cli" "$@"; }
same() { [ "$1" = "$2" ] || fail "$3: got [$1], want [$2]"; }
nokey() { env -u CAMPAIGN_KEY_FILE CAMPAIGN_LANG=zh "$cli" "$@"; }
printf '0000000000000000000000000000000000000000000000000000000000000000\n' >wrong.key
printf 'abc\n' >short.key

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" inspection case-lead create --id L-1 --unit mabian --received 2010-11-18 --details 举报收受红包 \
	--reporter 王某 --actor office

# the confidential fields: no key, a wrong key, a key file that is not one
expect_rc 1 nokey inspection case-lead list --confidential --actor office
same "$(cat err)" "campaign: 打开数据库时未提供密钥：保密字段已锁定 (ELOCKED)" "no key (zh)"
expect_rc 1 zh --key-file wrong.key inspection case-lead list --confidential --actor office
same "$(cat err)" "campaign: 密钥与本数据库的保密字段不匹配 (ELOCKED)" "wrong key (zh)"
expect_rc 1 zh --key-file short.key inspection case-lead list --actor office
same "$(cat err)" "campaign: short.key：密钥须为 64 位十六进制数字（256 位），而不是 3 个字符 (EINVALID)" "short key (zh)"
expect_rc 0 nokey key status
grep -qx "密钥：打开数据库时未提供密钥：保密字段已锁定" out || fail "key status without key (zh): $(cat out)"

# a backup never overwrites a file
: >taken.db
expect_rc 1 zh backup taken.db --actor office
same "$(cat err)" "campaign: taken.db：文件已存在；备份不会覆盖已有文件 (ECONFLICT)" "backup (zh)"
expect_rc 1 "$cli" backup taken.db --actor office
same "$(cat err)" "campaign: taken.db: the file exists; a backup never overwrites one (ECONFLICT)" "backup (en)"
expect_rc 0 zh backup copy.db --actor office
same "$(cat out)" "已备份到 copy.db" "backup done (zh)"

# a sql rule's forbidden call: the place in the file stays as it is
cat >evil.yaml <<'YAML'
format: 1
ruleset: {id: evil, name: evil}
rules:
  - id: r3
    kind: sql
    action: interview
    query: "SELECT unit, NULL AS person, 'x' AS evidence, load_extension('/tmp/evil.so') AS reason FROM rule_unit"
YAML
expect_rc 1 zh accountability rules import evil.yaml --actor office
same "$(cat err)" "campaign: evil.yaml:7:12：规则“r3”：SQL 调用了 load_extension()，规则不得使用该函数 (EINVALID)" "rules guard (zh)"

# a workbook's sheet that is not there
expect_rc 0 "$cli" status --as-of 2010-12-01 --format xlsx --output st.xlsx
expect_rc 1 zh progress import st.xlsx --sheet 无此表 --actor office
sed -n 1p err | grep -q "^campaign: st.xlsx：没有工作表“无此表”（工作簿中有 .*） (EINVALID)$" ||
	fail "missing sheet (zh): $(cat err)"

expect_rc 1 zh progress import st.xlsx --actor office
same "$(cat err)" "campaign: st.xlsx: status!C1：未知列“unit_name”（应为 outcome, unit, status, percent, date, note, evidence） (EINVALID)" \
	"unknown column (zh)"

# verify on a store that never had a signing key: a notice, in Chinese
expect_rc 0 env CAMPAIGN_SIGNING_KEY_FILE= CAMPAIGN_LANG=zh "$cli" verify
grep -q "^提示：unsigned_tail	第 1 条	数据库从未设置签名密钥：第 1 至 [0-9]* 条未签名，尾部被截断或追加只能借助见证文件发现$" out ||
	fail "verify notice (zh): $(cat out)"

# an entry deleted with raw SQL: the problem in Chinese, its code as it is
/usr/bin/python3 -c 'import sqlite3; d = sqlite3.connect("campaign.db"); d.execute("DELETE FROM audit_log WHERE seq = 5"); d.commit()'
expect_rc 1 env CAMPAIGN_SIGNING_KEY_FILE= CAMPAIGN_LANG=zh "$cli" verify
grep -qx "entry_missing	第 5 条	审计日志第 5 至 5 条缺失" out || fail "verify problem (zh): $(cat out)"
echo "lang_more: ok"
