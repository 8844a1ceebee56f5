-- Issue 19: queries priced by their result. The overdue shares of a date
-- are found from the items whose last day has passed (outcome_last exists
-- since 001; milestones get theirs), not by reading every share.
CREATE INDEX milestone_last ON milestone(campaign, last);
