-- 013: indexes for the queries that filter (issue 9). Each filter
-- combination has its own statement; these let the planner serve it.

-- A unit's findings in date order, then id: the whole ORDER BY from the
-- index, so the planner prefers it to finding_campaign (which needs the
-- whole campaign scanned for one unit). Replaces finding_unit(unit, found_on).
DROP INDEX finding_unit;
CREATE INDEX finding_unit ON finding(unit, found_on, id);

-- Risk warnings: the assessments of a grade, by grading date, so that the
-- review-overdue and top-grade branches read only the points they warn about.
CREATE INDEX risk_assessment_grade ON risk_assessment(grade, graded_on);
