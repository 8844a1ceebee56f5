-- 006: roles. A person has at most one role; a unit clerk is bound to a unit.
CREATE TABLE access_role (
  person TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('supervision_office', 'leadership', 'unit_clerk', 'auditor')),
  unit INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  granted_by TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  CHECK ((role = 'unit_clerk') = (unit IS NOT NULL))
);
CREATE INDEX access_role_unit ON access_role(unit);
