-- 034: a rule set can be retired with its history kept: the version in force
-- when it was retired records who retired it, when and why; it no longer
-- evaluates, and its proposals and their decisions stay as they were.
ALTER TABLE accountability_ruleset ADD COLUMN retired_by TEXT;
ALTER TABLE accountability_ruleset ADD COLUMN retired_at TEXT;
ALTER TABLE accountability_ruleset ADD COLUMN retired_reason TEXT;
