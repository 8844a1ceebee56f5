-- 017: dates checked against the campaign period; one deadline language.
-- A campaign may accept late reports for grace_days after its end (plan key
-- campaign.grace_days). Deadline fields keep the text they were written in
-- next to the last day they mean (the day is what every query compares).
ALTER TABLE campaign ADD COLUMN grace_days INTEGER NOT NULL DEFAULT 0 CHECK (grace_days BETWEEN 0 AND 3660);
ALTER TABLE rectification ADD COLUMN deadline_text TEXT;
ALTER TABLE accountability_action ADD COLUMN due_text TEXT;
ALTER TABLE risk_control ADD COLUMN due_text TEXT;
