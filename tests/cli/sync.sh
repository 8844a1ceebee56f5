#!/bin/sh
# Sites and bundles from the command line: a province, a city and a county;
# the plan goes down, the county's report comes up through the city unchanged,
# a replay changes nothing and a tampered bundle is refused (exit 1).
# usage: sync.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
for s in 510000 511100 511102; do "$cli" keygen --output "$s.key" >"$s.pub"; done
# every command on a site's store holds that site's signing key (the one that signs its chain
# heads and its bundles): a commit without it would be an unsigned tail that verify reports
tool=$cli
keyed() {
  db="" prev=""
  for x in "$@"; do [ "$prev" = --db ] && db=$x; prev=$x; done
  if [ -f "${db%.db}.key" ]; then CAMPAIGN_SIGNING_KEY_FILE=${db%.db}.key "$tool" "$@"; else "$tool" "$@"; fi
}
cli=keyed
# the plan imported before the store became a site travels down with the site's baseline
"$cli" import "$src/examples/plans/leshan-2010.yaml" --db 510000.db >/dev/null
expect_rc 0 "$cli" site init 510000 --name 四川省 --db 510000.db
grep -q "site 510000" out || fail "site init prints: $(cat out)"
# site init creates a new store, which receives its plan from above
"$cli" site init 511100 --name 乐山市 --parent 510000 --unit city --db 511100.db >/dev/null
"$cli" site init 511102 --name 市中区 --parent 511100 --unit shizhong --db 511102.db >/dev/null
expect_bad "is not a 6-digit administrative-division code" "a bad code" \
  "$cli" site init 5111 --name 乐山市 --db x.db
peer() { "$cli" site add-peer "$2" --name "$3" ${4:+--parent "$4"} ${5:+--unit "$5"} --pubkey "$2.pub" --db "$1.db" >/dev/null; }
for at in 510000 511100 511102; do
  [ $at = 510000 ] || peer $at 510000 四川省
  [ $at = 511100 ] || peer $at 511100 乐山市 510000 city
  [ $at = 511102 ] || peer $at 511102 市中区 511100 shizhong
done
"$cli" site list --db 511100.db --format csv >out
grep -q "^511100,乐山市,510000,city,self" out || fail "site list: $(cat out)"
[ "$(grep -c ',peer,' out)" -eq 2 ] || fail "two peers: $(cat out)"

# the plan down: province → city → county
"$cli" sync export --to 511100 --output p.bundle --db 510000.db >/dev/null
"$cli" sync apply p.bundle --db 511100.db >out || fail "city apply: $(cat out)"
"$cli" sync export --to 511102 --output c.bundle --db 511100.db >/dev/null
"$cli" sync apply c.bundle --db 511102.db >out || fail "county apply: $(cat out)"
grep -q '"origin":"510000"' out || fail "the province's part relayed: $(cat out)"

# the county's report up, through the city unchanged
"$cli" progress add t2.2.o4 shizhong done 100 2010-12-10 --db 511102.db --actor 李四 >/dev/null
"$cli" sync export --to 511100 --output a.bundle --db 511102.db >/dev/null
"$cli" sync apply a.bundle --db 511100.db >/dev/null
"$cli" sync export --to 510000 --output up.bundle --db 511100.db >/dev/null
"$cli" sync apply up.bundle --db 510000.db >out || fail "province apply: $(cat out)"
grep -q '"origin":"511102"' out || fail "the county's own part at the province: $(cat out)"
"$cli" status --as-of 2011-01-15 --db 510000.db --format csv >out
grep -q "t2.2.o4,shizhong,.*,done," out || fail "the report at the province: $(grep t2.2.o4 out)"
"$cli" sync status --db 510000.db --format csv >out
grep -q "^511102,市中区,0,0,1," out || fail "sync status: $(cat out)"
"$cli" verify --db 510000.db >out || fail "the province verifies: $(cat out)"

# the dashboard by site: the province lists the city over its subtree and the county below it
# (its departments and the counties with no store, and 市中区's four outcome shares, one done: 77;
# overdue items 53, as the supervision list filtered to the city's site gives them)
"$cli" dashboard --as-of 2011-01-15 --db 510000.db --output p.html >/dev/null || fail "the province's dashboard"
grep -q '<tr><th class="site">511100 乐山市</th><td class="total">77</td><td>1</td><td>0</td><td class="s-red">29</td><td>0</td><td class="s-red">53</td>' p.html \
  || fail "the city's row: $(grep -o '<section id="sites">.*' p.html)"
grep -q '<tr><th class="site">　　511102 市中区</th><td class="total">4</td><td>1</td>' p.html || fail "the county's row"
# --site: the county's rows only, and no by-site section below a county; charts take it too
"$cli" dashboard --as-of 2011-01-15 --site 511102 --db 510000.db --output c.html >/dev/null || fail "--site"
grep -q '<tr><th>市中区分局</th>' c.html || fail "the county's unit in its page"
! grep -q '<tr><th>监察室</th>' c.html || fail "a unit of no site in the county's page"
! grep -q '<section id="sites">' c.html || fail "a by-site section below a county"
"$cli" chart matrix --as-of 2011-01-15 --site 511102 --db 510000.db --output c.svg >/dev/null || fail "chart --site"
grep -q '>市中区分局</text>' c.svg && ! grep -q '>监察室</text>' c.svg || fail "the chart of the county"
expect_bad 'site "519999" is not a site this store knows (see campaign site list)' "an unknown site" \
  "$cli" dashboard --site 519999 --db 510000.db
expect_bad 'unit "jiancha" is not a unit of site 511102 or of the sites below it' "a unit outside the site" \
  "$cli" dashboard --site 511102 --unit jiancha --db 510000.db

# a replay changes nothing; a tampered bundle is refused
"$cli" sync apply up.bundle --db 510000.db >out
grep -q '"status":"replay"' out || fail "replay: $(cat out)"
/usr/bin/python3 -c "import sys; b=bytearray(open(sys.argv[1],'rb').read()); b[-70]^=1; open(sys.argv[1],'wb').write(b)" a.bundle
"$cli" progress add t2.2.o4 shizhong done 100 2010-12-11 --db 511102.db --actor 李四 >/dev/null
"$cli" sync export --to 511100 --output b.bundle --db 511102.db >/dev/null
/usr/bin/python3 -c "import sys; b=bytearray(open(sys.argv[1],'rb').read()); b[-70]^=1; open(sys.argv[1],'wb').write(b)" b.bundle
expect_bad "bundle refused: the part from site 511102 does not carry its signature" "a tampered bundle" \
  "$cli" sync apply b.bundle --db 511100.db
"$cli" sync silent --since 2000-01-01 --db 510000.db --format csv >out
[ "$(wc -l <out)" -eq 1 ] || fail "every site below reported: $(cat out)"

# the refused report sent again: the city's bundle down acknowledges what it has, --resend the rest
"$cli" sync export --to 511102 --output d.bundle --db 511100.db >/dev/null
"$cli" sync apply d.bundle --db 511102.db >/dev/null
"$cli" sync export --to 511100 --resend --output b.bundle --db 511102.db >/dev/null
"$cli" sync apply b.bundle --db 511100.db >/dev/null
"$cli" sync export --to 510000 --output up.bundle --db 511100.db >/dev/null
"$cli" sync apply up.bundle --db 510000.db >/dev/null

# the rollup by site: the province's status of the county is the county's own
"$cli" status --as-of 2011-01-15 --site 511102 --db 510000.db --format csv >p.csv
"$cli" status --as-of 2011-01-15 --site 511102 --db 511102.db --format csv >c.csv
cmp -s p.csv c.csv || fail "the county's status at the province: $(diff p.csv c.csv)"
[ "$(grep -c ',shizhong,' p.csv)" -eq 7 ] || fail "the county's 7 shares: $(cat p.csv)"
grep -q ',shawan,\|,liyong,' p.csv && fail "only the county's rows: $(cat p.csv)"
"$cli" supervision --as-of 2011-01-15 --site 511102 --db 510000.db --format csv >p.csv
"$cli" supervision --as-of 2011-01-15 --site 511102 --db 511102.db --format csv >c.csv
cmp -s p.csv c.csv || fail "the county's supervision at the province: $(diff p.csv c.csv)"
[ "$(wc -l <p.csv)" -eq 2 ] && grep -q '^shizhong,' p.csv || fail "supervision of the county: $(cat p.csv)"
"$cli" status --as-of 2011-01-15 --site 510000 --db 510000.db --format csv >p.csv
"$cli" status --as-of 2011-01-15 --db 510000.db --format csv >c.csv
cmp -s p.csv c.csv || fail "the top site keeps every row"
"$cli" inspection finding list --site 511102 --db 510000.db --format csv >out
"$cli" risk distribution --site 511102 --db 510000.db --format csv >out
"$cli" accountability proposals --site 511102 --db 510000.db --format csv >out
expect_bad "site 511199 is not known to this store" "an unknown site" \
  "$cli" status --site 511199 --db 510000.db
expect_bad "is not a 6-digit administrative-division code" "a bad site code" \
  "$cli" supervision --site 5111 --db 510000.db

# the head the province received from the county witnesses against a trim there
"$cli" sync witness 511102 --output w.txt --db 510000.db
grep -q "^site: 511102$" w.txt || fail "witness: $(cat w.txt)"
"$cli" verify --witness w.txt --db 511102.db >out || fail "the county verifies against the witness: $(cat out)"
expect_bad "nothing has come from site 511199 to this store" "a site that sent nothing" \
  "$cli" sync witness 511199 --db 510000.db
