#!/bin/sh
# campaign chart gantt|matrix|heatmap|coverage: a standalone SVG to a file or
# stdout that parses as XML, with a cell per share; bad kinds and a heat map
# without a model fail (exit 1) saying so; a missing kind is a usage error.
# usage: chart.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" progress add t2.1.o1 jiancha done 100 2010-11-29
expect_bad 'the campaign has no grading model' "heatmap without a model" "$cli" chart heatmap --as-of 2010-12-01
expect_rc 0 "$cli" risk model import "$src/examples/models/matrix-5x5.yaml" --actor office
expect_rc 0 "$cli" risk register import "$src/examples/risk/register.csv" --actor office
for kind in gantt matrix heatmap coverage; do
  expect_rc 0 "$cli" chart $kind --as-of 2010-12-01 --output $kind.svg
  [ ! -s out ] || fail "chart $kind --output wrote to stdout"
done
expect_rc 0 "$cli" chart matrix --as-of 2010-12-01
cmp out matrix.svg || fail "stdout and --output differ"
expect_rc 0 "$cli" status --as-of 2010-12-01 --format csv
shares=$(grep -c ',outcome,' out || true)
/usr/bin/python3 - "$shares" <<'PY' || fail "the charts do not parse or count right"
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
for k in ("gantt", "matrix", "heatmap", "coverage"):
    head = open(k + ".svg", encoding="utf-8").read(80)
    assert head.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'), head
roots = {k: ET.parse(k + ".svg").getroot() for k in ("gantt", "matrix", "heatmap", "coverage")}
cells = [t.text for t in roots["matrix"].iter(ns + "title") if " × t" in t.text]
assert len(cells) == int(sys.argv[1]), (len(cells), sys.argv[1])
counts = [int(t.text) for t in roots["heatmap"].iter(ns + "text") if t.get("class") == "count"]
assert len(counts) == 25 and sum(counts) > 0, counts
PY
expect_bad 'chart "pie" is not one of gantt, matrix, heatmap, coverage' "unknown kind" "$cli" chart pie
expect_rc 2 "$cli" chart
