#!/bin/sh
# The manuals cannot drift.
#   doc_check.sh man CAMPAIGN SOURCE_DIR: docs/campaign.1 is what `campaign help
#     --man` writes from the command tables (regenerate it so after a change to
#     cli/), and every command `campaign help --commands` lists has its section.
#   doc_check.sh api SOURCE_DIR: Doxygen builds the API reference from the
#     public headers with every warning an error (WARN_AS_ERROR=YES).
set -eu
what=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
case $what in
man)
  cli=$1 src=$2
  LANG=C.UTF-8 "$cli" help --man >"$tmp/campaign.1"
  diff -u "$src/docs/campaign.1" "$tmp/campaign.1" ||
    fail "docs/campaign.1 is stale: run \`campaign help --man > docs/campaign.1\`"
  "$cli" help --commands | grep -v '^campaign$' >"$tmp/commands"
  while read -r path; do
    grep -q "^\\.SS \"$(echo "$path" | sed 's/-/\\\\-/g')\\( \\|\"\\)" "$tmp/campaign.1" || fail "$path has no section in campaign(1)"
  done <"$tmp/commands"
  if command -v man >/dev/null 2>&1; then
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$tmp/campaign.1" 2>"$tmp/warn" >/dev/null
    [ ! -s "$tmp/warn" ] || fail "man warns: $(cat "$tmp/warn")"
  fi
  ;;
api)
  src=$1
  command -v doxygen >/dev/null 2>&1 || fail "doxygen is missing (.ci/deps.sh installs it)"
  sh "$src/docs/options_dox.sh" "$src/include/campaign" "$tmp/options.dox"
  CAMPAIGN_VERSION=test CAMPAIGN_SOURCE_DIR=$src CAMPAIGN_DOC_OUT=$tmp CAMPAIGN_DOC_WARN_AS_ERROR=YES \
    doxygen "$src/docs/Doxyfile" 2>"$tmp/warnings" || fail "doxygen: $(cat "$tmp/warnings")"
  [ ! -s "$tmp/warnings" ] || fail "doxygen warns: $(cat "$tmp/warnings")"
  [ -f "$tmp/html/index.html" ] || fail "no html/index.html"
  grep -q "campaign_progress_report_add" "$tmp/html/progress_8h.html" || fail "progress.h is not in the reference"
  ;;
esac
echo ok
