#!/bin/sh
# Terminal tables: a table wider than --width N is split into groups of
# columns that fit, each repeating the key column, and a column too wide for
# what is left beside the key is wrapped; widths are display cells (utf8proc).
# Not a terminal and no --width: no limit, whole rows (for pipes and files).
# usage: widths.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
# the seed's 任务分工表 at 80 columns, exactly
expect_rc 0 "$cli" matrix --width 80
diff "$src/tests/data/cli/matrix-width80.txt" out || fail "matrix --width 80 differs from tests/data/cli/matrix-width80.txt"
# every line fits, at any width (wc -L counts display cells)
for n in 40 60 100 132; do
  expect_rc 0 "$cli" matrix --width $n
  w=$(wc -L <out)
  [ "$w" -le $n ] || fail "matrix --width $n has a line of $w cells"
  [ "$(grep -c '^序号' out)" -ge 2 ] || fail "matrix --width $n: no group repeats the key column"
done
# no limit: one header, whole rows; COLUMNS is a terminal's, not a pipe's
expect_rc 0 "$cli" matrix --width 0
cp out whole
[ "$(grep -c '^序号' whole)" -eq 1 ] || fail "matrix --width 0 was split"
[ "$(wc -l <whole)" -eq 36 ] || fail "matrix --width 0: $(wc -l <whole) lines"
expect_rc 0 env COLUMNS=40 "$cli" matrix
cmp -s out whole || fail "COLUMNS split a table written to a pipe"
# a table that fits is left as it is
expect_rc 0 "$cli" status --as-of 2010-12-01 --width 500
expect_rc 0 "$cli" status --as-of 2010-12-01
cp out status
expect_rc 0 "$cli" status --as-of 2010-12-01 --width 500
cmp -s out status || fail "a table that fits was changed"
expect_rc 2 "$cli" matrix --width wide
grep -q -- "--width wide is not a number of columns" err || fail "bad --width: $(cat err)"
