/* Capture: every write transaction at a site is recorded by SQLite's session
 * extension and its changeset stored in sync_outbox before the COMMIT, in the
 * same transaction, so the outbox never misses a committed write nor holds a
 * rolled-back one. A store that is no site reads one flag per write. */
#include <string.h>
#include "sync/sync.h"

static const char SQL_SITE_STATE[] = "SELECT confidential FROM site WHERE self = 1";

int sync_site_state(campaign_db *db, int *state)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK;
	if (db->site) {
		*state = db->site;
		return CAMPAIGN_OK;
	}
	if (!(st = db_stmt(db, SQL_SITE_STATE)))
		return campaign_error_code_last();
	*state = SYNC_NO_SITE;
	if (db_step_row(db, st, "cannot read the site", &rc))
		*state = strcmp((const char *)sqlite3_column_text(st, 0), "encrypted") ? SYNC_SITE : SYNC_SITE_CONFIDENTIAL;
	sqlite3_reset(st);
	if (!rc)
		db->site = *state;
	return rc;
}

static const char SQL_TABLES[] = "SELECT name FROM sync_table ORDER BY name";

static int attach_tables(campaign_db *db, sqlite3_session *s, int confidential)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TABLES);
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	while (!rc && db_step_row(db, st, "cannot read the replicated tables", &rc)) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		size_t n = strlen(t);
		/* confidential rows travel only when they are encrypted at rest */
		if (!confidential && n > 13 && !strcmp(t + n - 13, "_confidential"))
			continue;
		if (sqlite3session_attach(s, t) != SQLITE_OK)
			rc = error_from_sqlite(db->sql, SQLITE_ERROR, "cannot record the changes");
	}
	sqlite3_reset(st);
	return rc;
}

int sync_capture_begin(campaign_db *db, sync_capture *cap)
{
	int state, rc = sync_site_state(db, &state);
	cap->session = NULL;
	if (rc || state == SYNC_NO_SITE)
		return rc;
	if ((rc = sqlite3session_create(db->sql, "main", &cap->session)) != SQLITE_OK)
		return error_from_sqlite(db->sql, rc, "cannot record the changes");
	return attach_tables(db, cap->session, state == SYNC_SITE_CONFIDENTIAL);
}

static const char SQL_OUTBOX[] = "INSERT INTO sync_outbox (changeset, audit_first, at) VALUES (?1, ?2, ?3)";

int sync_capture_end(campaign_db *db, sync_capture *cap)
{
	struct campaign_buf cs = {0};
	sqlite3_stmt *st;
	char now[21];
	int rc;
	if (!cap->session || sqlite3session_isempty(cap->session))
		return CAMPAIGN_OK;
	if ((rc = sqlite3session_changeset_strm(cap->session, sync_to_buf, &cs)) != SQLITE_OK) {
		buf_reset(&cs);
		return error_from_sqlite(db->sql, rc, "cannot record the changes");
	}
	rc = CAMPAIGN_OK;
	/* a transaction whose changes cancel out leaves nothing to send */
	if (cs.size && (st = db_stmt(db, SQL_OUTBOX))) {
		db_now(now);
		sqlite3_bind_blob64(st, 1, cs.data, cs.size, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, db->audit_start + 1);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
		rc = db_step_done(db, st, "cannot store the changes in the outbox");
	} else if (cs.size) {
		rc = campaign_error_code_last();
	}
	buf_reset(&cs);
	return rc;
}

void sync_capture_free(sync_capture *cap)
{
	if (cap->session)
		sqlite3session_delete(cap->session);
	cap->session = NULL;
}
