#!/bin/sh
# Units as the documents write them (issue 14, item 7): the CLI takes a unit's
# name or alias wherever it takes its id, and a group where a list is asked
# for; an ambiguous or unknown name fails (exit 1) saying so.
# usage: units.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"

# the matrix of a group written with half-width parentheses (the plan has full-width ones):
# each of the eleven county bureaus, for the two measures they lead and the one they support
rows() { /usr/bin/python3 -c '
import json, sys
for r in json.load(open("out")):
    print(",".join(r[k] or "" for k in ("measure", "unit", "unit_name", "role", "via_group", "condition")))'; }
counties="shizhong 市中区分局 shawan 沙湾区分局 wutongqiao 五通桥区分局 jinkouhe 金口河区分局 qianwei 犍为县国土资源局
  jingyan 井研县国土资源局 jiajiang 夹江县国土资源局 muchuan 沐川县国土资源局 ebian 峨边彝族自治县国土资源局
  mabian 马边彝族自治县国土资源局 emeishan 峨眉山市国土资源局"
: >want
for m in "t2.2.m1 lead 各地" "t2.2.m2 lead 各地" "t3.2.m5 support"; do
  set -- $m $counties
  measure=$1 role=$2 scope=; [ "$role" = lead ] && { scope=$3; shift; }
  shift 2
  while [ $# -gt 0 ]; do echo "$measure,$1,$2,$role,counties,$scope" >>want; shift 2; done
done
expect_rc 0 "$cli" matrix --unit '各县(市、区)国土资源局(分局)' --format json
rows >got
diff want got >/dev/null || fail "matrix of the group: $(diff want got)"
[ "$(wc -l <got)" -eq 33 ] || fail "33 rows"
expect_rc 0 "$cli" matrix --unit counties --format json
rows | diff want - >/dev/null || fail "matrix by the group's id"
# the text table shows each row's unit
expect_rc 0 "$cli" matrix --unit 各地
sed -n 2p out | grep -q '^t2.2.m1  市中区分局  ' || fail "matrix text: $(sed -n 2p out)"

# a write by a Chinese name records the unit's id
expect_rc 0 "$cli" progress add t2.2.o4 峨眉山市国土资源局 done 100 2010-12-15 --actor 张三
[ "$(cat out)" = "recorded: t2.2.o4 峨眉山市国土资源局 done 100% 2010-12-15" ] || fail "recorded: $(cat out)"
expect_rc 0 "$cli" progress add t2.4.o1 纪检监察室 in_progress 50 2010-10-28 --actor 张三
expect_rc 0 "$cli" progress history --unit 各地 --format csv
[ "$(cut -d, -f2-6 out | tail -n +2)" = "t2.2.o4,emeishan,done,100,2010-12-15" ] || fail "history of the group: $(cat out)"
expect_rc 0 "$cli" progress history --unit 监察室 --format csv
[ "$(cut -d, -f2-6 out | tail -n +2)" = "t2.4.o1,jiancha,in_progress,50,2010-10-28" ] || fail "history by name: $(cat out)"

# a group for a single write; an unknown name with its suggestion: refused, nothing written
expect_bad 'unit "各地" names the group counties (各县(市、区)国土资源局(分局)): a single unit is needed' "group write" \
  "$cli" progress add t2.2.o4 各地 done 100 2010-12-15 --actor 张三
expect_bad 'unknown unit "监察" (did you mean 监察室 "jiancha"?)' "suggestion" "$cli" matrix --unit 监察
expect_rc 0 "$cli" progress history --format csv
[ "$(wc -l <out)" -eq 3 ] || fail "a refused write wrote: $(cat out)"
