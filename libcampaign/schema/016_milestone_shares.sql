-- 016: milestones reported per unit (issue 14). A milestone owed by a unit
-- or a group has one share per owing unit, reported like an outcome share
-- (same statuses, through the same report call) into milestone_report.
CREATE TABLE milestone_share (
  milestone INTEGER NOT NULL REFERENCES milestone(rid) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  PRIMARY KEY (milestone, unit)
) WITHOUT ROWID;
CREATE INDEX milestone_share_unit ON milestone_share(unit);

INSERT OR IGNORE INTO milestone_share (milestone, unit)
  SELECT m.rid, m.unit FROM milestone m WHERE m.unit IS NOT NULL
  UNION ALL
  SELECT m.rid, gm.unit FROM milestone m JOIN unit_group_member gm ON gm.grp = m.grp;

-- A unit's report on its share of a milestone: progress_report's columns
-- (read by the same queries, so kept alike), with the milestone for the outcome.
CREATE TABLE milestone_report (
  id TEXT PRIMARY KEY, milestone INTEGER NOT NULL, unit INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','done','blocked')),
  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100), reported_on TEXT NOT NULL,
  note TEXT, evidence TEXT, actor TEXT NOT NULL, recorded_at TEXT NOT NULL,
  FOREIGN KEY (milestone, unit) REFERENCES milestone_share(milestone, unit) ON DELETE CASCADE
);
CREATE INDEX milestone_report_share ON milestone_report(milestone, unit, reported_on, id);
CREATE INDEX milestone_report_unit ON milestone_report(unit);
