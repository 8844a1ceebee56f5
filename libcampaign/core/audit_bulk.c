/* Bulk mode of the audit log, for importers of many rows.
 *
 * Logging every imported row with its full JSON image writes each row twice,
 * and firing a trigger per row costs as much again: for a bulk import that
 * was most of its time. In bulk mode the connection's insert triggers on
 * rowid tables are off. Instead, rows above each table's mark (the highest
 * rowid when bulk mode began, or at the last flush) are new; a flush reads
 * them back in rowid order, once, and logs each run of consecutive rowids
 * as one batch entry whose `after` is the SHA-256 of the list of the rows'
 * image digests (kept in audit_batch). The chain still covers every row: a
 * row changed behind the library's back no longer matches its digest.
 *
 * Updates and deletes are staged by their triggers as usual. A row updated
 * before its flush is digested as it is at the flush, so its update entry
 * and its batch agree. A rowid at or below the mark can only come back if
 * its row was deleted in this transaction: the delete trigger notes it
 * (campaign_audit_deleted) and the flush logs the row, if it is there
 * again, as an ordinary insert after its delete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include "core/core.h"

#define BATCH_ROWS 65536 /* rows per batch entry at most: 2 MiB of digests */
/* Imported rows between flushes (measured at M: flushing every 4 096 rows
 * was no faster; what is read back is still in the OS cache). */
#define FLUSH_TICKS 65536
/* Rows an import logs one by one before it switches to batches: switching
 * costs some tens of milliseconds (the triggers are re-created), which a
 * small import would feel and a large one does not. */
#define BULK_AFTER 1024

typedef struct bulk_table {
	char *name;
	char *rows_sql;             /* rowid, key, object, image of rows above ?1 */
	char *row_sql;              /* key, object, image of rowid ?1 */
	sqlite3_int64 mark;         /* rows above it are new and not yet logged */
	sqlite3_int64 *deleted;     /* rowids at or below the mark deleted in bulk mode */
	size_t ndeleted, capdeleted;
} bulk_table;

struct audit_bulk {
	int armed; /* db_bulk_begin was called: switch after BULK_AFTER rows */
	int on;
	long ticks;
	bulk_table *t;
	size_t n, cap;
	EVP_MD_CTX *md;
};

static struct audit_bulk *bulk_state(campaign_db *db)
{
	if (!db->bulk && (db->bulk = calloc(1, sizeof *db->bulk)) && !(db->bulk->md = EVP_MD_CTX_new())) {
		free(db->bulk);
		db->bulk = NULL;
	}
	if (!db->bulk)
		error_set(CAMPAIGN_ENOMEM, "out of memory");
	return db->bulk;
}

void audit_bulk_reset(campaign_db *db)
{
	struct audit_bulk *b = db->bulk;
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++)
		b->t[i].ndeleted = 0;
	b->on = b->armed = 0;
	b->ticks = 0;
}

static void tables_free(struct audit_bulk *b)
{
	for (size_t i = 0; i < b->n; i++)
		sqlite3_free(b->t[i].name), sqlite3_free(b->t[i].rows_sql), sqlite3_free(b->t[i].row_sql), free(b->t[i].deleted);
	b->n = 0;
}

void audit_bulk_free(campaign_db *db)
{
	if (!db->bulk)
		return;
	tables_free(db->bulk);
	free(db->bulk->t);
	EVP_MD_CTX_free(db->bulk->md);
	free(db->bulk);
	db->bulk = NULL;
}

void audit_bulk_forget_tables(campaign_db *db)
{
	if (db->bulk)
		tables_free(db->bulk);
}

int audit_bulk_table(campaign_db *db, const char *name, const char *key, const char *object, const char *image)
{
	struct audit_bulk *b = bulk_state(db);
	bulk_table *t;
	if (!b)
		return CAMPAIGN_ENOMEM;
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		bulk_table *p = realloc(b->t, cap * sizeof *p);
		if (!p)
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		b->t = p;
		b->cap = cap;
	}
	t = &b->t[b->n];
	memset(t, 0, sizeof *t);
	t->name = sqlite3_mprintf("%s", name);
	t->rows_sql = sqlite3_mprintf("SELECT T.rowid, %s, %s, %s FROM main.\"%w\" AS T WHERE T.rowid > ?1 ORDER BY T.rowid",
	                              key, object, image, name);
	t->row_sql = sqlite3_mprintf("SELECT %s, %s, %s FROM main.\"%w\" AS T WHERE T.rowid = ?1", key, object, image, name);
	if (!t->name || !t->rows_sql || !t->row_sql) {
		sqlite3_free(t->name), sqlite3_free(t->rows_sql), sqlite3_free(t->row_sql);
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	}
	b->n++;
	return CAMPAIGN_OK;
}

static bulk_table *table_named(struct audit_bulk *b, const char *name)
{
	for (size_t i = 0; i < b->n; i++)
		if (!strcmp(b->t[i].name, name))
			return &b->t[i];
	return NULL;
}

/* campaign_audit_deleted(tbl, rowid), from the bulk set's delete triggers. */
static void fn_deleted(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	campaign_db *db = sqlite3_user_data(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_int64 rowid = sqlite3_value_int64(argv[1]);
	bulk_table *t = db->bulk && name ? table_named(db->bulk, name) : NULL;
	(void)argc;
	if (t && rowid <= t->mark) {
		if (t->ndeleted == t->capdeleted) {
			size_t cap = t->capdeleted ? t->capdeleted * 2 : 16;
			sqlite3_int64 *p = realloc(t->deleted, cap * sizeof *p);
			if (!p) {
				sqlite3_result_error_nomem(ctx);
				return;
			}
			t->deleted = p;
			t->capdeleted = cap;
		}
		t->deleted[t->ndeleted++] = rowid;
	}
	sqlite3_result_null(ctx);
}

int audit_bulk_register(campaign_db *db)
{
	if (sqlite3_create_function_v2(db->sql, "campaign_audit_deleted", 2, SQLITE_UTF8, db, fn_deleted, NULL, NULL,
	                               NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot register the audit functions");
	return CAMPAIGN_OK;
}

/* ---- marks ---- */

static int query_int(campaign_db *db, const char *sql, sqlite3_int64 *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return error_from_sqlite(db->sql, rc, "cannot read a table's last rowid");
	rc = CAMPAIGN_OK;
	*out = db_step_row(db, st, "cannot read a table's last rowid", &rc) ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc;
}

static int set_marks(campaign_db *db)
{
	struct audit_bulk *b = db->bulk;
	int rc = CAMPAIGN_OK;
	for (size_t i = 0; !rc && i < b->n; i++) {
		char *sql = sqlite3_mprintf("SELECT coalesce(max(rowid), 0) FROM main.\"%w\"", b->t[i].name);
		rc = sql ? query_int(db, sql, &b->t[i].mark) : error_set(CAMPAIGN_ENOMEM, "out of memory");
		sqlite3_free(sql);
	}
	return rc;
}

int db_bulk_begin(campaign_db *db)
{
	struct audit_bulk *b = bulk_state(db);
	if (!b)
		return CAMPAIGN_ENOMEM;
	if (sqlite3_get_autocommit(db->sql))
		return error_set(CAMPAIGN_ERROR, "internal: bulk mode needs a transaction");
	if (!b->on)
		b->armed = 1, b->ticks = 0;
	return CAMPAIGN_OK;
}

/* The switch to batches: rows from here on are above the marks. */
static int bulk_switch(campaign_db *db)
{
	struct audit_bulk *b = db->bulk;
	int rc = set_marks(db);
	if (!rc)
		rc = audit_triggers(db, 1);
	if (!rc)
		b->on = 1, b->armed = 0, b->ticks = 0;
	return rc;
}

/* ---- staging ---- */

static const char SQL_STAGE_BATCH[] =
	"INSERT INTO temp.audit_stage (kind, tbl, key, detail, after, first, last, digests) "
	"VALUES ('batch', ?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_STAGE_INSERT[] =
	"INSERT INTO temp.audit_stage (kind, tbl, key, object, after) VALUES ('insert', ?1, ?2, ?3, ?4)";

static int stage_batch(campaign_db *db, const char *tbl, sqlite3_int64 first, sqlite3_int64 last,
                       const struct campaign_buf *digests)
{
	sqlite3_stmt *st = db_stmt(db, SQL_STAGE_BATCH);
	char key[24], detail[96], root[65];
	int rc;
	if (!st)
		return campaign_error_code_last();
	if ((rc = sha256_hex(digests->data, digests->size, root)))
		return rc;
	snprintf(key, sizeof key, "%lld", (long long)first);
	snprintf(detail, sizeof detail, "{\"first\":%lld,\"last\":%lld,\"rows\":%lld}", (long long)first, (long long)last,
	         (long long)(last - first + 1));
	bind_all(st, "ttttII", tbl, key, detail, root, first, last);
	sqlite3_bind_blob(st, 7, digests->data, (int)digests->size, SQLITE_STATIC);
	return db_step_done(db, st, "cannot write the audit log");
}

/* The new rows of one table, read back once, as batches of consecutive rowids. */
static int flush_rows(campaign_db *db, bulk_table *t)
{
	struct audit_bulk *b = db->bulk;
	struct campaign_buf digests = {0};
	sqlite3_int64 first = 0, last = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, t->rows_sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return error_from_sqlite(db->sql, rc, "cannot read the imported rows back");
	rc = CAMPAIGN_OK;
	sqlite3_bind_int64(st, 1, t->mark);
	while (!rc && db_step_row(db, st, "cannot read the imported rows back", &rc)) {
		sqlite3_int64 rowid = sqlite3_column_int64(st, 0);
		unsigned char md[32];
		unsigned int n = 0;
		if (digests.size && (rowid != last + 1 || last - first + 1 >= BATCH_ROWS)) {
			rc = stage_batch(db, t->name, first, last, &digests);
			digests.size = 0;
		}
		if (!digests.size)
			first = rowid;
		last = rowid;
		if (!rc && (EVP_DigestInit_ex(b->md, EVP_sha256(), NULL) != 1 ||
		            EVP_DigestUpdate(b->md, sqlite3_column_text(st, 3), (size_t)sqlite3_column_bytes(st, 3)) != 1 ||
		            EVP_DigestFinal_ex(b->md, md, &n) != 1))
			rc = error_set(CAMPAIGN_ERROR, "SHA-256 failed");
		if (!rc)
			rc = buf_append(&digests, (const char *)md, sizeof md);
	}
	if (!rc && digests.size)
		rc = stage_batch(db, t->name, first, last, &digests);
	sqlite3_finalize(st);
	buf_reset(&digests);
	if (!rc && last > t->mark)
		t->mark = last;
	return rc;
}

/* Rowids deleted in bulk mode that are back: logged as single inserts. */
static int flush_reused(campaign_db *db, bulk_table *t)
{
	sqlite3_stmt *st, *ins;
	int rc = sqlite3_prepare_v2(db->sql, t->row_sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return error_from_sqlite(db->sql, rc, "cannot read the imported rows back");
	rc = CAMPAIGN_OK;
	for (size_t i = 0; !rc && i < t->ndeleted; i++) {
		sqlite3_bind_int64(st, 1, t->deleted[i]);
		if (db_step_row(db, st, "cannot read the imported rows back", &rc)) {
			if (!(ins = db_stmt(db, SQL_STAGE_INSERT))) {
				rc = campaign_error_code_last();
				break;
			}
			sqlite3_bind_text(ins, 1, t->name, -1, SQLITE_STATIC);
			for (int k = 0; k < 3; k++)
				bind_value_copy(ins, k + 2, sqlite3_column_value(st, k));
			rc = db_step_done(db, ins, "cannot write the audit log");
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	t->ndeleted = 0;
	return rc;
}

int audit_bulk_flush(campaign_db *db)
{
	struct audit_bulk *b = db->bulk;
	int rc = CAMPAIGN_OK;
	if (!b || !b->on)
		return CAMPAIGN_OK;
	for (size_t i = 0; !rc && i < b->n; i++)
		if (!(rc = flush_rows(db, &b->t[i])) && b->t[i].ndeleted)
			rc = flush_reused(db, &b->t[i]);
	b->ticks = 0;
	return rc;
}

int db_bulk_tick(campaign_db *db)
{
	struct audit_bulk *b = db->bulk;
	if (!b || (!b->on && !b->armed))
		return CAMPAIGN_OK;
	if (b->armed)
		return ++b->ticks < BULK_AFTER ? CAMPAIGN_OK : bulk_switch(db);
	return ++b->ticks < FLUSH_TICKS ? CAMPAIGN_OK : audit_bulk_flush(db);
}

int audit_bulk_end(campaign_db *db)
{
	int rc = audit_bulk_flush(db);
	if (db->bulk)
		db->bulk->armed = 0;
	if (!rc && db->bulk && db->bulk->on) {
		db->bulk->on = 0;
		rc = audit_triggers(db, 0);
	}
	return rc;
}
