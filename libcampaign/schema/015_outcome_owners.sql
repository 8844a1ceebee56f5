-- 015: who owes an outcome, as the plan says it (issue 14). An outcome may
-- name its owners (units or groups); its shares are then those units, each
-- member of a group owing its own share. An outcome that names none is owed
-- by the leads of its task's measures (schema 002), as before.
CREATE TABLE outcome_owner (
  outcome INTEGER NOT NULL REFERENCES outcome(rid) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  unit INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  grp INTEGER REFERENCES unit_group(rid) ON DELETE CASCADE,
  CHECK ((unit IS NULL) <> (grp IS NULL)),
  PRIMARY KEY (outcome, ord)
) WITHOUT ROWID;
CREATE INDEX outcome_owner_unit ON outcome_owner(unit);
CREATE INDEX outcome_owner_grp ON outcome_owner(grp);

-- A group whose members are computed at import instead of listed:
-- 'lead-departments' (各牵头科室) holds the departments that lead at least one
-- measure, in unit order.
ALTER TABLE unit_group ADD COLUMN derive TEXT CHECK (derive IN ('lead-departments'));
