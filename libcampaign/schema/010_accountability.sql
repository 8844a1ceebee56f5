-- 007: accountability (责任追究): people and the posts they hold, conduct
-- evaluations (行风评议), inspection tours (巡视), accountability rules as
-- versioned data, the proposals an evaluation makes and the actions decided.
-- Rows created at a site (people, holdings, evaluations, tours, proposals,
-- actions) have text ids: the caller's own or UUIDv7, unique across sites.
-- A person's disciplinary record lives only in person_record_confidential,
-- which the audit log masks and ordinary queries never read.

-- A post (岗位): key posts (关键岗位) have a kind: 管预算 budget, 管项目
-- projects, 管执法 enforcement, 管人事 personnel. principal marks the unit's
-- principal (主要负责人), whom interviews and accountability name.
CREATE TABLE post (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT CHECK (kind IN ('budget', 'projects', 'enforcement', 'personnel')),
  key_post INTEGER NOT NULL DEFAULT 0 CHECK (key_post IN (0, 1)),
  principal INTEGER NOT NULL DEFAULT 0 CHECK (principal IN (0, 1)),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK (key_post = 0 OR kind IS NOT NULL)
);
CREATE INDEX post_campaign ON post(campaign, key_post, kind);
CREATE INDEX post_unit ON post(unit, principal);

-- A person. retires_on (the expected retirement date) serves the rotation
-- deferral for people near retirement.
CREATE TABLE person (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  unit INTEGER REFERENCES unit(rid) ON DELETE SET NULL,
  retires_on TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX person_campaign ON person(campaign, name);
CREATE INDEX person_unit ON person(unit, name);

-- A post held by a person from start_on to end_on (NULL: still held).
CREATE TABLE post_holding (
  id TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  post TEXT NOT NULL REFERENCES post(id) ON DELETE CASCADE,
  start_on TEXT NOT NULL,
  end_on TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (person, post, start_on),
  CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE INDEX post_holding_post ON post_holding(post, start_on);

-- A person's disciplinary record (处分记录). Confidential: read only through
-- campaign_person_record_query(), which checks access and logs the read.
CREATE TABLE person_record_confidential (
  id TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  decided_on TEXT NOT NULL,
  sanction TEXT NOT NULL,      -- e.g. 警告, 记过, 降级, 撤职
  details TEXT,
  authority TEXT,              -- who decided, e.g. 乐山市纪委
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX person_record_person ON person_record_confidential(person, decided_on);

-- A conduct evaluation score (行风评议): one unit, one year and period.
-- Scores are kept in hundredths (8750 = 87.50), never as floats.
CREATE TABLE conduct_evaluation (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  period TEXT NOT NULL,        -- e.g. "全年", "上半年"
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  score_centi INTEGER NOT NULL CHECK (score_centi BETWEEN 0 AND 100000),
  evaluated_on TEXT NOT NULL,
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (campaign, year, period, unit)
);
CREATE INDEX conduct_evaluation_date ON conduct_evaluation(campaign, evaluated_on);
CREATE INDEX conduct_evaluation_unit ON conduct_evaluation(unit);

-- The yearly inspection tour (巡视) of a subordinate bureau: planned by the
-- generated schedule, conducted on a date. One per unit and year.
CREATE TABLE inspection_tour (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  planned_on TEXT,
  conducted_on TEXT,
  leader TEXT,                 -- the tour group's leader (巡视组组长)
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (campaign, unit, year)
);
CREATE INDEX inspection_tour_year ON inspection_tour(campaign, year);

-- The findings a tour made (each is a finding with origin inspection_tour).
CREATE TABLE inspection_tour_finding (
  tour TEXT NOT NULL REFERENCES inspection_tour(id) ON DELETE CASCADE,
  finding TEXT NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  PRIMARY KEY (tour, finding)
) WITHOUT ROWID;
CREATE INDEX inspection_tour_finding_finding ON inspection_tour_finding(finding);

-- Accountability rules as data: a rule set (one YAML file) is versioned like
-- a violation catalogue; the newest version of each set is in force.
CREATE TABLE accountability_ruleset (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  source TEXT,
  digest TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (campaign, id, version)
);

CREATE TABLE accountability_rule (
  rid INTEGER PRIMARY KEY,
  ruleset INTEGER NOT NULL REFERENCES accountability_ruleset(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  action TEXT NOT NULL,
  name TEXT,
  source TEXT,
  params TEXT NOT NULL,        -- the kind's parameters as a JSON object
  UNIQUE (ruleset, id)
);
CREATE INDEX accountability_rule_order ON accountability_rule(ruleset, ord);

-- A proposal made by an evaluation: the rule, the subject (unit, person),
-- the rows that triggered it and the reason. (campaign, rule, key) is
-- unique, so evaluating again never proposes the same thing twice.
CREATE TABLE accountability_proposal (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  ruleset TEXT NOT NULL,
  version INTEGER NOT NULL,
  rule_ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  action TEXT NOT NULL,
  key TEXT NOT NULL,
  unit INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  person TEXT REFERENCES person(id) ON DELETE SET NULL,
  evidence TEXT NOT NULL,      -- "table:id" of each triggering row, ","-joined
  ref TEXT,                    -- the item a remedial work is about ("outcome:ID", "rectification:ID")
  parent TEXT REFERENCES accountability_proposal(id) ON DELETE SET NULL,
  reason TEXT NOT NULL,
  due_on TEXT,
  as_of TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'modified')),
  decided_by TEXT,
  decided_on TEXT,
  decision_note TEXT,
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  UNIQUE (campaign, rule, key)
);
CREATE INDEX accountability_proposal_order ON accountability_proposal(campaign, as_of, ruleset, rule_ord, key);
CREATE INDEX accountability_proposal_rule ON accountability_proposal(campaign, rule, action);
CREATE INDEX accountability_proposal_unit ON accountability_proposal(unit);
CREATE INDEX accountability_proposal_person ON accountability_proposal(person);
CREATE INDEX accountability_proposal_parent ON accountability_proposal(parent);

-- An action decided on a proposal (or its changed form), with its own
-- status and dates: an interview held and its written explanation received,
-- remedial work done, and so on.
CREATE TABLE accountability_action (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  proposal TEXT NOT NULL UNIQUE REFERENCES accountability_proposal(id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  unit INTEGER REFERENCES unit(rid) ON DELETE CASCADE,
  person TEXT REFERENCES person(id) ON DELETE SET NULL,
  due_on TEXT,
  decided_on TEXT NOT NULL,
  held_on TEXT,
  explanation_on TEXT,
  done_on TEXT,
  cancelled_on TEXT,
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX accountability_action_campaign ON accountability_action(campaign, action);
CREATE INDEX accountability_action_unit ON accountability_action(unit);
CREATE INDEX accountability_action_person ON accountability_action(person);

-- ---- the documented views a `sql` rule may read (docs/accountability.md) ----
-- Ids are the text ids the API speaks; campaign is the campaign's id.
-- Nothing confidential is visible through them.
CREATE VIEW rule_unit AS
  SELECT c.id AS campaign, u.id AS unit, u.name, u.kind, p.id AS parent, u.ord
    FROM unit u JOIN campaign c ON c.rid = u.campaign LEFT JOIN unit p ON p.rid = u.parent;
CREATE VIEW rule_group_member AS
  SELECT c.id AS campaign, g.id AS unit_group, u.id AS unit
    FROM unit_group g JOIN campaign c ON c.rid = g.campaign JOIN unit_group_member m ON m.grp = g.rid
    JOIN unit u ON u.rid = m.unit;
CREATE VIEW rule_person AS
  SELECT c.id AS campaign, p.id AS person, p.name, u.id AS unit, p.retires_on
    FROM person p JOIN campaign c ON c.rid = p.campaign LEFT JOIN unit u ON u.rid = p.unit;
CREATE VIEW rule_post AS
  SELECT c.id AS campaign, p.id AS post, u.id AS unit, p.name, p.kind, p.key_post, p.principal
    FROM post p JOIN campaign c ON c.rid = p.campaign JOIN unit u ON u.rid = p.unit;
CREATE VIEW rule_post_holding AS
  SELECT c.id AS campaign, h.id AS holding, h.person, h.post, u.id AS unit, p.kind, p.key_post, p.principal,
         h.start_on, h.end_on
    FROM post_holding h JOIN post p ON p.id = h.post JOIN campaign c ON c.rid = p.campaign
    JOIN unit u ON u.rid = p.unit;
CREATE VIEW rule_finding AS
  SELECT c.id AS campaign, f.id AS finding, u.id AS unit, vc.id AS catalogue, g.id AS category, f.origin, f.people,
         f.found_on, f.concealed, f.falsified, f.amount_fen
    FROM finding f JOIN campaign c ON c.rid = f.campaign JOIN unit u ON u.rid = f.unit
    LEFT JOIN violation_category g ON g.rid = f.category LEFT JOIN violation_catalogue vc ON vc.rid = g.catalogue;
CREATE VIEW rule_rectification AS
  SELECT c.id AS campaign, r.id AS rectification, r.finding, u.id AS unit, r.deadline, r.status, r.verification,
         r.closed_on
    FROM rectification r JOIN campaign c ON c.rid = r.campaign JOIN unit u ON u.rid = r.unit;
CREATE VIEW rule_rectification_update AS
  SELECT x.rectification, x.status, x.updated_on FROM rectification_update x;
CREATE VIEW rule_case_lead AS
  SELECT c.id AS campaign, l.id AS case_lead, l.source, l.finding, u.id AS unit, l.received_on, l.body_kind,
         l.referred_on, l.outcome, l.outcome_on
    FROM case_lead l JOIN campaign c ON c.rid = l.campaign LEFT JOIN unit u ON u.rid = l.unit;
CREATE VIEW rule_evaluation AS
  SELECT c.id AS campaign, e.id AS evaluation, u.id AS unit, e.year, e.period, e.score_centi / 100.0 AS score,
         e.evaluated_on
    FROM conduct_evaluation e JOIN campaign c ON c.rid = e.campaign JOIN unit u ON u.rid = e.unit;
CREATE VIEW rule_tour AS
  SELECT c.id AS campaign, t.id AS tour, u.id AS unit, t.year, t.planned_on, t.conducted_on
    FROM inspection_tour t JOIN campaign c ON c.rid = t.campaign JOIN unit u ON u.rid = t.unit;
CREATE VIEW rule_outcome AS
  SELECT c.id AS campaign, o.id AS outcome, o.first, o.last, o.open_ended
    FROM outcome o JOIN campaign c ON c.rid = o.campaign;
CREATE VIEW rule_progress AS
  SELECT c.id AS campaign, o.id AS outcome, u.id AS unit, r.id AS report, r.status, r.percent, r.reported_on
    FROM progress_report r JOIN outcome o ON o.rid = r.outcome JOIN campaign c ON c.rid = o.campaign
    JOIN unit u ON u.rid = r.unit;
CREATE VIEW rule_proposal AS
  SELECT c.id AS campaign, p.id AS proposal, p.rule, p.action, u.id AS unit, p.person, p.status, p.due_on, p.as_of
    FROM accountability_proposal p JOIN campaign c ON c.rid = p.campaign LEFT JOIN unit u ON u.rid = p.unit;
CREATE VIEW rule_action AS
  SELECT c.id AS campaign, a.id AS action_id, a.proposal, a.action, u.id AS unit, a.person, a.due_on, a.held_on,
         a.explanation_on, a.done_on, a.cancelled_on
    FROM accountability_action a JOIN campaign c ON c.rid = a.campaign LEFT JOIN unit u ON u.rid = a.unit;
