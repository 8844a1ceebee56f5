#!/bin/sh
# campaign backup FILE: a consistent copy that is a store of its own; an
# existing FILE is refused (exit 1) and left as it was.
# usage: backup.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" backup copy.db
grep -qx "backed up to copy.db" out || fail "backup output: $(cat out)"
expect_rc 0 "$cli" --db copy.db verify
[ "$(sqlite3 copy.db 'SELECT count(*) FROM measure')" -eq 35 ] || fail "the copy holds the 35 measures"
echo keep >other.db
expect_bad "other.db: the file exists; a backup never overwrites one" "an existing file" "$cli" backup other.db
[ "$(cat other.db)" = keep ] || fail "the existing file was changed"
echo "cli.backup: ok"
