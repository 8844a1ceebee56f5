/* campaign_backup(): a consistent copy of a live store, with SQLite's
 * online backup API (it copies the pages under a read transaction, so the
 * copy is one moment of the store however busy it is), into a temporary file
 * then linked into place: a reader of @path sees the whole copy or nothing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/core.h"

/* Copies every page of @db's main database into the new file @tmp. */
static int copy_pages(campaign_db *db, const char *tmp)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		rc = error_from_sqlite(to, rc, tmp);
		sqlite3_close(to);
		return rc;
	}
	b = sqlite3_backup_init(to, "main", db->sql, "main");
	if (!b) {
		rc = error_from_sqlite(to, sqlite3_errcode(to), "cannot start the backup");
		sqlite3_close(to);
		return rc;
	}
	/* every page in one step: one read transaction, one moment of the store */
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	rc = rc == SQLITE_DONE ? CAMPAIGN_OK : error_from_sqlite(to, rc, "cannot copy the store");
	if (sqlite3_close(to) != SQLITE_OK && !rc)
		rc = error_set(CAMPAIGN_EIO, "%s: cannot close the copy", tmp);
	return rc;
}

static int backup_checks(campaign_db *db, const char *actor, const char *path)
{
	int rc = db_check(db);
	if (rc)
		return rc;
	if (!path || !*path || !strcmp(path, ":memory:"))
		return error_set(CAMPAIGN_EINVALID, "campaign_backup: a file path is required");
	if (!db->readonly && (!actor || !*actor))
		return error_set(CAMPAIGN_EINVALID, "campaign_backup: the actor is required");
	if (access(path, F_OK) == 0)
		return error_set(CAMPAIGN_ECONFLICT, "%s: the file exists; a backup never overwrites one", path);
	return CAMPAIGN_OK;
}

int campaign_backup(campaign_db *db, const char *actor, const char *path)
{
	struct campaign_buf tmp = {0};
	int rc;
	if ((rc = backup_checks(db, actor, path)))
		return rc;
	if ((rc = buf_printf(&tmp, "%s.tmp-%ld", path, (long)getpid())))
		return rc;
	unlink(tmp.data);
	if (!db->readonly)
		rc = db_log_read(db, actor, "store.backup", NULL, NULL, path);
	if (!rc)
		rc = copy_pages(db, tmp.data);
	/* link, not rename: a file that appeared at @path meanwhile is never replaced */
	if (!rc && link(tmp.data, path) != 0)
		rc = errno == EEXIST ? error_set(CAMPAIGN_ECONFLICT, "%s: the file exists; a backup never overwrites one", path)
		                     : error_set(CAMPAIGN_EIO, "%s: cannot write the backup (%s)", path, strerror(errno));
	unlink(tmp.data);
	buf_reset(&tmp);
	if (!rc)
		error_ok();
	return rc;
}
