#!/bin/sh
# The dashboard in headless Chromium (Debian's chromium, installed by .ci/deps.sh; the test fails
# without it): the DOM holds all 32 outcomes, every unit that owes a share,
# and the heat map's counts as `risk heatmap` gives them; Chromium's own
# network log shows nothing fetched but the file; the screenshot is not blank
# (its pixels decoded and counted); a hostile unit name <script> is text.
# usage: dashboard_browser.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
browser=$(command -v chromium || true)
[ -n "$browser" ] || fail "chromium is not installed: run .ci/deps.sh as root (it installs Debian's chromium)"
# --no-sandbox: tests may run as root; a blocked proxy makes any fetch fail loudly
chrome() { timeout 180 "$browser" --headless --no-sandbox --disable-gpu --proxy-server=127.0.0.1:9 "$@"; }

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" progress add t2.1.o1 jiancha done 100 2010-11-29
expect_rc 0 "$cli" risk model import "$src/examples/models/matrix-5x5.yaml" --actor office
expect_rc 0 "$cli" risk register import "$src/examples/risk/register.csv" --actor office
expect_rc 0 "$cli" dashboard --as-of 2010-12-01 --output d.html
expect_rc 0 "$cli" status --as-of 2010-12-01 --format csv
mv out status.csv
expect_rc 0 "$cli" risk heatmap --format csv
mv out heat.csv

chrome --window-size=1400,2000 --log-net-log="$PWD/net.json" --screenshot="$PWD/d.png" "file://$PWD/d.html" \
  >chrome.out 2>&1 || fail "chromium: $(tail -5 chrome.out)"
chrome --dump-dom "file://$PWD/d.html" >dom.html 2>/dev/null || fail "chromium --dump-dom"
/usr/bin/python3 - <<'PY' || fail "the rendered dashboard"
import csv, json, re, struct, zlib
dom = open("dom.html", encoding="utf-8").read()
assert len(re.findall(r'<th class="o"', dom)) == 32, "the 32 outcomes"
owing = {r["unit_name"] for r in csv.DictReader(open("status.csv", encoding="utf-8-sig")) if r["kind"] == "outcome"}
grid = dom[dom.index('<section id="matrix">'):dom.index('<section id="supervision">')]
missing = [u for u in owing if f"<tr><th>{u}</th>" not in grid]
assert not missing and len(owing) == 18, ("units missing from the grid", missing, len(owing))
heat = [int(r["points"]) for r in csv.DictReader(open("heat.csv", encoding="utf-8-sig"))]
shown = [int(n) for n in re.findall(r'class="count">(\d+)</text>', dom)]
assert shown == heat and sum(heat) == 13, (shown, heat)
# nothing fetched: no request in Chromium's network log was started by the page (a file page's
# requests have the initiator "null"; the browser's own have "not an origin")
log = json.load(open("net.json", encoding="utf-8"))
types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
starts = [e.get("params", {}) for e in log["events"] if types.get(e["type"]) == "URL_REQUEST_START_JOB"]
asked = [p["url"] for p in starts if "url" in p and p.get("initiator") != "not an origin"]
assert not [u for u in asked if not u.startswith(("file:", "data:"))], asked
# not blank: the decoded pixels take many values
png = open("d.png", "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n"
data, i = b"", 8
while i < len(png):
    n, kind = struct.unpack(">I4s", png[i:i + 8])
    if kind == b"IDAT":
        data += png[i + 8:i + 8 + n]
    i += 12 + n
pixels = zlib.decompress(data)
assert len(set(pixels)) > 64, ("a blank screenshot", len(set(pixels)))
PY

# a hostile unit name is shown as text, never run
sed 's/name: "监察室"/name: "<script>document.title=1<\/script>监察室"/' "$src/examples/plans/leshan-2010.yaml" >hostile.yaml
expect_rc 0 "$cli" import hostile.yaml --db h.db
expect_rc 0 "$cli" dashboard --as-of 2010-12-01 --output h.html --db h.db
chrome --dump-dom "file://$PWD/h.html" >hdom.html 2>/dev/null || fail "chromium --dump-dom (hostile)"
grep -q '&lt;script&gt;document.title=1&lt;/script&gt;监察室' hdom.html || fail "the hostile name is not shown as text"
! grep -q '<script' hdom.html || fail "the hostile name became a script element"
