-- 003: integrity-risk points (廉政风险点), grading models as data, grades
-- with their history, controls on three lines of defence (三道防线), the
-- publication (公示) per unit. Rows created at a site (points, grades,
-- controls, history, publications) have text ids: UUIDv7 or the caller's own,
-- unique across the sites that merge their stores. A point's confidential
-- note lives only in risk_point_confidential, which the audit log never shows
-- and no ordinary query, publication or report reads.

-- Risk types (风险类别), store-wide and extensible; seeded with the five of practice.
CREATE TABLE risk_type (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  ord INTEGER NOT NULL
);
INSERT INTO risk_type (id, name, ord) VALUES
  ('moral', '思想道德', 1),
  ('institutional', '制度机制', 2),
  ('post', '岗位职责', 3),
  ('process', '业务流程', 4),
  ('external', '外部环境', 5);

-- A grading model, versioned: importing a changed model adds a version;
-- grades keep the version they were given under.
CREATE TABLE risk_model (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('matrix', 'weighted', 'criteria')),
  name TEXT NOT NULL,
  digest TEXT NOT NULL,        -- SHA-256 of the content, to tell a changed model
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (campaign, id, version)
);

-- The model a campaign grades with when none is named (by id: its newest version).
CREATE TABLE risk_model_default (
  campaign INTEGER PRIMARY KEY REFERENCES campaign(rid) ON DELETE CASCADE,
  model TEXT NOT NULL
);

-- A model's grades; rank 1 is the top (most severe) grade.
CREATE TABLE risk_grade (
  rid INTEGER PRIMARY KEY,
  model INTEGER NOT NULL REFERENCES risk_model(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  rank INTEGER NOT NULL CHECK (rank >= 1),
  label TEXT NOT NULL,         -- 一级风险
  owner_level TEXT NOT NULL,   -- who manages it (分级负责): 一级 主要领导 ...
  review_days INTEGER NOT NULL CHECK (review_days >= 1),
  color TEXT NOT NULL,         -- the warning colour: red, orange, yellow, blue, green
  UNIQUE (model, id),
  UNIQUE (model, rank)
);

-- What a model grades from: the matrix's likelihood and impact, the weighted
-- model's factors, the criteria model's yes/no criteria (min 0, max 1).
CREATE TABLE risk_model_input (
  model INTEGER NOT NULL REFERENCES risk_model(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  weight INTEGER,              -- weighted factors
  min INTEGER NOT NULL,
  max INTEGER NOT NULL,
  override INTEGER NOT NULL DEFAULT 0 CHECK (override IN (0, 1)), -- a criterion that forces the top grade
  PRIMARY KEY (model, id)
);
CREATE INDEX risk_model_input_order ON risk_model_input(model, ord);

-- The labels of a matrix's levels (likelihood 1..N, impact 1..M).
CREATE TABLE risk_model_level (
  model INTEGER NOT NULL REFERENCES risk_model(rid) ON DELETE CASCADE,
  input TEXT NOT NULL,
  level INTEGER NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (model, input, level)
);

-- A matrix's cells.
CREATE TABLE risk_model_cell (
  model INTEGER NOT NULL REFERENCES risk_model(rid) ON DELETE CASCADE,
  likelihood INTEGER NOT NULL,
  impact INTEGER NOT NULL,
  grade INTEGER NOT NULL REFERENCES risk_grade(rid) ON DELETE CASCADE,
  PRIMARY KEY (model, likelihood, impact)
);

-- Thresholds of the weighted (score) and criteria (count) models: a point
-- takes the first grade, by rank, whose min it reaches.
CREATE TABLE risk_model_threshold (
  model INTEGER NOT NULL REFERENCES risk_model(rid) ON DELETE CASCADE,
  grade INTEGER NOT NULL REFERENCES risk_grade(rid) ON DELETE CASCADE,
  min INTEGER NOT NULL,
  PRIMARY KEY (model, grade)
);

-- A risk point, attached to a unit and to a post, a business or a process step.
CREATE TABLE risk_point (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  scope TEXT NOT NULL CHECK (scope IN ('post', 'business', 'process_step')),
  scope_name TEXT NOT NULL,    -- the post, business or step: 采矿权审批
  type TEXT NOT NULL REFERENCES risk_type(id),
  name TEXT NOT NULL,          -- 风险点
  description TEXT,
  manifestations TEXT,         -- 表现形式
  owner TEXT,                  -- 部门负责人
  leader TEXT,                 -- 责任领导
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  inputs TEXT NOT NULL DEFAULT '', -- grading inputs, "name=value,..." sorted by name
  assessment TEXT,             -- the grade in force (risk_assessment.id)
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX risk_point_campaign ON risk_point(campaign, unit, id);
CREATE INDEX risk_point_unit ON risk_point(unit, status);
CREATE INDEX risk_point_type ON risk_point(type);
CREATE INDEX risk_point_assessment ON risk_point(assessment);

-- What must never appear in a publication or an ordinary query.
CREATE TABLE risk_point_confidential (
  point TEXT PRIMARY KEY REFERENCES risk_point(id) ON DELETE CASCADE,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);

-- Every grade a point was given (history; the point names the one in force).
-- grade is the effective one: the override when there is one, else the residual.
CREATE TABLE risk_assessment (
  id TEXT PRIMARY KEY,
  point TEXT NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
  model INTEGER NOT NULL REFERENCES risk_model(rid),
  inputs TEXT NOT NULL,        -- the inherent inputs used
  likelihood INTEGER,          -- matrix: the inherent cell
  impact INTEGER,
  score INTEGER,               -- weighted: the score; criteria: the count held
  inherent_grade INTEGER NOT NULL REFERENCES risk_grade(rid),
  residual_inputs TEXT NOT NULL, -- after the controls in place
  residual_likelihood INTEGER,
  residual_impact INTEGER,
  residual_score INTEGER,
  residual_grade INTEGER NOT NULL REFERENCES risk_grade(rid),
  override_grade INTEGER REFERENCES risk_grade(rid),
  override_reason TEXT,
  grade INTEGER NOT NULL REFERENCES risk_grade(rid),
  reason TEXT NOT NULL CHECK (reason IN ('grade', 'regrade', 'control', 'override', 'import')),
  graded_on TEXT NOT NULL,
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK ((override_grade IS NULL) = (override_reason IS NULL))
);
CREATE INDEX risk_assessment_point ON risk_assessment(point, recorded_at, id);
CREATE INDEX risk_assessment_model ON risk_assessment(model);

-- The history of every change to a point: field, before, after.
CREATE TABLE risk_point_history (
  id TEXT PRIMARY KEY,
  point TEXT NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
  operation TEXT NOT NULL,
  field TEXT NOT NULL,
  before TEXT,
  after TEXT,
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX risk_point_history_point ON risk_point_history(point, recorded_at, id);

-- A control (防控措施) on one of the three lines of defence.
CREATE TABLE risk_control (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  point TEXT NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
  line TEXT NOT NULL CHECK (line IN ('prevention', 'monitoring', 'disposal')),
  measure TEXT NOT NULL,
  owner TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_place', 'retired')),
  due_on TEXT,
  effect TEXT NOT NULL DEFAULT '', -- reductions once in place: "likelihood=-1,impact=-1"
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX risk_control_point ON risk_control(point, line, status);
CREATE INDEX risk_control_due ON risk_control(campaign, due_on) WHERE status = 'planned';

-- The publication (公示) of a unit's points: draft → approved → published.
-- Its items are a snapshot taken at drafting, in the columns of practice.
CREATE TABLE risk_publication (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published')),
  drafted_by TEXT NOT NULL,
  drafted_on TEXT NOT NULL,
  approved_by TEXT,
  approved_on TEXT,
  published_by TEXT,
  published_on TEXT
);
CREATE INDEX risk_publication_unit ON risk_publication(unit, status, published_on);
CREATE INDEX risk_publication_campaign ON risk_publication(campaign, unit);

CREATE TABLE risk_publication_item (
  publication TEXT NOT NULL REFERENCES risk_publication(id) ON DELETE CASCADE,
  no INTEGER NOT NULL,         -- 序号
  point TEXT NOT NULL REFERENCES risk_point(id) ON DELETE CASCADE,
  unit_name TEXT NOT NULL,     -- 单位科室
  type_name TEXT NOT NULL,     -- 风险类别
  point_name TEXT NOT NULL,    -- 风险点
  manifestations TEXT,         -- 表现形式
  grade_label TEXT NOT NULL,   -- 风险等级
  grade_rank INTEGER NOT NULL,
  controls TEXT,               -- 防控措施
  owner TEXT,                  -- 部门负责人
  leader TEXT,                 -- 责任领导
  PRIMARY KEY (publication, no)
);
CREATE INDEX risk_publication_item_point ON risk_publication_item(point);
