-- Signed chain heads (issue 16): every commit's chain head, signed with the
-- store's Ed25519 signing key when the host gave one (campaign_open_with).
-- Tables named audit_* are not themselves audited: the heads vouch for the log.
--
-- audit_head: one row per committed transaction that sealed entries with a key.
--   seq, hash  the transaction's last sealed entry (audit_log.seq, audit_log.hash)
--   site       the site line of the signed text ('' until a store has a site)
--   at         when it was sealed, "YYYY-MM-DDTHH:MM:SSZ"
--   key_id     audit_key.id of the key that signed it
--   first      the first entry it vouches for: its transaction's first entry,
--              or 1 for the first head a key signs (the host adopting the key
--              vouches for the chain as it finds it)
--   signature  128 hex digits: Ed25519 over the canonical text, exactly
--              "libcampaign head 1\nsite: SITE\nseq: SEQ\nhash: HASH\nat: AT\nfirst: FIRST\n"
-- An entry that no valid head's first..seq covers was written without the key.
-- audit_key: each public key that ever signed a head (a new key adds a row:
--   key rotation). id is the SHA-256 (hex) of its PEM text, first_seq the
--   first head it signed.
CREATE TABLE audit_head (
  seq INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  site TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL,
  first INTEGER NOT NULL
);
CREATE TABLE audit_key (
  id TEXT PRIMARY KEY,
  public_key_pem TEXT NOT NULL,
  first_seq INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);
