#!/bin/sh
# campaign export --all --output DIR: every file its importers read, the
# listings and MANIFEST.csv; replaying the manifest's import commands in a
# fresh store (the plan, the catalogues, models and rules, then the tables) gives the same
# listings, in CSV and in xlsx (the catalogues and models too, written back as YAML). An existing directory is refused and left as
# it was; one that cannot be made leaves nothing.
# usage: export_all.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
c() { "$cli" "$@" --actor office; }

documents() {
	c inspection catalogue import "$src/examples/catalogues/ten-categories.yaml" >/dev/null
	c inspection catalogue import "$src/examples/catalogues/five-behaviours.yaml" >/dev/null
	c risk model import "$src/examples/models/matrix-5x5.yaml" >/dev/null
	c risk model import "$src/examples/models/weighted-factors.yaml" >/dev/null
}

expect_rc 0 c import "$src/examples/plans/leshan-2010.yaml"
documents
c accountability rules import "$src/examples/rules/leshan-2010.yaml" >/dev/null
printf 'outcome,unit,status,percent,date,note\r\nt1.2.o1,kuangguan,in_progress,50,2010/11/15,已部署\r\nt1.2.o1,kuangguan,in_progress,60,2010-11-16,=1+1\r\n' >p.csv
expect_rc 0 c progress import p.csv
# the rounds (a group's, 监察室's with its report, a member's spot check), checked first, then a finding in a round
expect_rc 0 c inspection round import --check "$src/tests/data/inspection/rounds.csv"
expect_rc 0 c inspection round list --format json
[ "$(cat out)" = "[]" ] || fail "--check wrote: $(cat out)"
expect_rc 0 c inspection round import "$src/tests/data/inspection/rounds.csv"
expect_bad 'rounds.csv:2:1: row 1: round "self-2010/shizhong" exists already (ECONFLICT)' "a round imported twice" \
	c inspection round import "$src/tests/data/inspection/rounds.csv"
expect_rc 0 c inspection finding import "$src/tests/data/inspection/findings.csv"
printf 'unit,origin,description,found_on,round\r\nmabian,self_reported,自查发现,2010-12-01,spot-2010/mabian\r\n' >fr.csv
expect_rc 0 c inspection finding import fr.csv
expect_rc 0 c inspection rectification import "$src/tests/data/inspection/ledger.csv"
expect_rc 0 c risk register import "$src/tests/data/risk/register.yaml" --model weighted-factors
expect_rc 0 c accountability evaluation import "$src/tests/data/accountability/evaluations.yaml"
expect_rc 0 c accountability people import "$src/examples/people/leshan-2010-people.yaml"
expect_rc 0 c accountability evaluate --as-of 2011-02-01
expect_rc 0 c accountability proposals --format json
proposal=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' out)
expect_rc 0 c accountability decide "$proposal" accept 2011-02-02 --note 同意

listings() { # the listings compared, as JSON, into $1
	for l in "progress history" "inspection finding list" "inspection rectification ledger --as-of 2011-01-01" \
	         "risk point list" "accountability people list" "status --as-of 2010-12-01" \
	         "accountability rules list" "inspection catalogue list" "risk model list" \
	         "inspection round list --as-of 2011-02-01"; do
		# shellcheck disable=SC2086
		c $l --format json
	done >"$1"
}
listings before.json

for format in csv xlsx; do
	expect_rc 0 c export --all --output "all-$format" --format "$format"
	grep -q "^exported [0-9]* files to all-$format (MANIFEST.csv lists them)$" out || fail "export: $(cat out)"
	[ -f "all-$format/plan.yaml" ] && [ -f "all-$format/progress.$format" ] && [ -f "all-$format/register-weighted-factors.$format" ] ||
		fail "files: $(ls "all-$format")"
	# each file's digest is the manifest's
	/usr/bin/python3 - "all-$format" <<'PY' || fail "manifest of $format"
import csv, hashlib, os, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(d, "MANIFEST.csv"), encoding="utf-8-sig")))
listed = {r["file"] for r in rows if r["file"]}
assert listed | {"MANIFEST.csv"} == set(os.listdir(d)), (listed, os.listdir(d))
for r in rows:
    if r["file"]:
        assert hashlib.sha256(open(os.path.join(d, r["file"]), "rb").read()).hexdigest() == r["sha256"], r
assert [r["import"].split()[-1] for r in rows if r["import"]][0] == "plan.yaml"
assert any(r["file"].startswith("register-weighted-factors") and r["import"].endswith("--model weighted-factors") for r in rows)
PY
	# the replay: the manifest's commands, in its order, into a fresh store
	mkdir "fresh-$format"
	(cd "all-$format" && /usr/bin/python3 -c '
import csv
for r in csv.DictReader(open("MANIFEST.csv", encoding="utf-8-sig")):
    if r["import"]:
        print(r["import"].split(" ", 1)[1])' >../commands)
	while read -r cmd; do
		# shellcheck disable=SC2086
		(cd "all-$format" && "$cli" $cmd --db "../fresh-$format/campaign.db" --actor clerk >/dev/null) || fail "replay: $cmd"
	done <commands
	(cd "fresh-$format" && listings ../after.json)
	/usr/bin/python3 - before.json after.json <<'PY' || fail "the $format replay differs"
import json, sys
def objects(path):
    text, dec, out, i = open(path, encoding="utf-8").read(), json.JSONDecoder(), [], 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        value, i = dec.raw_decode(text, i)
        out.append(value)
    return out
own = {"id", "actor", "recorded_at", "recorded_by", "updated_on", "imported_by", "imported_at"}
keep_ids = {1, 2, 3}  # findings, ledger, register: their ids are given, so they come back
before, after = objects(sys.argv[1]), objects(sys.argv[2])
assert len(before) == len(after) == 10
for k, (b, a) in enumerate(zip(before, after)):
    drop = own - ({"id"} if k in keep_ids else set())
    strip = lambda rows: [{c: v for c, v in r.items() if c not in drop} for r in rows]
    assert strip(b) == strip(a), (k, strip(b)[:2], strip(a)[:2])
assert [r["note"] for r in before[0]] == ["已部署", "=1+1"], before[0]
assert [len(x) for x in before][1:5] + [len(before[6]), len(before[9])] == [4, 2, 2, 17, 8, 13], [len(x) for x in before]
assert [r["findings"] for r in before[9] if r["id"] == "spot-2010/mabian"] == [2], before[9]
assert [r["document"] for r in before[9] if r["submitted_on"]] == ["乐国土监〔2010〕9号", "马国土发〔2011〕1号"], before[9]
assert all(r["posts"] for r in before[4] if r["id"] != "jiancha.p2"), before[4]
PY
done
grep -q "^progress.csv,\"progress reports, oldest first\",2," all-csv/MANIFEST.csv || fail "$(cat all-csv/MANIFEST.csv)"
grep -q ",2010-11-16,'=1+1," all-csv/progress.csv || fail "formula not marked: $(cat all-csv/progress.csv)"

# an existing directory is refused and left as it was; so is a plain file
mkdir taken && echo keep >taken/x
expect_bad "taken is not empty: an export goes into a new directory" "a non-empty directory" c export --all --output taken
[ "$(ls taken)" = x ] && [ "$(ls -d taken*)" = taken ] || fail "the directory was changed: $(ls -a taken*)"
expect_bad "p.csv exists and is not a directory" "a file" c export --all --output p.csv
# a directory that cannot be made leaves nothing
expect_bad "p.csv/out: cannot create a directory beside it" "under a file" c export --all --output p.csv/out
[ "$(ls -d ./*.tmp-* 2>/dev/null | wc -l)" -eq 0 ] || fail "left behind: $(ls -d ./*.tmp-*)"
# usage: --all needs --output; --format is for --all
expect_rc 2 c export --all
expect_rc 2 c export --format xlsx
# without the key the confidential listings are left out, the manifest saying why
unset CAMPAIGN_KEY_FILE
expect_rc 0 c export --all --output nokey
grep -q "^,case leads with their details and reporters (confidential),,,,left out: " nokey/MANIFEST.csv ||
	fail "no note: $(cat nokey/MANIFEST.csv)"
[ ! -e nokey/case-leads-confidential.csv ] || fail "confidential listing written without the key"
expect_bad "" "required without the key" c export --all --output nokey2 --confidential
[ ! -e nokey2 ] || fail "nokey2 left behind"
echo "cli.export_all: ok"
