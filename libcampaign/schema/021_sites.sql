-- 021: sites. A store belongs to one site (a bureau: a 6-digit
-- administrative-division code, 511102 市中区) once campaign_site_init() has
-- run; a store of today gets no site from this migration and pays nothing.
--
-- Row identity across sites -- no id a user sees changes:
-- * Rows created at a county (progress_report, milestone_report, finding,
--   rectification(_update), case_lead, inspection_submission/tour, risk_point
--   and its assessments, controls, history and publications, posts, people,
--   evaluations, proposals, actions) already have TEXT primary keys made by
--   db_new_id(): UUIDv7, unique across sites without the site code in them.
-- * Plan, rules, models and catalogues (campaign, unit, task, outcome ...,
--   risk_model*, accountability_rule*, violation_*) have INTEGER rids. They
--   are assigned only at the site that imports the plan (the top) and travel
--   DOWN as changesets, which carry the rid: a county's rids equal the
--   city's and the province's, so no rid is ever assigned twice.
-- * The owner of an up row is the site whose plan unit its `unit` column
--   names (site.unit, the unit the site is in the plan received from above),
--   so no owner column is added: sync_table names, per replicated table, its
--   direction and the column that carries its unit (NULL: checked through
--   the foreign key to its parent row, which must already be there).
CREATE TABLE site (
  code TEXT PRIMARY KEY CHECK (length(code) = 6 AND code NOT GLOB '*[^0-9]*'),
  name TEXT NOT NULL,
  parent TEXT,              -- the parent site's code; NULL at the top
  unit TEXT,                -- the unit id it is in the plan received from above ("shizhong")
  public_key TEXT,          -- its Ed25519 public key (PEM): bundles from it are checked with it
  self INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
  confidential TEXT NOT NULL DEFAULT 'none' CHECK (confidential IN ('none', 'encrypted')),
  recorded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX site_self ON site(self) WHERE self = 1;

-- what travels: 'down' (from the plan's owner to the sites below), 'up' (from the owner site to those above)
CREATE TABLE sync_table (
  name TEXT PRIMARY KEY,
  direction TEXT NOT NULL CHECK (direction IN ('down', 'up')),
  unit_column TEXT
);
INSERT INTO sync_table (name, direction, unit_column) VALUES
  ('campaign', 'down', NULL), ('unit', 'down', NULL), ('unit_group', 'down', NULL),
  ('unit_group_member', 'down', NULL), ('body', 'down', NULL), ('body_member', 'down', NULL),
  ('phase', 'down', NULL), ('milestone', 'down', NULL), ('task', 'down', NULL), ('measure', 'down', NULL),
  ('responsibility', 'down', NULL), ('outcome', 'down', NULL), ('outcome_share', 'down', NULL),
  ('outcome_owner', 'down', NULL), ('milestone_share', 'down', NULL), ('campaign_threshold', 'down', NULL),
  ('violation_catalogue', 'down', NULL), ('violation_category', 'down', NULL), ('inspection_round', 'down', NULL),
  ('risk_type', 'down', NULL), ('risk_model', 'down', NULL), ('risk_model_default', 'down', NULL),
  ('risk_grade', 'down', NULL), ('risk_model_input', 'down', NULL), ('risk_model_level', 'down', NULL),
  ('risk_model_cell', 'down', NULL), ('risk_model_threshold', 'down', NULL),
  ('accountability_ruleset', 'down', NULL), ('accountability_rule', 'down', NULL),
  ('progress_report', 'up', 'unit'), ('milestone_report', 'up', 'unit'), ('finding', 'up', 'unit'),
  ('rectification', 'up', 'unit'), ('rectification_update', 'up', NULL), ('case_lead', 'up', 'unit'),
  ('case_lead_confidential', 'up', NULL), ('inspection_submission', 'up', NULL),
  ('inspection_tour', 'up', 'unit'), ('inspection_tour_finding', 'up', NULL), ('risk_point', 'up', 'unit'),
  ('risk_point_confidential', 'up', NULL), ('risk_assessment', 'up', NULL), ('risk_point_history', 'up', NULL),
  ('risk_control', 'up', NULL), ('risk_publication', 'up', 'unit'), ('risk_publication_item', 'up', NULL),
  ('post', 'up', 'unit'), ('person', 'up', 'unit'), ('post_holding', 'up', NULL),
  ('person_record_confidential', 'up', NULL), ('conduct_evaluation', 'up', 'unit'),
  ('accountability_proposal', 'up', 'unit'), ('accountability_action', 'up', 'unit');

-- the changeset of every write transaction at a site, stored before its COMMIT
CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY,
  changeset BLOB NOT NULL,
  audit_first INTEGER,      -- the transaction's first and last audit entries
  audit_last INTEGER,
  at TEXT NOT NULL
);

-- per peer (a site that sends to us or we send to): sequences and the chain head received
CREATE TABLE sync_peer (
  site TEXT PRIMARY KEY,
  sent INTEGER NOT NULL DEFAULT 0,        -- the last outbox seq sent to it
  acked INTEGER NOT NULL DEFAULT 0,       -- the last outbox seq it acknowledged
  acked_audit INTEGER NOT NULL DEFAULT 0, -- and the last audit seq of ours it holds
  audit_sent INTEGER NOT NULL DEFAULT 0,  -- the last audit seq sent to it
  received INTEGER NOT NULL DEFAULT 0,    -- the last seq of its own received (from it, or relayed)
  head_seq INTEGER NOT NULL DEFAULT 0,    -- its audit chain head received
  head_hash TEXT,
  received_at TEXT                        -- when its last bundle was applied
);

-- bundle parts applied here that travel on unchanged (a county's, upward; the plan's, downward)
CREATE TABLE sync_held (
  origin TEXT NOT NULL,
  head INTEGER NOT NULL,     -- the part's audit chain head (it grows with every part of a site)
  part BLOB NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('down', 'up')),
  PRIMARY KEY (origin, head)
);
-- which held part went on to which peer
CREATE TABLE sync_forwarded (
  origin TEXT NOT NULL,
  head INTEGER NOT NULL,     -- the part's audit chain head (it grows with every part of a site)
  peer TEXT NOT NULL,
  PRIMARY KEY (origin, head, peer)
);

-- refused bundles, kept whole with the reason
CREATE TABLE sync_quarantine (
  rid INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  origin TEXT,
  reason TEXT NOT NULL,
  bundle BLOB NOT NULL
);

-- the audit entries received from each site: one chain per site, every hashed field
CREATE TABLE audit_remote (
  site TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT, kind TEXT, tbl TEXT, key TEXT, object TEXT, actor TEXT, operation TEXT, campaign TEXT,
  detail TEXT, before TEXT, after TEXT, call INTEGER, hash TEXT NOT NULL,
  PRIMARY KEY (site, seq)
) WITHOUT ROWID;
