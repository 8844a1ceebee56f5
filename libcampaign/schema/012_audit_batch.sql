-- 012: batch entries. A bulk import logs the rows it inserts as batches: one
-- entry per run of consecutive rowids of a table, whose `after` is the
-- SHA-256 of the list of the rows' image digests (kept in audit_batch), so
-- the chain still covers every row while the log no longer holds a second
-- copy of each. The log is rebuilt to admit the new kind.
CREATE TABLE audit_log_012 (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'insert', 'update', 'delete', 'batch')),
  tbl TEXT,                 -- the table of a row change or batch
  key TEXT,                 -- the row's key (rowid, or its primary key as JSON); a batch: its first rowid
  object TEXT,              -- the object's own id where it has one
  actor TEXT,               -- for a call: who
  operation TEXT,           -- for a call: what ("plan.import", "progress.report" ...)
  campaign TEXT,
  detail TEXT,              -- a batch: {"first":F,"last":L,"rows":N}
  before TEXT,              -- the row as JSON before the change (update, delete)
  after TEXT,               -- and after it (insert, update); a batch: the SHA-256 of its digests
  call INTEGER,             -- for a row change or batch: the seq of the call it belongs to
  hash TEXT                 -- SHA-256 over this entry and the previous hash
);
INSERT INTO audit_log_012 SELECT seq, at, kind, tbl, key, object, actor, operation, campaign, detail, before, after,
  call, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_012 RENAME TO audit_log;
CREATE INDEX audit_log_row ON audit_log(tbl, key, seq);
CREATE INDEX audit_log_object ON audit_log(object, seq) WHERE object IS NOT NULL;
CREATE INDEX audit_log_actor ON audit_log(actor, seq) WHERE actor IS NOT NULL;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_calls ON audit_log(seq) WHERE kind = 'call';
CREATE INDEX audit_log_call ON audit_log(call);

-- the digests of a batch entry's rows, in rowid order, 32 bytes each
CREATE TABLE audit_batch (
  seq INTEGER PRIMARY KEY,  -- the batch entry
  tbl TEXT NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL,
  digests BLOB NOT NULL
);
CREATE INDEX audit_batch_range ON audit_batch(tbl, first);
