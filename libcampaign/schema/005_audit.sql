-- 005: the audit log, a hash chain over every change. Row changes are
-- captured by triggers (installed by the library for every table, see
-- audit.c) and sealed with SHA-256 when the library commits; a change made
-- behind the library's back stays unsealed, or leaves rows that no longer
-- match their last logged image, and `campaign verify` reports it.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'insert', 'update', 'delete')),
  tbl TEXT,                 -- the table of a row change
  key TEXT,                 -- the row's key in it (rowid, or its primary key as JSON)
  object TEXT,              -- the object's own id where it has one
  actor TEXT,               -- for a call: who
  operation TEXT,           -- for a call: what ("plan.import", "progress.report" ...)
  campaign TEXT,
  detail TEXT,
  before TEXT,              -- the row as JSON before the change (update, delete)
  after TEXT,               -- and after it (insert, update)
  call INTEGER,             -- for a row change: the seq of the call it belongs to
  hash TEXT                 -- SHA-256 over this entry and the previous hash; NULL until sealed
);
CREATE INDEX audit_log_row ON audit_log(tbl, key, seq);
CREATE INDEX audit_log_object ON audit_log(object, seq);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_unsealed ON audit_log(seq) WHERE hash IS NULL;
CREATE INDEX audit_log_calls ON audit_log(seq) WHERE kind = 'call';
CREATE INDEX audit_log_call ON audit_log(call);

INSERT INTO audit_log (at, kind, actor, operation, campaign, object, detail)
  SELECT at, 'call', actor, operation, campaign, object, detail FROM change_log ORDER BY seq;
DROP TABLE change_log;
