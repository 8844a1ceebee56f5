#!/bin/sh
# Signed heads and witnesses from the command line (issue 16): the last log
# entry deleted with sqlite is found by `verify --witness` (the witness file
# the library kept); a forged entry appended with a correct hash is an
# unsigned tail; a store without key verifies with a notice; `campaign log`
# follows the roles, and a role-less actor's read is refused and logged.
# usage: audit_signed.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
"$cli" keygen --output key.pem >pub.pem
export CAMPAIGN_SIGNING_KEY_FILE=key.pem
"$cli" import "$src/examples/plans/leshan-2010.yaml" --db s.db >/dev/null
"$cli" progress add t2.4.o1 jiancha done 100 2010-10-28 --db s.db --actor 李四 --witness-file w1.txt >/dev/null
grep -q "^libcampaign head 1$" w1.txt || fail "the witness file holds the head: $(cat w1.txt)"
grep -q "^signature: " w1.txt || fail "the head is signed: $(cat w1.txt)"
expect_rc 0 "$cli" verify --db s.db --pubkey pub.pem --witness w1.txt
grep -q "^verified: .*the witnesses hold" out || fail "verify with witness: $(cat out)"

# a store that never had a key: verified, with a notice
CAMPAIGN_SIGNING_KEY_FILE= "$cli" import "$src/examples/plans/leshan-2010.yaml" --db plain.db >/dev/null
expect_rc 0 env CAMPAIGN_SIGNING_KEY_FILE= "$cli" verify --db plain.db
grep -q "^notice: unsigned_tail" out || fail "the notice: $(cat out)"

# the last entry deleted with raw SQL (and its head): only the witness tells
cp w1.txt w1.keep
/usr/bin/python3 - s.db <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DELETE FROM audit_head WHERE seq = (SELECT max(seq) FROM audit_log)")
db.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
db.commit()
PY
expect_rc 1 "$cli" verify --db s.db --pubkey pub.pem --witness w1.keep
grep -q "^witness_mismatch.*trimmed: the witness saw entry" out || fail "the trim: $(cat out)"

# a forged entry, hashed as the library does, without the key
"$cli" import "$src/examples/plans/leshan-2010.yaml" --db f.db >/dev/null
/usr/bin/python3 - f.db <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
cols = "seq, at, kind, tbl, key, object, actor, operation, campaign, detail, before, after, call"
seq, prev = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
row = [seq + 1, "2010-11-01T00:00:00.000Z", "call", None, None, None, "伪造者", "plan.approve", None, None, None, None, None]
parts = [prev] + [None if v is None else str(v) for v in row]
data = "".join("-|" if v is None else f"{len(v.encode())}:{v}|" for v in parts)
db.execute(f"INSERT INTO audit_log ({cols}, hash) VALUES ({', '.join('?' * 14)})",
           row + [hashlib.sha256(data.encode()).hexdigest()])
db.commit()
PY
expect_rc 1 "$cli" verify --db f.db
grep -q "^unsigned_tail	entry [0-9]*	entries .* are vouched for by no signed head" out \
  || fail "the forged append: $(cat out)"

# the log by role
"$cli" role grant 督查办 supervision_office --db s.db --actor setup >/dev/null
"$cli" role grant 峨眉文员 unit_clerk --unit emeishan --db s.db --actor 督查办 >/dev/null
"$cli" progress add t2.2.o4 emeishan done 100 2010-12-15 --db s.db --actor 峨眉文员 >/dev/null
"$cli" log --db s.db --actor 峨眉文员 --format json >out
/usr/bin/python3 -c "
import json; r = json.load(open('out'))
assert r and all(e['actor'] == '峨眉文员' or e['object'] == 'emeishan' for e in r), r
assert not any(e['actor'] == '李四' for e in r), r" || fail "the clerk's log: $(cat out)"
expect_bad "may not read the audit log" "a stranger's log" "$cli" log --db s.db --actor 路人
"$cli" log --db s.db --actor 督查办 --by 路人 --format json >out
/usr/bin/python3 -c "import json; r=json.load(open('out')); assert [e['operation'] for e in r] == ['denied'], r" \
  || fail "the refusal is logged: $(cat out)"
echo "audit_signed: a trim, a forged append and the log's readers are found"
