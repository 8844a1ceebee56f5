/* A cursor wraps one prepared statement of its own (not a cached one), so
 * several cursors can be open at once and outlive campaign_close(): SQLite's
 * close_v2 keeps the connection until the last statement is finalized. */
#include <stdlib.h>
#include <string.h>
#include "core/core.h"

struct campaign_cursor {
	sqlite3_stmt *stmt;
	char *types;
	int ncol;
	int done;
	int has_row;
};

int cursor_prepare(campaign_cursor **out, campaign_db *db, const char *sql, const char *types)
{
	campaign_cursor *c = calloc(1, sizeof *c);
	int rc;
	if (!c || !(c->types = str_dup(types))) {
		free(c);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	rc = sqlite3_prepare_v2(db->sql, sql, -1, &c->stmt, NULL);
	if (rc != SQLITE_OK) {
		rc = error_from_sqlite(db->sql, rc, "cannot prepare a query");
		free(c->types);
		free(c);
		return rc;
	}
	c->ncol = sqlite3_column_count(c->stmt);
	*out = c;
	return CAMPAIGN_OK;
}

sqlite3_stmt *cursor_stmt(campaign_cursor *c)
{
	return c->stmt;
}

int campaign_cursor_next(campaign_cursor *c)
{
	int rc;
	if (!c)
		return error_set(CAMPAIGN_EINVALID, "the cursor is NULL");
	if (c->done)
		return CAMPAIGN_ITEROVER;
	rc = sqlite3_step(c->stmt);
	if (rc == SQLITE_ROW) {
		c->has_row = 1;
		return CAMPAIGN_OK;
	}
	c->done = 1;
	c->has_row = 0;
	if (rc == SQLITE_DONE)
		return CAMPAIGN_ITEROVER;
	return error_from_sqlite(sqlite3_db_handle(c->stmt), rc, "query failed");
}

int campaign_cursor_column_count(const campaign_cursor *c)
{
	return c ? c->ncol : 0;
}

const char *campaign_cursor_column_name(const campaign_cursor *c, int i)
{
	if (!c || i < 0 || i >= c->ncol)
		return NULL;
	return sqlite3_column_name(c->stmt, i);
}

int campaign_cursor_column_type(const campaign_cursor *c, int i)
{
	if (!c || i < 0 || i >= c->ncol)
		return CAMPAIGN_EINVALID;
	switch (c->types[i]) {
	case 'i': return CAMPAIGN_COLUMN_INT;
	case 'd': return CAMPAIGN_COLUMN_DATE;
	default: return CAMPAIGN_COLUMN_TEXT;
	}
}

int campaign_cursor_column_index(const campaign_cursor *c, const char *name)
{
	if (!c || !name)
		return -1;
	for (int i = 0; i < c->ncol; i++)
		if (strcmp(sqlite3_column_name(c->stmt, i), name) == 0)
			return i;
	return -1;
}

int campaign_cursor_is_null(const campaign_cursor *c, int i)
{
	if (!c || !c->has_row || i < 0 || i >= c->ncol)
		return 1;
	return sqlite3_column_type(c->stmt, i) == SQLITE_NULL;
}

const char *campaign_cursor_text(campaign_cursor *c, int i)
{
	if (campaign_cursor_is_null(c, i))
		return NULL;
	return (const char *)sqlite3_column_text(c->stmt, i);
}

long long campaign_cursor_int(campaign_cursor *c, int i)
{
	if (campaign_cursor_is_null(c, i))
		return 0;
	return sqlite3_column_int64(c->stmt, i);
}

const char *campaign_cursor_get(campaign_cursor *c, const char *name)
{
	return campaign_cursor_text(c, campaign_cursor_column_index(c, name));
}

void campaign_cursor_free(campaign_cursor *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->stmt);
	free(c->types);
	free(c);
}
