-- 001: the plan model. Row ids (rid) stay inside the library; the plan's own
-- text ids are unique per campaign and are what the API speaks.
CREATE TABLE campaign (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  issuer TEXT,
  basis TEXT,
  basis_title TEXT,
  period_text TEXT NOT NULL,
  period_first TEXT,
  period_last TEXT,
  preamble TEXT,
  summary TEXT,
  requirements TEXT,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL
);

CREATE TABLE unit (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('bureau','department','affiliate','subordinate_bureau','other')),
  parent INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  aliases TEXT,
  UNIQUE (campaign, id)
);
CREATE INDEX unit_order ON unit(campaign, ord);
CREATE INDEX unit_parent ON unit(parent);

CREATE TABLE unit_group (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT,
  UNIQUE (campaign, id)
);
CREATE INDEX unit_group_order ON unit_group(campaign, ord);

CREATE TABLE unit_group_member (
  grp INTEGER NOT NULL REFERENCES unit_group(rid) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  PRIMARY KEY (grp, unit)
) WITHOUT ROWID;
CREATE INDEX unit_group_member_unit ON unit_group_member(unit);

CREATE TABLE body (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  parent INTEGER REFERENCES body(rid) ON DELETE CASCADE,
  seat INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  duty TEXT,
  UNIQUE (campaign, id)
);
CREATE INDEX body_order ON body(campaign, ord);

CREATE TABLE body_member (
  rid INTEGER PRIMARY KEY,
  body INTEGER NOT NULL REFERENCES body(rid) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT,
  role TEXT NOT NULL,
  title TEXT,
  unit INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  grp INTEGER REFERENCES unit_group(rid) ON DELETE CASCADE,
  concurrent INTEGER NOT NULL DEFAULT 0 CHECK (concurrent IN (0,1)),
  UNIQUE (body, ord)
);

CREATE TABLE phase (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  period_text TEXT NOT NULL,
  first TEXT,
  last TEXT,
  focus TEXT,
  UNIQUE (campaign, id)
);
CREATE INDEX phase_order ON phase(campaign, ord);

CREATE TABLE milestone (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  phase INTEGER NOT NULL REFERENCES phase(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  deadline_text TEXT NOT NULL,
  first TEXT,
  last TEXT,
  unit INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  grp INTEGER REFERENCES unit_group(rid) ON DELETE CASCADE,
  UNIQUE (campaign, id)
);
CREATE INDEX milestone_order ON milestone(campaign, ord);
CREATE INDEX milestone_phase ON milestone(phase, ord);

CREATE TABLE task (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,              -- document (pre-)order within the campaign
  parent INTEGER REFERENCES task(rid) ON DELETE CASCADE,
  depth INTEGER NOT NULL,
  label TEXT,
  title TEXT NOT NULL,
  objective TEXT,
  UNIQUE (campaign, id)
);
CREATE INDEX task_order ON task(campaign, ord);
CREATE INDEX task_parent ON task(parent, ord);

CREATE TABLE measure (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  task INTEGER NOT NULL REFERENCES task(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  label TEXT,
  text TEXT NOT NULL,
  UNIQUE (campaign, id)
);
CREATE INDEX measure_order ON measure(campaign, ord);
CREATE INDEX measure_task ON measure(task, ord);

CREATE TABLE responsibility (
  rid INTEGER PRIMARY KEY,
  measure INTEGER NOT NULL REFERENCES measure(rid) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('lead','support')),
  unit INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  grp INTEGER REFERENCES unit_group(rid) ON DELETE CASCADE,
  written TEXT NOT NULL,             -- the name as the document writes it
  condition TEXT,                    -- the scope a lead holds for
  CHECK ((unit IS NULL) <> (grp IS NULL)),
  UNIQUE (measure, ord)
);
CREATE INDEX responsibility_unit ON responsibility(unit);
CREATE INDEX responsibility_grp ON responsibility(grp);

CREATE TABLE outcome (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  task INTEGER NOT NULL REFERENCES task(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  label TEXT,
  text TEXT NOT NULL,
  deadline_text TEXT,
  first TEXT,
  last TEXT,
  open_ended INTEGER NOT NULL DEFAULT 0 CHECK (open_ended IN (0,1)),
  UNIQUE (campaign, id)
);
CREATE INDEX outcome_order ON outcome(campaign, ord);
CREATE INDEX outcome_task ON outcome(task, ord);
CREATE INDEX outcome_last ON outcome(campaign, last);

-- Who changed what. Issue 8 turns this into a hash chain; seq is local to a store.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  operation TEXT NOT NULL,
  campaign TEXT,
  object TEXT,
  detail TEXT
);
