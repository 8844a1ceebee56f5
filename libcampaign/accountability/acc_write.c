/* What the writes here share beyond the envelope (db_write) and the options
 * door (core): the recorded_by / recorded_at pair of a row. */
#include <string.h>
#include "accountability/accountability.h"

int acc_step_recorded(campaign_db *db, sqlite3_stmt *st, int i, const char *actor, const char *what)
{
	char now[21];
	db_now(now);
	bind_copy(st, i, actor, -1);
	bind_copy(st, i + 1, now, -1);
	return db_step_done(db, st, what);
}

sqlite3_stmt *acc_insert_new(stmts *c, const char *sql, char id[37])
{
	sqlite3_stmt *st = stmts_get(c, sql);
	if (st)
		db_new_id(id);
	return st;
}
