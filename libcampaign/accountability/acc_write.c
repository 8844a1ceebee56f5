/* What the writes here share beyond the envelope (db_write): the versioned
 * options structs of the public calls -- every one starts with its
 * `unsigned int version`, so that one check serves them all -- and the
 * recorded_by / recorded_at pair of a row. */
#include <string.h>
#include "accountability/accountability.h"

int acc_options_init(void *opts, size_t size, unsigned int version, unsigned int known, const char *what)
{
	if (!opts || version != known)
		return error_set(CAMPAIGN_EINVALID, "%s_options_init: unknown version %u", what, version);
	memset(opts, 0, size);
	*(unsigned int *)opts = version;
	return CAMPAIGN_OK;
}

int acc_options_check(const void *opts, unsigned int known, const char *what)
{
	if (!opts)
		return error_set(CAMPAIGN_EINVALID, "%s: the options are NULL", what);
	if (*(const unsigned int *)opts != known)
		return error_set(CAMPAIGN_EINVALID, "%s: unknown options version %u (this library knows %u)", what,
		                 *(const unsigned int *)opts, known);
	return CAMPAIGN_OK;
}

int acc_step_recorded(campaign_db *db, sqlite3_stmt *st, int i, const char *actor, const char *what)
{
	char now[21];
	db_now(now);
	sqlite3_bind_text(st, i, actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, i + 1, now, -1, SQLITE_TRANSIENT);
	return db_step_done(db, st, what);
}

sqlite3_stmt *acc_insert_new(stmts *c, const char *sql, char id[37])
{
	sqlite3_stmt *st = stmts_get(c, sql);
	if (st) {
		db_new_id(id);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	}
	return st;
}
