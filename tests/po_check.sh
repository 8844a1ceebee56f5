#!/bin/sh
# Every message the tool shows has its entry in each po/LANG.po: the messages
# are extracted afresh (po/update.sh) and compared with msgcmp, which fails on
# a message used but not defined. After a change to cli/: run po/update.sh and
# translate the new entries.
# usage: po_check.sh SOURCE_DIR
set -eu
src=$1
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
sh "$src/po/update.sh" "$pot"
for po in "$src"/po/*.po; do
  msgcmp "$po" "$pot" 2>&1 | grep -v "warning: this message is not used" | grep . && { echo "FAIL: $po lacks entries"; exit 1; }
  msgfmt --check -o /dev/null "$po"
done
echo "ok"
