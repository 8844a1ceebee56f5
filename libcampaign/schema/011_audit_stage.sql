-- 011: entries are now sealed as they are written (staged by TEMP triggers in
-- the library's connections), so the index of unsealed entries goes, and the
-- indexes for reading the log cover only the entries they serve.
DROP INDEX IF EXISTS audit_log_unsealed;
DROP INDEX IF EXISTS audit_log_actor;
DROP INDEX IF EXISTS audit_log_object;
CREATE INDEX audit_log_actor ON audit_log(actor, seq) WHERE actor IS NOT NULL;
CREATE INDEX audit_log_object ON audit_log(object, seq) WHERE object IS NOT NULL;
