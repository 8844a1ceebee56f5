#!/bin/sh
# Confidential fields at rest: `grep -a` of the store, its WAL and a backup
# finds neither a reporter's name nor phone number; without the key or with
# a wrong one the confidential view is refused (ELOCKED); `campaign key
# status|rotate`; --key-file given before the command or after it.
# usage: crypt.sh CAMPAIGN SOURCE_DIR
set -eu
. "$(dirname "$0")/lib.sh"
name=王𠀋明 phone=13912345678
printf 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100\n' > new.key
printf '0000000000000000000000000000000000000000000000000000000000000000\n' > wrong.key
nokey() { env -u CAMPAIGN_KEY_FILE "$@"; }

expect_rc 0 "$cli" import "$src/examples/plans/leshan-2010.yaml"
expect_rc 0 "$cli" inspection case-lead create --id L-1 --unit mabian --received 2010-11-18 --details 举报收受红包 \
	--reporter "$name" --contact "$phone" --actor office
expect_rc 0 "$cli" inspection case-lead list --confidential --actor office
grep -q "$name" out || fail "the confidential view shows the reporter"
grep -q "$phone" out || fail "the confidential view shows the contact"

/usr/bin/python3 -c 'import sqlite3,sys; a=sqlite3.connect(sys.argv[1]); b=sqlite3.connect(sys.argv[2]); a.backup(b); b.close(); a.close()' \
	campaign.db backup.db
for f in campaign.db campaign.db-wal backup.db; do
	[ -f "$f" ] || continue
	! grep -a -q "$name" "$f" || fail "$f holds the reporter's name"
	! grep -a -q "$phone" "$f" || fail "$f holds the phone number"
done
grep -a -q mabian campaign.db || fail "grep -a reads the store"

# no key, a wrong key: refused, nothing written
log=$(nokey "$cli" log --format csv | wc -l)
expect_bad "the store was opened without its key: confidential fields are locked (ELOCKED)" "no key" \
	nokey "$cli" inspection case-lead list --confidential --actor office
expect_bad "ELOCKED" "no key, create" nokey "$cli" inspection case-lead create --received 2010-11-19 --details x --actor office
expect_bad "the key does not match this store's confidential fields (ELOCKED)" "wrong key" \
	"$cli" --key-file wrong.key inspection case-lead list --confidential --actor office
[ "$(nokey "$cli" log --format csv | wc -l)" -eq "$log" ] || fail "a refused call wrote to the log"
expect_rc 0 nokey "$cli" inspection case-lead list
grep -q L-1 out || fail "the ordinary list works without the key"
expect_rc 0 nokey "$cli" verify

expect_rc 0 "$cli" key status
grep -q "key: opens the confidential fields" out || fail "key status: $(cat out)"
grep -q "case_lead_confidential.reporter: 1 sealed, 0 clear" out || fail "key status counts: $(cat out)"
grep -q "clear text values: 0" out || fail "key status total: $(cat out)"
expect_rc 0 nokey "$cli" key status
grep -q "key: the store was opened without its key" out || fail "key status without key: $(cat out)"
expect_rc 2 "$cli" key rotate
expect_rc 0 "$cli" key rotate --new-key-file new.key --actor office
grep -q "rotated: 3 values sealed under the new key" out || fail "rotate: $(cat out)"
expect_bad "does not match" "the old key after a rotation" "$cli" inspection case-lead list --confidential --actor office
expect_rc 0 "$cli" --key-file new.key inspection case-lead list --confidential --actor office
grep -q "$name" out || fail "the new key opens the reporter"
expect_rc 0 "$cli" inspection case-lead list --confidential --actor office --key-file new.key
grep -q "$phone" out || fail "--key-file after the command"
for f in campaign.db campaign.db-wal; do
	[ -f "$f" ] || continue
	! grep -a -q "$name" "$f" || fail "$f holds the reporter's name after the rotation"
done
echo "crypt: ok"
