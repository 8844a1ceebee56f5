#!/bin/sh
# Search paged from the CLI (issue 19): --offset and --limit cut the ranked
# listing; a word in most findings keeps scores apart.
# usage: search.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" inspection catalogue import "$src/examples/catalogues/ten-categories.yaml"
n=0
for text in 土地违法 土地土地土地 违规占用耕地 土地违法违规占用耕地 土地 土地违法; do
  n=$((n + 1))
  expect_rc 0 "$cli" inspection finding record emeishan self_reported 2010-11-01 "$text" --id "P-$n" --category ten-categories/c1
done
hits() { /usr/bin/python3 -c '
import json
print(" ".join("%s=%s" % (r["object"], r["score"]) for r in json.load(open("out"))))'; }
expect_rc 0 "$cli" search 土地 --format json
[ "$(hits)" = "P-2=1207 P-5=1059 P-1=878 P-6=878 P-4=581" ] || fail "ranked: $(hits)"
expect_rc 0 "$cli" search 土地 --offset 1 --limit 2 --format json
[ "$(hits)" = "P-5=1059 P-1=878" ] || fail "page: $(hits)"
expect_rc 2 "$cli" search 土地 --limit -1
grep -q -- '--limit -1 is not a number of rows' err || fail "bad limit: $(cat err)"
echo ok
