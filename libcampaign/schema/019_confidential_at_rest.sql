-- 019: confidential fields sealed at rest (core/crypt.c). The text columns of
-- the *_confidential tables that hold a secret are stored as
-- "enc1:KEYID:BASE64" (AES-256-GCM under the host's key, which is never
-- written here). This table holds the one key check: the seal of a constant
-- under the key in force and that key's id, so that a wrong key is told
-- apart from a damaged value. Neither reveals the key.
CREATE TABLE confidential_key (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  key_id TEXT NOT NULL,        -- 8 hex digits of SHA-256 over a label and the key
  check_value TEXT NOT NULL,   -- the seal of a constant under the key
  set_at TEXT NOT NULL
);
