#!/bin/sh
# Text is checked at the door: GBK bytes (as a program on Chinese Windows
# sends them) given to a single write are refused, naming the field and the
# byte, and the store is unchanged (the audit log included); in Chinese too.
# usage: utf8.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
c() { "$cli" "$@" --actor office; }
gbk=$(printf '\300\326\311\275') # 乐山 in GBK

expect_rc 0 c import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 c log --format csv
cp out log.before
refused() { # WANT COMMAND...: exit 1 with "campaign: WANT (EINVALID)", nothing written
  msg=$1; shift
  expect_rc 1 c "$@"
  [ "$(cat err)" = "campaign: $msg (EINVALID)" ] || fail "$*: $(cat err), want $msg"
  expect_rc 0 c log --format csv
  cmp -s out log.before || fail "$*: the store changed"
}
refused "note is not valid UTF-8 (byte 6)" progress add t1.1.o1 liyong in_progress 50 2010-11-20 --note "进度$gbk"
refused "description is not valid UTF-8 (byte 0)" inspection finding record mabian self_reported 2010-11-20 "$gbk"
refused "name is not valid UTF-8 (byte 3)" accountability person add "张$gbk" --unit caiwu
refused "name is not valid UTF-8 (byte 0)" risk type add t9 "$gbk"
expect_rc 1 env LANG=zh_CN.UTF-8 "$cli" progress add t1.1.o1 liyong in_progress 50 2010-11-20 --note "$gbk" --actor office
[ "$(cat err)" = "campaign: 备注 不是有效的 UTF-8 文本（第 0 字节） (EINVALID)" ] || fail "zh: $(cat err)"
# the same text in UTF-8 is taken
expect_rc 0 c progress add t1.1.o1 liyong in_progress 50 2010-11-20 --note "乐山"
