-- 002: the responsibility matrix expanded, outcome shares, progress reports
-- and warning thresholds.

-- Each responsibility per unit: a group's responsibility counts for each member,
-- with the group kept in via_group.
CREATE VIEW unit_responsibility AS
  SELECT r.rid AS responsibility, r.measure, r.role, r.unit, NULL AS via_group, r.written, r.condition,
         r.ord, 0 AS member_ord
    FROM responsibility r WHERE r.unit IS NOT NULL
  UNION ALL
  SELECT r.rid, r.measure, r.role, gm.unit, r.grp, r.written, r.condition, r.ord, gm.ord
    FROM responsibility r JOIN unit_group_member gm ON gm.grp = r.grp
   -- a unit that leads a measure by name does not also support it through a
   -- group (监察室 leads t2.1.m1; 各科室 supports it, meaning the others)
   WHERE NOT (r.role = 'support' AND EXISTS (SELECT 1 FROM responsibility l
                WHERE l.measure = r.measure AND l.role = 'lead' AND l.unit = gm.unit));

-- Who owes each outcome: the lead units of its task's measures (groups
-- expanded); where the task names no lead at all, every unit named.
CREATE TABLE outcome_share (
  outcome INTEGER NOT NULL REFERENCES outcome(rid) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  PRIMARY KEY (outcome, unit)
) WITHOUT ROWID;
CREATE INDEX outcome_share_unit ON outcome_share(unit);

INSERT OR IGNORE INTO outcome_share (outcome, unit)
  SELECT o.rid, ru.unit FROM outcome o
    JOIN measure m ON m.task = o.task
    JOIN unit_responsibility ru ON ru.measure = m.rid
   WHERE ru.role = 'lead'
      OR NOT EXISTS (SELECT 1 FROM measure m2 JOIN responsibility r2 ON r2.measure = m2.rid
                      WHERE m2.task = o.task AND r2.role = 'lead');

-- A unit's report on its share of an outcome. Reports are history: the
-- newest by report date (then by id, which is time-ordered) is current.
-- Ids are UUIDv7 text, unique across sites that merge their stores.
CREATE TABLE progress_report (
  id TEXT PRIMARY KEY,
  outcome INTEGER NOT NULL,
  unit INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','done','blocked')),
  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  reported_on TEXT NOT NULL,
  note TEXT,
  evidence TEXT,
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (outcome, unit) REFERENCES outcome_share(outcome, unit) ON DELETE CASCADE
);
CREATE INDEX progress_report_share ON progress_report(outcome, unit, reported_on, id);
CREATE INDEX progress_report_unit ON progress_report(unit);

CREATE TABLE campaign_threshold (
  campaign INTEGER PRIMARY KEY REFERENCES campaign(rid) ON DELETE CASCADE,
  yellow_days INTEGER NOT NULL CHECK (yellow_days >= 0),
  red_days INTEGER NOT NULL CHECK (red_days >= 0)
);
