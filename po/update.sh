#!/bin/sh
# Extracts the tool's messages into po/campaign.pot and merges them into each
# language's .po (a maintainer's step after changing cli/; the test
# po.complete fails when a message has no entry). The help lines are the
# help argument of the table macros (cli/commands.h); the "done" words of the
# write rows are a second pass, as xgettext takes one argument per keyword.
# usage: po/update.sh [OUT.pot]   (run from the source tree)
set -eu
cd "$(dirname "$0")/.."
out=${1:-po/campaign.pot}
tmp=${TMPDIR:-/tmp}/campaign-pot.$$
export LC_ALL=C.UTF-8 # the msgids hold Chinese (UTF-8); xgettext warns of them, its log is kept quiet
common="--from-code=UTF-8 --package-name=campaign --no-location --sort-output"
# shellcheck disable=SC2086
xgettext $common -o "$tmp.1" -k_ -kN_ -kNC_:1c,2 -kusage_error:1 -kOPT:4 -kFLAG:3 -kCMD:3 -kLIST:3 -kTABLE:3 -kLOGGED:3 \
  -kWRITE:3 -kWRITE_OF:3 -kCALL1:3 -kCALL2:3 -kCALL3:3 -kIMPORT:3 -kVERSIONED:3 -kADD:3 -kO_UNIT:1 -kO_FROM:1 \
  -kO_TO:1 -kO_ID:1 -kO_GROUP:1 -kO_MODEL:1 cli/*.c cli/*.h 2>"$tmp.log" || { cat "$tmp.log" >&2; exit 1; }
# shellcheck disable=SC2086
xgettext $common -o "$tmp.2" -kWRITE:6 -kWRITE_OF:6 -kCALL1:6 -kCALL2:6 -kCALL3:6 -kVERSIONED:6 -kADD:6 cli/*.c 2>"$tmp.log" || { cat "$tmp.log" >&2; exit 1; }
# O_NEW_ID("finding") is "the finding's id (default: a new one)", joined by the compiler
grep -oh 'O_NEW_ID("[^"]*")' cli/*.c | sort -u |
  sed 's/O_NEW_ID("\(.*\)")/N_("the \1'"'"'s id (default: a new one)");/' >"$tmp.ids.c"
# shellcheck disable=SC2086
xgettext $common -o "$tmp.3" -kN_ "$tmp.ids.c" 2>"$tmp.log" || { cat "$tmp.log" >&2; exit 1; }
# the codes and column names text tables show (msgctxt "value", "column") come from the
# library's rows, not from a literal in cli/: the .po files keep them, msgmerge must too
msgcat --use-first po/*.po | msggrep --msgctxt -E -e '^(value|column)$' |
  msgfilter --keep-header -o "$tmp.4" sed -e d 2>"$tmp.log" || { cat "$tmp.log" >&2; exit 1; }
sed -i "s/charset=CHARSET/charset=UTF-8/" "$tmp.1" "$tmp.2" "$tmp.3"
msgcat --sort-output -o "$out" "$tmp.1" "$tmp.2" "$tmp.3" "$tmp.4"
rm -f "$tmp.1" "$tmp.2" "$tmp.3" "$tmp.4" "$tmp.ids.c" "$tmp.log"
if [ -z "${1:-}" ]; then
  for po in po/*.po; do
    msgmerge --quiet --update --backup=none --no-location --sort-output "$po" "$out"
  done
fi
