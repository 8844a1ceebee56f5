-- 014: views by which one domain reads another's tables (the rule of the
-- house: a domain reads only its own tables and these views).

-- Self-inspection records a finding found on an inspection tour (巡视, the
-- accountability domain's table) against the tour of the unit that year.
CREATE VIEW tour_visit AS
  SELECT id, campaign, unit, year, conducted_on FROM inspection_tour;
