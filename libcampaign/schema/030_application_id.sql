-- 030: the store says it is libcampaign's: SQLite's application_id field of
-- the file header ("LCMP", 0x4C434D50; core/store.c checks it at open, so a
-- database of another application is refused and never migrated). Stores
-- made before this migration are told by their tables and get the id here.
PRAGMA application_id = 1279479120;
