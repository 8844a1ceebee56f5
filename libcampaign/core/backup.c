/* campaign_backup(): a consistent copy of a live store, with SQLite's
 * online backup API (it copies the pages under a read transaction, so the
 * copy is one moment of the store however busy it is), into a temporary file
 * then linked into place: a reader of @path sees the whole copy or nothing.
 * The call's entry is written after the copy (see campaign_backup()). */
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

/* PRAGMA data_version of @db's main database: it changes when another
 * connection commits, never for this connection's own commits. */
static int data_version(campaign_db *db, sqlite3_int64 *v)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA data_version");
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	/* the pragma always gives one row: only a failed step has none */
	*v = db_step_row(db, st, "cannot read the store's version", &rc) ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return rc;
}

/* The body of the call entry's transaction: the copy is the store just
 * before the entry only when no other connection committed since it was
 * taken (BEGIN IMMEDIATE holds the lock, so nothing can come between now). */
struct backup_ctx {
	sqlite3_int64 version;
	int changed;
};

static int entry_body(write_op *op, void *ctx)
{
	struct backup_ctx *b = ctx;
	sqlite3_int64 now = 0;
	int rc = data_version(op->db, &now);
	if (!rc && now != b->version) {
		b->changed = 1;
		rc = error_set(CAMPAIGN_EBUSY, "the store kept changing while it was copied");
	}
	return rc;
}

/* How many times the copy is taken again when another connection committed
 * between the copy and its entry. */
#define BACKUP_TRIES 3

int campaign_backup(campaign_db *db, const char *actor, const char *path)
{
	struct campaign_buf tmp = {0};
	struct backup_ctx b = {0};
	int rc, tries = 0;
	if ((rc = backup_checks(db, actor, path)))
		return rc;
	if ((rc = buf_printf(&tmp, "%s.tmp-%ld", path, (long)getpid())))
		return rc;
	/* The copy first, the entry after it: SQLite's backup cannot read a
	 * store inside this connection's write transaction, and an entry
	 * committed before a copy that then fails (out of memory, a full disk)
	 * would log a backup that does not exist. So the copy is the store just
	 * before its own "store.backup" entry, and a failure leaves the store as
	 * it was and no file. */
	do {
		b.changed = 0;
		unlink(tmp.data);
		rc = data_version(db, &b.version);
		if (!rc)
			rc = copy_pages(db, tmp.data);
		/* link, not rename: a file that appeared at @path meanwhile is never replaced;
		   the copy is whole when it gets its name */
		if (!rc && link(tmp.data, path) != 0)
			rc = errno == EEXIST ? error_set(CAMPAIGN_ECONFLICT, "%s: the file exists; a backup never overwrites one",
			                                 path)
			                     : error_set(CAMPAIGN_EIO, "%s: cannot write the backup (%s)", path, strerror(errno));
		else if (!rc && !db->readonly) {
			write_op op = {.name = "store.backup", .actor = actor, .detail = path, .access = WRITE_ANY,
			               .flags = WRITE_NO_CAMPAIGN | WRITE_NOT_DENIED, .body = entry_body};
			/* the entry failed: the backup did not happen, its file goes */
			if ((rc = db_write(db, &op, &b, NULL)))
				unlink(path);
		}
		unlink(tmp.data);
	} while (rc && b.changed && ++tries < BACKUP_TRIES);
	buf_reset(&tmp);
	if (!rc)
		error_ok();
	return rc;
}
