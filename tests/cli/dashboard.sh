#!/bin/sh
# campaign dashboard: the page to a file or stdout, the as-of date, a unit or
# group filter as the plan writes it; bad dates, unknown units and a site fail
# (exit 1) saying so. If Debian's chromium is installed, the page renders
# headless to a non-blank PNG without fetching anything.
# usage: dashboard.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" progress add t2.1.o1 jiancha done 100 2010-11-29
expect_rc 0 "$cli" dashboard --as-of 2010-12-01 --output d.html
[ ! -s out ] || fail "dashboard --output wrote to stdout: $(cat out)"
head -c 15 d.html | grep -q '^<!DOCTYPE html>' || fail "d.html: $(head -c 80 d.html)"
grep -q '<tr><td class="unit">监察室</td><td>3</td><td class="s-red">62</td>' d.html || fail "supervision row"
! grep -q '<script\|http://\|https://' d.html || fail "d.html fetches or scripts"
expect_rc 0 "$cli" dashboard --as-of 2010-12-01
cmp out d.html || fail "stdout and --output differ"
expect_rc 0 "$cli" dashboard --as-of 2010-12-01 --unit "纪检监察室"
grep -q '<tr><td class="unit">监察室</td><td>3</td>' out || fail "the alias's row"
! grep -q '利用科' out || fail "the filter keeps other units"
expect_rc 0 "$cli" dashboard --as-of 2010-12-01 --unit "各县（市、区）国土资源局（分局）"
grep -q '<th>马边彝族自治县国土资源局</th>' out || fail "a group keeps its members"
! grep -q '<th>监察室</th>' out || fail "a group keeps only its members"
expect_bad '"2010-13-01" is not a date (YYYY-MM-DD)' "bad date" "$cli" dashboard --as-of 2010-13-01
expect_bad 'unknown unit "nobody"' "unknown unit" "$cli" dashboard --unit nobody
expect_bad 'site "511100": this store is no site (campaign site init), it has no sites' "site" "$cli" dashboard --site 511100

browser=$(command -v chromium || true)
[ -n "$browser" ] || exit 0
# --no-sandbox: tests may run as root; a blocked proxy makes any fetch fail loudly
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --proxy-server=127.0.0.1:9 \
  --window-size=1400,2000 --screenshot="$PWD/d.png" "file://$PWD/d.html" >chrome.out 2>&1 || fail "chromium: $(tail -5 chrome.out)"
[ "$(wc -c <d.png)" -gt 20000 ] || fail "the screenshot looks blank: $(wc -c <d.png) bytes"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$PWD/d.html" >dom.html 2>/dev/null
[ "$(grep -o '<th class="o"' dom.html | wc -l)" -eq 32 ] || fail "the DOM does not hold the 32 outcomes"
