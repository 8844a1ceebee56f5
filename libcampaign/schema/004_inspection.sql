-- 004: self-inspection (自查自纠): violation catalogues, rounds and their
-- summary reports, findings, the rectification ledger (整改台账) and case
-- leads (案件线索). Rows created at a site (submissions, findings,
-- rectifications and their updates, case leads) have text ids: UUIDv7 or the
-- caller's own, unique across the sites that merge their stores.
-- Confidential data lives only in tables named *_confidential, which the
-- audit log never shows and which ordinary queries never read.

-- A catalogue of violations, versioned: importing a changed catalogue adds a
-- version; findings keep the category of the version they were recorded in.
CREATE TABLE violation_catalogue (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  source TEXT,                 -- where the plan states it, e.g. "(二)2(2)"
  consequence TEXT,            -- what a finding in it leads to first, e.g. "suspension_or_removal"
  digest TEXT NOT NULL,        -- SHA-256 of the catalogue's content, to tell a changed one
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (campaign, id, version)
);

CREATE TABLE violation_category (
  rid INTEGER PRIMARY KEY,
  catalogue INTEGER NOT NULL REFERENCES violation_catalogue(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  label TEXT,                  -- the document's numbering, e.g. "一"
  text TEXT NOT NULL,          -- verbatim from the plan
  consequence TEXT,            -- overrides the catalogue's
  UNIQUE (catalogue, id)
);
CREATE INDEX violation_category_order ON violation_category(catalogue, ord);

-- A self-inspection round of one unit: its window, the deadline of its
-- summary report. A round for a group is one round per member, sharing the
-- series id (the id given) with the group kept in grp.
CREATE TABLE inspection_round (
  rid INTEGER PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  series TEXT NOT NULL,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  grp INTEGER REFERENCES unit_group(rid) ON DELETE SET NULL,
  window_first TEXT NOT NULL,
  window_last TEXT NOT NULL,
  deadline TEXT NOT NULL,
  deadline_text TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (campaign, id),
  CHECK (window_first <= window_last AND window_first <= deadline)
);
CREATE INDEX inspection_round_series ON inspection_round(campaign, series, rid);
CREATE INDEX inspection_round_unit ON inspection_round(unit, window_first);
CREATE INDEX inspection_round_deadline ON inspection_round(campaign, deadline);

-- The summary report of a round (one per round).
CREATE TABLE inspection_submission (
  id TEXT PRIMARY KEY,
  round INTEGER NOT NULL UNIQUE REFERENCES inspection_round(rid) ON DELETE CASCADE,
  submitted_on TEXT NOT NULL,
  document TEXT,               -- the report's document number (文号)
  note TEXT,
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);

-- A problem found. Money is kept in whole fen (分), never as a float.
CREATE TABLE finding (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  category INTEGER REFERENCES violation_category(rid),
  round INTEGER REFERENCES inspection_round(rid) ON DELETE SET NULL,
  origin TEXT NOT NULL CHECK (origin IN ('self_reported','investigated','inspection_tour','citizen_report','audit')),
  people TEXT,
  description TEXT NOT NULL,
  amount_fen INTEGER CHECK (amount_fen >= 0),
  found_on TEXT NOT NULL,
  concealed INTEGER NOT NULL DEFAULT 0 CHECK (concealed IN (0, 1)),   -- 掩盖问题
  falsified INTEGER NOT NULL DEFAULT 0 CHECK (falsified IN (0, 1)),   -- 弄虚作假
  flag_note TEXT,
  flagged_on TEXT,
  flagged_by TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX finding_campaign ON finding(campaign, found_on, id);
CREATE INDEX finding_unit ON finding(unit, found_on);
CREATE INDEX finding_category ON finding(category);
CREATE INDEX finding_round ON finding(round);
CREATE INDEX finding_flagged ON finding(campaign) WHERE concealed = 1 OR falsified = 1;

-- One row of the rectification ledger: the five fixes (problem, measure,
-- deadline, responsible person, acceptance criterion), its status, the
-- verification and the closing (销号). status is the current one; the
-- updates keep its history so that any past date can be judged.
CREATE TABLE rectification (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  finding TEXT NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  unit INTEGER NOT NULL REFERENCES unit(rid) ON DELETE CASCADE,
  problem TEXT NOT NULL,
  measure TEXT NOT NULL,
  deadline TEXT NOT NULL,
  responsible TEXT NOT NULL,
  criterion TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','done','ongoing')),
  verified_by TEXT,
  verified_on TEXT,
  verification TEXT CHECK (verification IN ('passed','failed')),
  verification_note TEXT,
  closed_by TEXT,
  closed_on TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK (closed_on IS NULL OR verification = 'passed')
);
CREATE INDEX rectification_finding ON rectification(finding, deadline);
CREATE INDEX rectification_unit ON rectification(unit, deadline);
CREATE INDEX rectification_deadline ON rectification(campaign, deadline);

CREATE TABLE rectification_update (
  id TEXT PRIMARY KEY,
  rectification TEXT NOT NULL REFERENCES rectification(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','done','ongoing')),
  updated_on TEXT NOT NULL,
  note TEXT,
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX rectification_update_history ON rectification_update(rectification, updated_on, id);

-- A case lead and what became of it. What it says and who reported it are
-- in case_lead_confidential.
CREATE TABLE case_lead (
  id TEXT PRIMARY KEY,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('finding','citizen_report')),
  finding TEXT REFERENCES finding(id) ON DELETE SET NULL,
  unit INTEGER REFERENCES unit(rid) ON DELETE SET NULL,
  received_on TEXT NOT NULL,
  body_kind TEXT CHECK (body_kind IN ('discipline','supervision','procuratorate')),
  body TEXT,                   -- the named body, e.g. "乐山市纪委"
  referred_on TEXT,
  referral_ref TEXT,           -- the referral's document number
  outcome TEXT CHECK (outcome IN ('filed','not_filed','sanctioned','prosecuted','cleared','other')),
  outcome_on TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX case_lead_campaign ON case_lead(campaign, received_on, id);
CREATE INDEX case_lead_finding ON case_lead(finding);
CREATE INDEX case_lead_unit ON case_lead(unit);

CREATE TABLE case_lead_confidential (
  lead TEXT PRIMARY KEY REFERENCES case_lead(id) ON DELETE CASCADE,
  details TEXT NOT NULL,
  reporter TEXT,               -- a citizen reporter's name
  reporter_contact TEXT,
  outcome_note TEXT
);

-- Each finding with its leniency (自纠从宽,被查从严) and the reason, in
-- Chinese; and its status from its rectifications. Read by the
-- accountability rules: accountability = 1 marks concealment or falsification.
CREATE VIEW finding_leniency AS
  SELECT f.id AS finding, f.campaign, f.unit,
         CASE WHEN f.concealed OR f.falsified THEN 'strict'
              WHEN f.origin <> 'self_reported' THEN 'strict'
              WHEN r.rid IS NULL THEN 'strict'
              WHEN f.found_on <= r.window_last THEN 'lenient'
              ELSE 'strict' END AS leniency,
         CASE WHEN f.concealed OR f.falsified THEN
                   '存在' || CASE WHEN f.concealed AND f.falsified THEN '掩盖问题、弄虚作假'
                                  WHEN f.concealed THEN '掩盖问题' ELSE '弄虚作假' END ||
                   '行为,从严处理,并实施严格的责任追究'
              WHEN f.origin <> 'self_reported' THEN
                   '由' || CASE f.origin WHEN 'investigated' THEN '查办案件'
                                         WHEN 'inspection_tour' THEN '巡视'
                                         WHEN 'citizen_report' THEN '群众举报'
                                         ELSE '审计' END ||
                   '发现,不是本单位自查发现,被查从严'
              WHEN r.rid IS NULL THEN '本单位自查发现,但没有自查自纠时限可依,不能认定在规定时限内主动纠正,从严处理'
              WHEN f.found_on <= r.window_last THEN
                   '在自查自纠时限(' || r.window_first || '至' || r.window_last || ')内自查发现,主动纠正,自纠从宽'
              ELSE '自查发现于' || f.found_on || ',已过自查自纠时限(' || r.window_first || '至' ||
                   r.window_last || '),从严处理' END AS reason,
         (f.concealed OR f.falsified) AS accountability
    FROM finding f LEFT JOIN inspection_round r ON r.rid = f.round;
