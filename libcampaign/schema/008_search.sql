-- 008: full-text search over findings and rectifications, in Chinese.
-- FTS5 with the library's own tokenizer "campaign_cjk" (search.c): every CJK
-- character is a token and a query is a phrase, so a one-, two- or
-- many-character word matches where those characters stand together.
-- Kept by the library when it commits (from the audit log's row changes),
-- never by triggers, so raw SQL on the file needs no custom function.
CREATE TABLE search_doc (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('finding', 'rectification')),
  rid INTEGER NOT NULL,
  campaign INTEGER NOT NULL REFERENCES campaign(rid) ON DELETE CASCADE,
  UNIQUE (kind, rid)
);
CREATE INDEX search_doc_campaign ON search_doc(campaign);
CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'campaign_cjk');
