#!/bin/sh
# The audit trail from the command line: raw-SQL changes are found by
# `campaign verify`, and a chain rewritten with recomputed hashes (which
# plain verification cannot see) is caught by a signed checkpoint.
# usage: audit.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
"$cli" import "$src/examples/plans/leshan-2010.yaml" --db s.db >/dev/null
"$cli" progress add t2.4.o1 jiancha done 100 2010-10-28 --db s.db --actor 李四 >/dev/null
"$cli" verify --db s.db >out || fail "a fresh store must verify: $(cat out)"
"$cli" keygen --output key.pem >pub.pem
"$cli" checkpoint --db s.db --key key.pem --output cp.txt
"$cli" verify --db s.db --checkpoint cp.txt --pubkey pub.pem >out || fail "checkpoint must hold: $(cat out)"
"$cli" log --db s.db --by 李四 --format json >out
/usr/bin/python3 -c "import json; r=json.load(open('out')); assert [e['kind'] for e in r] == ['insert', 'call'], r" \
  || fail "log by actor"

# rewrite an early entry and recompute the whole chain, as a forger would
/usr/bin/python3 - s.db <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
cols = "seq, at, kind, tbl, key, object, actor, operation, campaign, detail, before, after, call"
db.execute("UPDATE audit_log SET actor = '王五' WHERE seq = (SELECT min(seq) FROM audit_log WHERE kind = 'call')")
prev = ""
for row in db.execute(f"SELECT {cols} FROM audit_log ORDER BY seq").fetchall():
    parts = [prev] + [None if v is None else str(v) for v in row]
    data = "".join("-|" if v is None else f"{len(v.encode())}:{v}|" for v in parts)
    prev = hashlib.sha256(data.encode()).hexdigest()
    db.execute("UPDATE audit_log SET hash = ? WHERE seq = ?", (prev, row[0]))
db.commit()
PY
"$cli" verify --db s.db >out || fail "the recomputed chain is consistent on its own: $(cat out)"
set +e
"$cli" verify --db s.db --checkpoint cp.txt --pubkey pub.pem >out
rc=$?
set -e
[ $rc -eq 1 ] || fail "verify with the checkpoint exited $rc"
grep -q "checkpoint_mismatch" out || fail "the checkpoint must catch the rewrite: $(cat out)"
echo "audit: raw changes and a rewritten chain are found"
