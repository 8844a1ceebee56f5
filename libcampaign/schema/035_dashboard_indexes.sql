-- Issue 20: the dashboard at M (200 000 risk points) within a second. The
-- grade distribution and the heat map count the active points of a campaign
-- by the assessment in force; these two indexes hold every column those
-- counts read, so each point costs two index probes and no table row (the
-- rows carry descriptions and inputs: reading them was 0.65 s per query).
-- The assessment stands right after (campaign, status): the queries that
-- look a point up by its assessment in force with those two terms (the
-- warnings' graded points) find it with all three, never by scanning the
-- campaign's points per assessment.
CREATE INDEX risk_point_grading ON risk_point(campaign, status, assessment, unit, type);
CREATE INDEX risk_assessment_cell ON risk_assessment(id, model, grade, likelihood, impact, residual_likelihood,
                                                     residual_impact);
