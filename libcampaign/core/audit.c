/* The audit log: a SHA-256 hash chain over every change.
 *
 * Triggers on every table write each row change into audit_log with its
 * before and after images (JSON), unsealed. When the library commits, it
 * seals the transaction's entries: each gets the seq of the call it belongs
 * to (the entry db_log() wrote) and a hash over its fields and the previous
 * entry's hash. A change made with raw SQL is either left unsealed (the
 * triggers still fire) or, if the triggers were dropped, leaves rows that
 * differ from their last logged image; both are found by verification.
 * Hashing and signatures come from OpenSSL's libcrypto: it is on every
 * Debian system, FIPS-reviewed, and gives SHA-256 and Ed25519 in one library. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include "core/core.h"

/* ---- hashing ---- */

/* Appends one field, length-prefixed so no two entries hash alike by accident. */
static int field(struct campaign_buf *b, const char *v)
{
	char len[24];
	size_t n;
	int k;
	if (!v)
		return buf_append(b, "-|", 2);
	n = strlen(v);
	/* the length by hand: this runs for every field of every entry sealed */
	k = (int)sizeof len;
	len[--k] = ':';
	do
		len[--k] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	if (buf_append(b, len + k, sizeof len - (size_t)k) || buf_append(b, v, strlen(v)))
		return CAMPAIGN_ENOMEM;
	return buf_append(b, "|", 1);
}

/* The hash of an entry after @prev: SHA-256 over the previous hash and the
 * 13 fields (seq, at, kind, tbl, key, object, actor, operation, campaign,
 * detail, before, after, call), hex into @out. */
static int entry_hash(const char *const f[13], const char *prev, char out[65])
{
	struct campaign_buf b = {0};
	int rc = field(&b, prev);
	for (int i = 0; !rc && i < 13; i++)
		rc = field(&b, f[i]);
	if (!rc)
		rc = sha256_hex(b.data, b.size, out);
	buf_reset(&b);
	return rc;
}

/* The 13 hashed fields of an audit_log row read with ENTRY_COLUMNS. */
static int entry_fields(sqlite3_stmt *e, const char *f[13])
{
	int rc = CAMPAIGN_OK;
	for (int i = 0; i < 13; i++)
		f[i] = db_column_text(e, i, &rc);
	return rc;
}

#define VERIFY_FAILED "cannot verify the audit log"

/* Every hashed field of an entry, in hashing order; hash is column 13. */
#define ENTRY_COLUMNS "seq, at, kind, tbl, key, object, actor, operation, campaign, detail, before, after, call, hash"

/* ---- triggers ---- */

/* Tables that are never audited: the log's own and SQLite's. */
static int audited(const char *table)
{
	/* the search index is derived data, and FTS5's tables take no triggers;
	 * sync_ tables hold changesets and bundles of rows the log already covers */
	return strncmp(table, "sqlite_", 7) != 0 && strncmp(table, "audit_", 6) != 0 && strncmp(table, "search_", 7) != 0 &&
	       strncmp(table, "sync_", 5) != 0;
}

/* Builds, for table @t and row alias @p (NEW/OLD), the key, image and object
 * expressions. Images are json_object() of every column in table order, so a
 * row read back later gives the very same text. */
static int row_exprs(campaign_db *db, const char *t, const char *p, struct campaign_buf *key,
                     struct campaign_buf *image, struct campaign_buf *object, int *rowid_table)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK, without_rowid = 0, npk = 0, has_id = 0;
	if (sqlite3_prepare_v2(db->sql, "SELECT wr FROM pragma_table_list WHERE name = ?1 AND schema = 'main'", -1, &st,
	                       NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot read the schema");
	sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
	/* a failed read is an error, never a table of another kind or fewer columns */
	if (db_step_row(db, st, "cannot read the schema", &rc))
		without_rowid = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (sqlite3_prepare_v2(db->sql, "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot read the schema");
	sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
	rc = buf_puts(image, "json_object(");
	while (!rc && db_step_row(db, st, "cannot read the schema", &rc)) {
		const char *c = db_column_text(st, 0, &rc);
		if (rc)
			break;
		rc = buf_printf(image, "%s'%s', %s.\"%s\"", image->size > 12 ? ", " : "", c, p, c);
		if (!strcmp(c, "id"))
			has_id = 1;
		if (sqlite3_column_int(st, 1))
			npk++;
	}
	sqlite3_finalize(st);
	if (!rc)
		rc = buf_puts(image, ")");
	if (!rc && without_rowid) {
		/* the primary key columns, in key order */
		if (sqlite3_prepare_v2(db->sql, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk", -1, &st,
		                       NULL) != SQLITE_OK)
			return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot read the schema");
		sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
		rc = buf_puts(key, "json_array(");
		for (int i = 0; !rc && db_step_row(db, st, "cannot read the schema", &rc); i++) {
			const char *c = db_column_text(st, 0, &rc);
			rc = rc ? rc : buf_printf(key, "%s%s.\"%s\"", i ? ", " : "", p, c);
		}
		sqlite3_finalize(st);
		if (!rc)
			rc = buf_puts(key, ")");
	} else if (!rc) {
		rc = buf_printf(key, "CAST(%s.rowid AS TEXT)", p);
	}
	if (!rc)
		rc = has_id ? buf_printf(object, "%s.\"id\"", p) : buf_puts(object, "NULL");
	(void)npk;
	if (rowid_table)
		*rowid_table = !without_rowid;
	return rc;
}

static int exec(campaign_db *db, const char *sql)
{
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? CAMPAIGN_OK : error_from_sqlite(db->sql, rc, "cannot install the audit triggers");
}

/* Row changes are staged by TEMP triggers, which exist only in the
 * library's own connections: the library seals them into the log when it
 * commits, with one insert each. A change made with another tool leaves no
 * entry, and a row that no longer matches its last logged image. */
static const char SQL_STAGE[] =
	"CREATE TEMP TABLE IF NOT EXISTS audit_stage (n INTEGER PRIMARY KEY, "
	"at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), kind TEXT NOT NULL, tbl TEXT, key TEXT, "
	"object TEXT, actor TEXT, operation TEXT, campaign TEXT, detail TEXT, before TEXT, after TEXT, "
	"first INTEGER, last INTEGER, digests BLOB)";

/* Writes the triggers of one table, in both sets: the normal set stages
 * each change with its images; the bulk set has no insert trigger on a rowid
 * table (audit_bulk.c logs new rows as batches). Only one set is installed
 * at a time: entering a trigger costs about as much as its body, and a bulk
 * import's rows should fire none. */
static int table_triggers(campaign_db *db, const char *t, struct campaign_buf *normal, struct campaign_buf *bulk,
                          struct campaign_buf *drop)
{
	struct campaign_buf nk = {0}, ni = {0}, no = {0}, ok = {0}, oi = {0}, oo = {0};
	size_t normal_start = normal->size;
	int rowid_table = 0, rc = row_exprs(db, t, "NEW", &nk, &ni, &no, &rowid_table);
	if (!rc)
		rc = row_exprs(db, t, "OLD", &ok, &oi, &oo, NULL);
	if (!rc)
		rc = buf_printf(normal,
		                "CREATE TEMP TRIGGER \"audit_%s_insert\" AFTER INSERT ON main.\"%s\" BEGIN "
		                "INSERT INTO audit_stage (kind, tbl, key, object, after) VALUES ('insert', '%s', %s, %s, %s); END;"
		                "CREATE TEMP TRIGGER \"audit_%s_update\" AFTER UPDATE ON main.\"%s\" BEGIN "
		                "INSERT INTO audit_stage (kind, tbl, key, object, before, after) "
		                "VALUES ('update', '%s', %s, %s, %s, %s); END;"
		                "CREATE TEMP TRIGGER \"audit_%s_delete\" AFTER DELETE ON main.\"%s\" BEGIN "
		                "INSERT INTO audit_stage (kind, tbl, key, object, before) VALUES ('delete', '%s', %s, %s, %s); END;",
		                t, t, t, nk.data, no.data, ni.data, t, t, t, nk.data, no.data, oi.data, ni.data, t, t, t,
		                ok.data, oo.data, oi.data);
	/* the bulk set: no insert trigger on a rowid table (audit_bulk.c reads the
	 * new rows back), and deletes noted so a reused rowid is not missed */
	if (!rc && rowid_table)
		rc = buf_printf(bulk,
		                "CREATE TEMP TRIGGER \"audit_%s_update\" AFTER UPDATE ON main.\"%s\" BEGIN "
		                "INSERT INTO audit_stage (kind, tbl, key, object, before, after) "
		                "VALUES ('update', '%s', %s, %s, %s, %s); END;"
		                "CREATE TEMP TRIGGER \"audit_%s_delete\" AFTER DELETE ON main.\"%s\" BEGIN "
		                "INSERT INTO audit_stage (kind, tbl, key, object, before) VALUES ('delete', '%s', %s, %s, %s); "
		                "SELECT campaign_audit_deleted('%s', OLD.rowid); END;",
		                t, t, t, nk.data, no.data, oi.data, ni.data, t, t, t, ok.data, oo.data, oi.data, t);
	else if (!rc)
		rc = buf_puts(bulk, normal->data + normal_start);
	if (!rc && rowid_table) {
		struct campaign_buf tk = {0}, ti = {0}, to = {0};
		rc = row_exprs(db, t, "T", &tk, &ti, &to, NULL);
		if (!rc)
			rc = audit_bulk_table(db, t, tk.data, to.data, ti.data);
		buf_reset(&tk), buf_reset(&ti), buf_reset(&to);
	}
	if (!rc)
		rc = buf_printf(drop,
		                "DROP TRIGGER IF EXISTS temp.\"audit_%s_insert\"; DROP TRIGGER IF EXISTS temp.\"audit_%s_update\"; "
		                "DROP TRIGGER IF EXISTS temp.\"audit_%s_delete\";",
		                t, t, t);
	buf_reset(&nk), buf_reset(&ni), buf_reset(&no), buf_reset(&ok), buf_reset(&oi), buf_reset(&oo);
	return rc;
}

/* Switches this connection's triggers to the bulk set or back. Inside a
 * transaction: a rollback brings the normal set back with everything else. */
int audit_triggers(campaign_db *db, int bulk)
{
	int rc = exec(db, db->audit_sql[AUDIT_SQL_DROP].data);
	return rc ? rc : exec(db, db->audit_sql[bulk ? AUDIT_SQL_BULK : AUDIT_SQL_NORMAL].data);
}

/* Lists the names that @sql (one text column) returns. */
static int names(campaign_db *db, const char *sql, struct campaign_buf *out, int *n)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK;
	*n = 0;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot read the schema");
	while (!rc && db_step_row(db, st, "cannot read the schema", &rc)) {
		const char *v = db_column_text(st, 0, &rc);
		rc = rc ? rc : buf_append(out, v, strlen(v) + 1);
		++*n;
	}
	sqlite3_finalize(st);
	return rc;
}

static const char SQL_TABLES[] =
	"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	"AND name NOT LIKE 'audit\\_%' ESCAPE '\\' AND name NOT LIKE 'search\\_%' ESCAPE '\\' AND name NOT LIKE 'sync\\_%' ESCAPE '\\' ORDER BY name";

/* Creates the stage and the staging triggers of every audited table; with
 * @baseline, stages every existing row as an insert (a log that is new). */
static int audit_install(campaign_db *db, int baseline)
{
	struct campaign_buf list = {0};
	int n, rc = audit_bulk_register(db);
	const char *p;
	if (!rc)
		rc = exec(db, SQL_STAGE);
	if (!rc)
		rc = names(db, SQL_TABLES, &list, &n);
	p = list.data;
	for (int k = 0; k < 3; k++)
		buf_reset(&db->audit_sql[k]);
	audit_bulk_forget_tables(db);
	for (int i = 0; !rc && i < n; p += strlen(p) + 1, i++) {
		if (!audited(p))
			continue;
		rc = table_triggers(db, p, &db->audit_sql[AUDIT_SQL_NORMAL], &db->audit_sql[AUDIT_SQL_BULK],
		                    &db->audit_sql[AUDIT_SQL_DROP]);
		if (!rc && baseline) {
			struct campaign_buf k = {0}, img = {0}, obj = {0}, sql = {0};
			rc = row_exprs(db, p, "T", &k, &img, &obj, NULL);
			if (!rc)
				rc = buf_printf(&sql, "INSERT INTO temp.audit_stage (kind, tbl, key, object, after) "
				                      "SELECT 'insert', '%s', %s, %s, %s FROM main.\"%s\" AS T",
				                p, k.data, obj.data, img.data, p);
			if (!rc)
				rc = exec(db, sql.data);
			buf_reset(&k), buf_reset(&img), buf_reset(&obj), buf_reset(&sql);
		}
	}
	buf_reset(&list);
	/* a store with no tables yet has no triggers to install */
	return rc || !db->audit_sql[AUDIT_SQL_NORMAL].data ? rc : audit_triggers(db, 0);
}

void audit_detach(campaign_db *db)
{
	audit_bulk_free(db);
	buf_reset(&db->witness_head);
	for (int i = 0; i < 3; i++)
		buf_reset(&db->audit_sql[i]);
}

int audit_attach(campaign_db *db)
{
	return db->readonly ? CAMPAIGN_OK : audit_install(db, 0);
}

/* ---- sealing ---- */

static const char SQL_MAX_SEQ[] = "SELECT coalesce(max(seq), 0) FROM audit_log";

int audit_begin(campaign_db *db)
{
	sqlite3_stmt *st = db_stmt(db, SQL_MAX_SEQ);
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	/* a failed read would seal the transaction after the wrong entry */
	if (db_step_row(db, st, "cannot read the audit log", &rc))
		db->audit_start = sqlite3_column_int64(st, 0);
	else if (!rc)
		rc = error_set(CAMPAIGN_ERROR, "internal: the audit log has no last entry");
	sqlite3_reset(st);
	return rc;
}

static const char SQL_PREV_HASH[] = "SELECT hash FROM audit_log WHERE seq <= ?1 ORDER BY seq DESC LIMIT 1";
static const char SQL_STAGED_KINDS[] = "SELECT kind = 'call' FROM temp.audit_stage ORDER BY n";
static const char SQL_STAGED[] =
	"SELECT at, kind, tbl, key, object, actor, operation, campaign, detail, before, after, first, last, digests "
	"FROM temp.audit_stage ORDER BY n";
static const char SQL_SEAL_BATCH[] = "INSERT INTO audit_batch (seq, tbl, first, last, digests) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_SEAL[] =
	"INSERT INTO audit_log (seq, at, kind, tbl, key, object, actor, operation, campaign, detail, before, after, "
	"call, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
static const char SQL_UNSTAGE[] = "DELETE FROM temp.audit_stage";

/* Which call each staged row change belongs to: the call that follows it in
 * the transaction (db_log() is written last), or else the one before it.
 * Entries will take the seqs base, base+1, ... in stage order. */
static int assign_calls(campaign_db *db, sqlite3_int64 base, sqlite3_int64 **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, SQL_STAGED_KINDS);
	sqlite3_int64 *call = NULL, next = 0, last = 0;
	char *is_call = NULL;
	size_t n = 0, cap = 0;
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	while (db_step_row(db, st, "cannot seal the audit log", &rc)) {
		if (n == cap) {
			void *a = realloc(call, (cap = cap ? cap * 2 : 256) * sizeof *call), *b;
			if (a)
				call = a;
			if (!a || !(b = realloc(is_call, cap))) {
				rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
				break;
			}
			is_call = b;
		}
		is_call[n++] = (char)sqlite3_column_int(st, 0);
	}
	sqlite3_reset(st);
	for (size_t i = n; !rc && i-- > 0;)
		call[i] = is_call[i] ? 0 : next, next = is_call[i] ? base + (sqlite3_int64)i : next;
	for (size_t i = 0; !rc && i < n; i++)
		if (is_call[i])
			last = base + (sqlite3_int64)i;
		else if (!call[i])
			call[i] = last;
	free(is_call);
	if (rc) {
		free(call);
		return rc;
	}
	*out = call;
	*count = n;
	return CAMPAIGN_OK;
}

/* Keeps a batch entry's digests, from the staged row @st, under its seq. */
static int seal_batch(campaign_db *db, sqlite3_stmt *st, sqlite3_int64 seq)
{
	sqlite3_stmt *b = db_stmt(db, SQL_SEAL_BATCH);
	if (!b)
		return campaign_error_code_last();
	static const int from[] = {2, 11, 12, 13};
	sqlite3_bind_int64(b, 1, seq);
	for (int k = 0; k < 4; k++)
		if (bind_value_copy(b, k + 2, sqlite3_column_value(st, from[k])) != SQLITE_OK)
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
	return db_step_done(db, b, "cannot seal the audit log");
}

/* Seals the staged entries into the log, chained after the last entry. */
int audit_seal(campaign_db *db)
{
	sqlite3_int64 *call = NULL, base = db->audit_start + 1;
	sqlite3_stmt *st, *ins;
	char prev[65] = "";
	size_t n = 0, i = 0;
	int rc = audit_bulk_end(db);
	if (!rc)
		rc = assign_calls(db, base, &call, &n);
	if (rc || !n) {
		free(call);
		return rc ? rc : search_sync(db, db->audit_start);
	}
	/* the chain goes on from the last sealed entry: without it, no sealing */
	if (!(st = db_stmt(db, SQL_PREV_HASH))) {
		free(call);
		return campaign_error_code_last();
	}
	sqlite3_bind_int64(st, 1, db->audit_start);
	if (db_step_row(db, st, "cannot seal the audit log", &rc) && sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(prev, sizeof prev, "%s", db_column_text(st, 0, &rc));
	sqlite3_reset(st);
	if (rc || !(st = db_stmt(db, SQL_STAGED)) || !(ins = db_stmt(db, SQL_SEAL))) {
		free(call);
		return rc ? rc : campaign_error_code_last();
	}
	while (!rc && i < n && db_step_row(db, st, "cannot seal the audit log", &rc)) {
		const char *f[13];
		char seq[24], c[24], h[65];
		snprintf(seq, sizeof seq, "%lld", (long long)(base + (sqlite3_int64)i));
		snprintf(c, sizeof c, "%lld", (long long)call[i]);
		f[0] = seq;
		for (int k = 0; k < 11; k++)
			f[k + 1] = db_column_text(st, k, &rc);
		f[12] = call[i] ? c : NULL;
		if (rc || (rc = entry_hash(f, prev, h)))
			break;
		sqlite3_bind_int64(ins, 1, base + (sqlite3_int64)i);
		/* binding a value copies it: out of memory leaves the parameter NULL */
		for (int k = 0; !rc && k < 11; k++)
			if (bind_value_copy(ins, k + 2, sqlite3_column_value(st, k)) != SQLITE_OK)
				rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
		if (rc)
			break;
		if (call[i])
			sqlite3_bind_int64(ins, 13, call[i]);
		else
			sqlite3_bind_null(ins, 13);
		/* h lives until the insert has run: no copy that could fail unseen */
		sqlite3_bind_text(ins, 14, h, -1, SQLITE_STATIC);
		rc = db_step_done(db, ins, "cannot seal the audit log");
		if (!rc && sqlite3_column_type(st, 13) == SQLITE_BLOB)
			rc = seal_batch(db, st, base + (sqlite3_int64)i);
		memcpy(prev, h, sizeof h);
		i++;
	}
	sqlite3_reset(st);
	free(call);
	/* the stage changed under us: never commit a log with entries missing */
	if (!rc && i < n)
		rc = error_set(CAMPAIGN_ERROR, "internal: %zu of %zu staged audit entries sealed", i, n);
	/* the transaction's head, signed when the host gave a key */
	if (!rc)
		rc = audit_head_seal(db, base + (sqlite3_int64)n - 1, prev);
	if (!rc)
		rc = (st = db_stmt(db, SQL_UNSTAGE)) ? db_step_done(db, st, "cannot clear the audit stage")
		                                     : campaign_error_code_last();
	/* the search index follows the rows this transaction changed */
	return rc ? rc : search_sync(db, db->audit_start);
}

/* ---- the call entry ---- */

static const char SQL_CALL[] =
	"INSERT INTO temp.audit_stage (kind, actor, operation, campaign, object, detail) VALUES ('call', ?1, ?2, ?3, ?4, ?5)";

int db_log(campaign_db *db, const char *actor, const char *operation, const char *campaign, const char *object,
           const char *detail)
{
	int rc;
	/* a read that must be logged (confidential access) runs its own transaction */
	if (sqlite3_get_autocommit(db->sql))
		return db_log_read(db, actor, operation, campaign, object, detail);
	/* a bulk import's batches belong to this call: they go before it */
	if ((rc = audit_bulk_flush(db)))
		return rc;
	return stmt_run(NULL, db, SQL_CALL, "cannot write the audit log", "ttttt", actor, operation, campaign, object,
	                detail);
}

/* ---- reading ---- */

/* Row changes take actor and operation from their call; the images of
 * confidential tables are never shown. */
#define AUDIT_SELECT                                                                                       \
	"SELECT a.seq, a.at, a.kind, a.tbl, a.object, coalesce(a.actor, c.actor) AS actor, "                  \
	"coalesce(a.operation, c.operation) AS operation, coalesce(a.campaign, c.campaign) AS campaign, "     \
	"a.detail, CASE WHEN a.tbl LIKE '%\\_confidential' ESCAPE '\\' THEN '(confidential)' ELSE a.before END " \
	"AS before, CASE WHEN a.tbl LIKE '%\\_confidential' ESCAPE '\\' THEN '(confidential)' ELSE a.after END " \
	"AS after, a.call, a.hash FROM audit_log a LEFT JOIN audit_log c ON c.seq = a.call "

/* Rows a bulk import logged as a batch have no entry of their own: the
 * batch entries that cover object @object's rows go to temp.audit_object_batch. */
static int object_batches(campaign_db *db, const char *object)
{
	struct campaign_buf list = {0};
	int n, rc = exec(db, "CREATE TEMP TABLE IF NOT EXISTS audit_object_batch (seq INTEGER PRIMARY KEY); "
	                     "DELETE FROM temp.audit_object_batch");
	const char *p;
	if (!rc)
		rc = names(db, "SELECT DISTINCT tbl FROM audit_batch ORDER BY tbl", &list, &n);
	p = list.data;
	for (int i = 0; !rc && i < n; p += strlen(p) + 1, i++) {
		char *sql = sqlite3_mprintf("INSERT OR IGNORE INTO temp.audit_object_batch (seq) SELECT "
		                            "(SELECT CASE WHEN c.last >= T.rowid THEN c.seq END FROM audit_batch c "
		                            "WHERE c.tbl = %Q AND c.first <= T.rowid ORDER BY c.first DESC, c.seq DESC LIMIT 1) "
		                            "AS s FROM main.\"%w\" AS T WHERE T.id = ?1 AND s IS NOT NULL",
		                            p, p);
		sqlite3_stmt *st;
		if (!sql)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
		/* a table without an id column has no objects to find */
		else if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, object, -1, SQLITE_STATIC);
			rc = db_step_done(db, st, "cannot read the audit log");
			sqlite3_finalize(st);
		}
		sqlite3_free(sql);
	}
	buf_reset(&list);
	return rc;
}

/* A date alone as the end of the range takes in the whole day. */
static void range_end(const char *to, char until[40])
{
	if (to)
		snprintf(until, 40, "%s%s", to, strlen(to) == 10 ? "T99" : "");
}

int campaign_audit_query(campaign_cursor **out, campaign_db *db, const char *object, const char *actor,
                         const char *from, const char *to)
{
	campaign_cursor *c;
	char until[40];
	const char *sql;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	if ((rc = db_check(db)))
		return rc;
	range_end(to, until);
	/* pick the index that serves the most selective filter */
	if (object && (rc = object_batches(db, object)))
		return rc;
	if (object)
		sql = AUDIT_SELECT "WHERE (a.object = ?1 OR a.seq IN (SELECT seq FROM temp.audit_object_batch)) AND (?2 IS NULL OR coalesce(a.actor, c.actor) = ?2) "
		                   "AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at <= ?4) ORDER BY a.seq";
	else if (actor)
		sql = AUDIT_SELECT "WHERE a.seq IN (SELECT seq FROM audit_log WHERE actor = ?2 UNION ALL "
		                   "SELECT r.seq FROM audit_log k JOIN audit_log r ON r.call = k.seq WHERE k.actor = ?2) "
		                   "AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at <= ?4) AND ?1 IS NULL ORDER BY a.seq";
	else
		sql = AUDIT_SELECT "WHERE a.at >= coalesce(?3, '') AND a.at <= coalesce(?4, '~') "
		                   "AND ?1 IS NULL AND ?2 IS NULL ORDER BY a.seq";
	if ((rc = query_begin(out, &c, db, NULL, sql, "ittttttttttit", NULL)))
		return rc;
	bind_all(cursor_stmt(c), "TTTT", object, actor, from, to ? until : NULL);
	return query_done(out, c, CAMPAIGN_OK);
}

/* The objects of unit @unit, into temp.audit_unit_object: the unit's own id
 * and the id of every row, in any table with both an id and a unit column,
 * whose unit it is (its findings, rectifications, reports, risk points...). */
static int unit_objects(campaign_db *db, sqlite3_int64 unit)
{
	struct campaign_buf list = {0};
	sqlite3_stmt *st;
	int n, rc = exec(db, "CREATE TEMP TABLE IF NOT EXISTS audit_unit_object (id TEXT PRIMARY KEY); "
	                     "DELETE FROM temp.audit_unit_object");
	const char *p;
	if (!rc)
		rc = names(db, "SELECT m.name FROM main.sqlite_master m WHERE m.type = 'table' "
		               "AND m.name NOT LIKE 'audit\\_%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
		               "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'unit') "
		               "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'id') ORDER BY m.name",
		           &list, &n);
	p = list.data;
	for (int i = 0; !rc && i <= n; i++) {
		char *sql = i == n ? sqlite3_mprintf("INSERT OR IGNORE INTO temp.audit_unit_object SELECT id FROM unit WHERE rid = ?1")
		                   : sqlite3_mprintf("INSERT OR IGNORE INTO temp.audit_unit_object SELECT id FROM main.\"%w\" "
		                                     "WHERE unit = ?1 AND id IS NOT NULL", p);
		if (!sql)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
		else if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
			rc = error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot read the unit's objects");
		else {
			sqlite3_bind_int64(st, 1, unit);
			rc = db_step_done(db, st, "cannot read the unit's objects");
			sqlite3_finalize(st);
		}
		sqlite3_free(sql);
		if (i < n)
			p += strlen(p) + 1;
	}
	buf_reset(&list);
	return rc;
}

/* A unit clerk's part of the log: entries about its unit's objects (by the
 * object index), and its own calls with the row changes they made (by the
 * actor and call indexes). */
static int clerk_query(campaign_cursor **out, campaign_db *db, const char *clerk, sqlite3_int64 unit,
                       const char *object, const char *actor, const char *from, const char *until)
{
	campaign_cursor *c;
	int rc = unit_objects(db, unit);
	if (!rc)
		rc = query_begin(out, &c, db, NULL,
		                 AUDIT_SELECT "WHERE a.seq IN (SELECT seq FROM audit_log WHERE object IN "
		                 "(SELECT id FROM temp.audit_unit_object) UNION SELECT seq FROM audit_log WHERE actor = ?5 "
		                 "UNION SELECT r.seq FROM audit_log k JOIN audit_log r ON r.call = k.seq WHERE k.actor = ?5) "
		                 "AND (?1 IS NULL OR a.object = ?1) AND (?2 IS NULL OR coalesce(a.actor, c.actor) = ?2) "
		                 "AND a.at >= coalesce(?3, '') AND a.at <= coalesce(?4, '~') ORDER BY a.seq",
		                 "ittttttttttit", NULL);
	if (rc)
		return rc;
	bind_all(cursor_stmt(c), "TTTTT", object, actor, from, until, clerk);
	return query_done(out, c, CAMPAIGN_OK);
}

int campaign_audit_read(campaign_cursor **out, campaign_db *db, const char *reader, const char *object,
                        const char *actor, const char *from, const char *to)
{
	char role[32], unit_name[256], until[40];
	sqlite3_int64 unit;
	int rc, any;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	*out = NULL;
	if ((rc = db_check(db)) || (rc = need(reader, "the reader")) ||
	    (rc = access_role_of(db, reader, &any, role, &unit, unit_name)))
		return rc;
	/* a store without roles is open, as for every other call */
	if (!any || !strcmp(role, "supervision_office") || !strcmp(role, "leadership") || !strcmp(role, "auditor"))
		return campaign_audit_query(out, db, object, actor, from, to);
	if (!strcmp(role, "unit_clerk")) {
		range_end(to, until);
		return clerk_query(out, db, reader, unit, object, actor, from, to ? until : NULL);
	}
	error_set(CAMPAIGN_EPERM, "actor \"%s\" has no role in this store and may not read the audit log (audit.read)",
	          reader);
	return access_denied(db, reader, "audit.read", NULL, object);
}

int audit_migrated(campaign_db *db)
{
	struct campaign_buf list = {0};
	sqlite3_stmt *st;
	int rc, n, rows = 0;
	const char *p;
	/* triggers in the file (an older layout) would log changes twice */
	rc = names(db, "SELECT name FROM main.sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'",
	           &list, &n);
	p = list.data;
	for (int i = 0; !rc && i < n; p += strlen(p) + 1, i++) {
		char *sql = sqlite3_mprintf("DROP TRIGGER main.\"%w\"", p);
		rc = sql ? exec(db, sql) : CAMPAIGN_ENOMEM;
		sqlite3_free(sql);
	}
	buf_reset(&list);
	if (rc)
		return rc;
	if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM audit_log WHERE kind <> 'call'", -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot read the audit log");
	if (db_step_row(db, st, "cannot read the audit log", &rc))
		rows = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc)
		return rc;
	/* a new log takes in the rows that predate it, and entries a migration
	 * carried over unsealed are sealed now, in order */
	if ((rc = audit_install(db, rows == 0)) ||
	    (rc = exec(db, "INSERT INTO temp.audit_stage (at, kind, tbl, key, object, actor, operation, campaign, detail, "
	                   "before, after) SELECT at, kind, tbl, key, object, actor, operation, campaign, detail, before, "
	                   "after FROM audit_log WHERE hash IS NULL ORDER BY seq; DELETE FROM audit_log WHERE hash IS NULL")))
		return rc;
	if ((rc = audit_begin(db)))
		return rc;
	return audit_seal(db);
}

/* ---- verification ---- */

#define MAX_REPORTED 100 /* problems of one kind listed; the rest are counted */

static const char *const PROBLEMS[] = {"chain_broken", "entry_missing", "entry_unsealed", "row_changed",
                                       "row_added", "row_deleted", "checkpoint_mismatch", "table_missing",
                                       "unsigned_tail", "head_invalid", "key_mismatch", "witness_mismatch", NULL};
enum { P_CHECKPOINT = 6, P_UNSIGNED_TAIL = 8, P_HEAD_INVALID, P_KEY_MISMATCH, P_WITNESS, P_KINDS };

typedef struct verifier {
	campaign_db *db;
	sqlite3_stmt *add;
	int count[P_KINDS];
	const char *severity; /* "problem", or "notice" for the row being written */
} verifier;

static int problem(verifier *v, int kind, sqlite3_int64 seq, const char *tbl, const char *object, const char *fmt, ...)
	CAMPAIGN_PRINTF(6, 7);
static int problem(verifier *v, int kind, sqlite3_int64 seq, const char *tbl, const char *object, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	if (++v->count[kind] > MAX_REPORTED)
		return CAMPAIGN_OK;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	bind_all(v->add, "tITTTt", PROBLEMS[kind], seq, tbl, object, msg, v->severity);
	return db_step_done(v->db, v->add, "cannot record a verification result");
}

/* The chain: every entry sealed, none missing, each hash right. Only the
 * first broken link is reported: after it every hash differs. */
static int verify_chain(verifier *v)
{
	sqlite3_stmt *e;
	sqlite3_int64 expect = 1;
	char prev[65] = "";
	int rc = CAMPAIGN_OK, broken = 0, gap = 0;
	if (sqlite3_prepare_v2(v->db->sql, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY seq", -1, &e, NULL) != SQLITE_OK)
		return error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), "cannot read the audit log");
	while (!rc && db_step_row(v->db, e, VERIFY_FAILED, &rc)) {
		sqlite3_int64 seq = sqlite3_column_int64(e, 0);
		const char *tbl = db_column_text(e, 3, &rc), *obj = db_column_text(e, 5, &rc);
		const char *hash = db_column_text(e, 13, &rc);
		if (rc)
			break;
		char h[65];
		if (seq != expect) {
			rc = problem(v, 1, expect, NULL, NULL, "audit entries %lld to %lld are missing", (long long)expect,
			             (long long)seq - 1);
			/* the link across a gap cannot be checked; pick the chain up after it */
			prev[0] = '\0';
			gap = 1;
		}
		expect = seq + 1;
		if (!rc && !hash) {
			rc = problem(v, 2, seq, tbl, obj, "entry %lld (%s %s %s) was not written through the library",
			             (long long)seq, (const char *)sqlite3_column_text(e, 2), tbl ? tbl : "",
			             obj ? obj : "");
			continue;
		}
		const char *f[13];
		if ((rc = entry_fields(e, f)))
			break;
		if (!broken && !gap && (rc = entry_hash(f, prev, h)) == CAMPAIGN_OK && strcmp(h, hash)) {
			broken = 1;
			rc = problem(v, 0, seq, tbl, obj, "entry %lld (%s %s) was altered: its hash does not match",
			             (long long)seq, tbl ? tbl : (const char *)sqlite3_column_text(e, 7), obj ? obj : "");
		}
		snprintf(prev, sizeof prev, "%s", hash);
		gap = 0;
	}
	sqlite3_finalize(e);
	return rc;
}

/* The batch entry that covers rowid %s of table %s, if any: the one with the
 * greatest first rowid not above it (rowids are reused only above the
 * highest, so a later batch never starts below an earlier one's rows). */
#define COVER                                                                                            \
	"(SELECT CASE WHEN c.last >= %s THEN c.seq END FROM audit_batch c WHERE c.tbl = '%s' AND c.first <= %s " \
	"ORDER BY c.first DESC, c.seq DESC LIMIT 1)"

/* One table's rows against their last logged images. */
static int verify_table(verifier *v, const char *t)
{
	struct campaign_buf k = {0}, img = {0}, obj = {0}, sql = {0};
	sqlite3_stmt *st = NULL;
	int rowid_table = 0, rc = row_exprs(v->db, t, "T", &k, &img, &obj, &rowid_table);
	const char *x = rowid_table ? "T.rowid" : "NULL", *y = rowid_table ? "CAST(a.key AS INTEGER)" : "NULL";
	if (!rc)
		/* a row whose newest entry is a batch (bseq) is checked by verify_batches() */
		rc = buf_printf(&sql,
		                "WITH cur AS (SELECT %s AS k, %s AS img, %s AS obj, " COVER " AS bseq FROM \"%s\" AS T), "
		                "lg AS (SELECT a.key AS k, a.after, a.kind, a.object, a.seq, " COVER " AS bseq "
		                "FROM audit_log a WHERE a.tbl = '%s' AND a.kind <> 'batch' AND a.seq = (SELECT max(b.seq) "
		                "FROM audit_log b WHERE b.tbl = a.tbl AND b.key = a.key AND b.hash IS NOT NULL AND b.kind <> 'batch')) "
		                "SELECT 4, NULL, cur.obj, cur.k FROM cur LEFT JOIN lg ON lg.k = cur.k "
		                "WHERE (lg.k IS NULL OR lg.kind = 'delete') AND coalesce(cur.bseq < lg.seq, cur.bseq IS NULL) "
		                "UNION ALL SELECT 3, lg.seq, cur.obj, cur.k FROM cur JOIN lg ON lg.k = cur.k "
		                "WHERE lg.kind <> 'delete' AND lg.after IS NOT cur.img AND coalesce(cur.bseq < lg.seq, 1) "
		                "UNION ALL SELECT 5, lg.seq, lg.object, lg.k FROM lg LEFT JOIN cur ON cur.k = lg.k "
		                "WHERE cur.k IS NULL AND lg.kind <> 'delete' AND coalesce(lg.bseq < lg.seq, 1)",
		                k.data, img.data, obj.data, x, t, x, t, y, t, y, t);
	if (!rc && sqlite3_prepare_v2(v->db->sql, sql.data, -1, &st, NULL) != SQLITE_OK)
		rc = error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), "cannot verify a table");
	while (!rc && st && db_step_row(v->db, st, VERIFY_FAILED, &rc)) {
		int kind = sqlite3_column_int(st, 0);
		sqlite3_int64 seq = sqlite3_column_int64(st, 1);
		const char *o = db_column_text(st, 2, &rc), *key = db_column_text(st, 3, &rc);
		static const char *const what[] = {"", "", "", "changed", "added", "deleted"};
		rc = rc ? rc : problem(v, kind, seq, t, o ? o : key, "%s row %s%s%s was %s outside the library%s", t, key,
		             o ? " " : "", o ? o : "", what[kind],
		             kind == 3 ? " (it differs from its last logged image)" : "");
	}
	sqlite3_finalize(st);
	buf_reset(&k), buf_reset(&img), buf_reset(&obj), buf_reset(&sql);
	return rc;
}

/* ---- verifying batches ---- */

typedef struct batch_check {
	verifier *v;
	const char *t;
	sqlite3_stmt *later; /* a row entry of a key after a seq */
	sqlite3_int64 seq, first;
	const unsigned char *digests;
} batch_check;

static const char SQL_BATCHES_OF[] =
	"SELECT b.seq, b.first, b.last, b.digests, a.kind, a.tbl, a.key, a.after FROM audit_batch b "
	"LEFT JOIN audit_log a ON a.seq = b.seq WHERE b.tbl = ?1 ORDER BY b.first, b.seq";
static const char SQL_LATER[] =
	"SELECT 1 FROM audit_log WHERE tbl = ?1 AND key = ?2 AND seq > ?3 AND kind <> 'batch' LIMIT 1";

/* A row of a batch that differs or is gone: a problem unless a later row
 * entry took over (verify_table checks it against that). */
static int batch_row_problem(batch_check *c, sqlite3_int64 rowid, const char *obj, int kind)
{
	char key[24];
	int later, rc = CAMPAIGN_OK;
	snprintf(key, sizeof key, "%lld", (long long)rowid);
	bind_all(c->later, "ttI", c->t, key, c->seq);
	later = db_step_row(c->v->db, c->later, VERIFY_FAILED, &rc);
	sqlite3_reset(c->later);
	if (later || rc)
		return rc;
	return problem(c->v, kind, c->seq, c->t, obj ? obj : key, "%s row %s%s%s was %s outside the library%s", c->t, key,
	               obj ? " " : "", obj ? obj : "", kind == 3 ? "changed" : "deleted",
	               kind == 3 ? " (it differs from its digest in the batch entry)" : "");
}

/* The rows first..last of one batch against its digests. */
static int check_batch_rows(batch_check *c, sqlite3_stmt *rows, sqlite3_int64 last)
{
	sqlite3_int64 expect = c->first;
	int rc = CAMPAIGN_OK;
	sqlite3_bind_int64(rows, 1, c->first);
	sqlite3_bind_int64(rows, 2, last);
	while (!rc && db_step_row(c->v->db, rows, VERIFY_FAILED, &rc)) {
		sqlite3_int64 rowid = sqlite3_column_int64(rows, 0);
		unsigned char md[32];
		unsigned int n = 0;
		for (; !rc && expect < rowid; expect++)
			rc = batch_row_problem(c, expect, NULL, 5);
		expect = rowid + 1;
		if (!db_column_text(rows, 1, &rc) || rc)
			break;
		if (!EVP_Digest(sqlite3_column_text(rows, 1), (size_t)sqlite3_column_bytes(rows, 1), md, &n,
		                       EVP_sha256(), NULL))
			rc = error_set(CAMPAIGN_ERROR, "SHA-256 failed");
		if (!rc && memcmp(md, c->digests + 32 * (rowid - c->first), 32))
			rc = batch_row_problem(c, rowid, (const char *)sqlite3_column_text(rows, 2), 3);
	}
	for (; !rc && expect <= last; expect++)
		rc = batch_row_problem(c, expect, NULL, 5);
	sqlite3_reset(rows);
	return rc;
}

/* Whether batch entry @b (a row of SQL_BATCHES_OF) still matches its digests. */
static int batch_intact(verifier *v, sqlite3_stmt *b, const char *t)
{
	sqlite3_int64 seq = sqlite3_column_int64(b, 0), first = sqlite3_column_int64(b, 1), last = sqlite3_column_int64(b, 2);
	int rc = CAMPAIGN_OK;
	const char *kind = db_column_text(b, 4, &rc), *tbl = db_column_text(b, 5, &rc);
	const char *key = db_column_text(b, 6, &rc), *after = db_column_text(b, 7, &rc);
	char root[65], k[24];
	int size = sqlite3_column_bytes(b, 3);
	if (rc)
		return rc;
	snprintf(k, sizeof k, "%lld", (long long)first);
	if (last < first || size != 32 * (last - first + 1) || !kind || strcmp(kind, "batch") || !tbl || strcmp(tbl, t) ||
	    !key || strcmp(key, k))
		return problem(v, 0, seq, t, NULL, "the digests of batch entry %lld (%s) do not belong to it", (long long)seq, t);
	if ((rc = sha256_hex(sqlite3_column_blob(b, 3), (size_t)size, root)))
		return rc;
	if (!after || strcmp(after, root))
		return problem(v, 0, seq, t, NULL, "the digests of batch entry %lld (%s) were altered", (long long)seq, t);
	return -1;
}

/* The rows that batches logged (verify_table leaves them out), batch by
 * batch: each covers its rows up to where the next batch of the table starts. */
static int verify_batches(verifier *v, const char *t)
{
	struct campaign_buf k = {0}, img = {0}, obj = {0}, sql = {0};
	sqlite3_stmt *b = NULL, *rows = NULL;
	batch_check c = {v, t, NULL, 0, 0, NULL};
	int rowid_table = 0, rc = row_exprs(v->db, t, "T", &k, &img, &obj, &rowid_table), have = 0;
	if (!rc && rowid_table)
		rc = buf_printf(&sql, "SELECT T.rowid, %s, %s FROM \"%s\" AS T WHERE T.rowid BETWEEN ?1 AND ?2 ORDER BY T.rowid",
		                img.data, obj.data, t);
	if (!rc && rowid_table &&
	    (sqlite3_prepare_v2(v->db->sql, SQL_BATCHES_OF, -1, &b, NULL) != SQLITE_OK ||
	     sqlite3_prepare_v2(v->db->sql, SQL_LATER, -1, &c.later, NULL) != SQLITE_OK ||
	     sqlite3_prepare_v2(v->db->sql, sql.data, -1, &rows, NULL) != SQLITE_OK))
		rc = error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), "cannot verify a table's batches");
	if (!rc && b) {
		sqlite3_bind_text(b, 1, t, -1, SQLITE_STATIC);
		have = db_step_row(v->db, b, VERIFY_FAILED, &rc);
	}
	/* each batch is checked once the next is read: it ends where that one starts */
	while (!rc && have) {
		sqlite3_int64 last = sqlite3_column_int64(b, 2);
		int intact = batch_intact(v, b, t);
		void *copy = NULL;
		c.seq = sqlite3_column_int64(b, 0);
		c.first = sqlite3_column_int64(b, 1);
		if (intact == -1 && !(copy = malloc((size_t)sqlite3_column_bytes(b, 3))))
			intact = error_set(CAMPAIGN_ENOMEM, "out of memory");
		if (copy)
			memcpy(copy, sqlite3_column_blob(b, 3), (size_t)sqlite3_column_bytes(b, 3));
		rc = intact == -1 ? CAMPAIGN_OK : intact;
		have = db_step_row(v->db, b, VERIFY_FAILED, &rc);
		if (have && sqlite3_column_int64(b, 1) - 1 < last)
			last = sqlite3_column_int64(b, 1) - 1;
		c.digests = copy;
		if (!rc && copy)
			rc = check_batch_rows(&c, rows, last);
		free(copy);
	}
	sqlite3_finalize(b), sqlite3_finalize(c.later), sqlite3_finalize(rows);
	buf_reset(&k), buf_reset(&img), buf_reset(&obj), buf_reset(&sql);
	return rc;
}

/* Batch entries whose digests were removed. */
static int verify_batch_entries(verifier *v)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK;
	if (sqlite3_prepare_v2(v->db->sql,
	                       "SELECT a.seq, a.tbl FROM audit_log a WHERE a.kind = 'batch' "
	                       "AND NOT EXISTS (SELECT 1 FROM audit_batch b WHERE b.seq = a.seq) ORDER BY a.seq",
	                       -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), "cannot read the audit log");
	while (!rc && db_step_row(v->db, st, VERIFY_FAILED, &rc))
		rc = problem(v, 1, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1), NULL,
		             "the digests of batch entry %lld (%s) are missing", (long long)sqlite3_column_int64(st, 0),
		             (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc;
}

/* SQLite's own check of every page and index: a damaged file fails verify
 * outright, before its rows are read as if they were whole. */
static int verify_integrity(campaign_db *db)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK;
	char first[512] = "";
	if (sqlite3_prepare_v2(db->sql, "PRAGMA integrity_check(10)", -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot check the store's integrity");
	if (db_step_row(db, st, "cannot check the store's integrity", &rc))
		snprintf(first, sizeof first, "%s", db_column_text(st, 0, &rc));
	sqlite3_finalize(st);
	if (!rc && strcmp(first, "ok"))
		rc = error_set(CAMPAIGN_EIO, "the store is damaged (SQLite's integrity check: %s)", first);
	return rc;
}

/* Tables the log has entries of that are gone from the store (dropped). */
static int verify_tables_present(verifier *v)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK;
	if (sqlite3_prepare_v2(v->db->sql,
	                       "SELECT tbl, max(seq) FROM audit_log WHERE tbl IS NOT NULL AND kind <> 'call' AND tbl NOT IN "
	                       "(SELECT name FROM main.sqlite_master WHERE type = 'table') GROUP BY tbl ORDER BY tbl",
	                       -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), VERIFY_FAILED);
	while (!rc && db_step_row(v->db, st, VERIFY_FAILED, &rc)) {
		const char *t = db_column_text(st, 0, &rc);
		rc = rc ? rc : problem(v, 7, sqlite3_column_int64(st, 1), t, NULL, "table %s was dropped outside the library", t);
	}
	sqlite3_finalize(st);
	return rc;
}

static int verify_rows(verifier *v)
{
	struct campaign_buf list = {0};
	int n, rc = names(v->db, SQL_TABLES, &list, &n);
	const char *p = list.data;
	for (int i = 0; !rc && i < n; p += strlen(p) + 1, i++)
		if (audited(p) && !(rc = verify_table(v, p)))
			rc = verify_batches(v, p);
	if (!rc)
		rc = verify_batch_entries(v);
	buf_reset(&list);
	return rc;
}

/* ---- signed heads and witnesses ---- */

static const char SQL_HEADS[] =
	"SELECT h.seq, h.hash, h.site, h.at, h.signature, h.first, h.key_id, k.public_key_pem, a.hash FROM audit_head h "
	"LEFT JOIN audit_key k ON k.id = h.key_id LEFT JOIN audit_log a ON a.seq = h.seq ORDER BY h.seq";

/* The key that is expected to sign the heads, with its id and the first seq
 * it signed in this store (0: it is recorded nowhere). */
typedef struct expected_key {
	EVP_PKEY *key;
	char id[65];
	sqlite3_int64 first;
} expected_key;

/* Whether a head signed by @key_id at @seq is the expected key's work: heads
 * before the expected key was first recorded belong to keys it rotated out. */
static int head_key_ok(const expected_key *e, sqlite3_int64 seq, const char *key_id)
{
	return !e->key || !e->first || seq < e->first || !strcmp(key_id, e->id);
}

/* One head: a key the store records, a signature that verifies, the entry it
 * names still with its hash, and (given the expected key) signed by it. 1 if valid. */
static int head_check(verifier *v, sqlite3_stmt *h, const expected_key *e, EVP_PKEY **key, char key_of[65], int *rc)
{
	sqlite3_int64 seq = sqlite3_column_int64(h, 0);
	const char *hash = (const char *)sqlite3_column_text(h, 1), *id = (const char *)sqlite3_column_text(h, 6);
	const char *pem = (const char *)sqlite3_column_text(h, 7), *now = (const char *)sqlite3_column_text(h, 8);
	/* heads run signed by one key for long stretches: its PEM is parsed once per stretch */
	if (pem && strcmp(key_of, id)) {
		EVP_PKEY_free(*key);
		*key = key_read_pem(pem, 0);
		snprintf(key_of, 65, "%s", id);
	}
	if (!pem || !*key || !audit_head_valid(h, *key))
		*rc = problem(v, P_HEAD_INVALID, seq, NULL, NULL, "the signature of head %lld does not verify%s", (long long)seq,
		              pem ? "" : " (its key is not recorded)");
	else if (!now)
		*rc = problem(v, P_HEAD_INVALID, seq, NULL, NULL, "entry %lld, a signed head, is gone", (long long)seq);
	else if (strcmp(now, hash))
		*rc = problem(v, P_HEAD_INVALID, seq, NULL, NULL,
		              "entry %lld no longer has the hash its signed head holds: the chain up to it was rewritten",
		              (long long)seq);
	else if (!head_key_ok(e, seq, id))
		*rc = problem(v, P_KEY_MISMATCH, seq, NULL, NULL,
		              "head %lld was signed by key %.16s, not the expected key %.16s", (long long)seq, id, e->id);
	else
		return 1;
	return 0;
}

/* The expected key (the verifier's, else the handle's signing key) against
 * the recorded ones: someone who replaced the recorded key to re-sign the
 * heads with their own is caught here. */
static int verify_keys(verifier *v, expected_key *e, sqlite3_int64 *nkeys)
{
	struct campaign_buf pem = {0};
	sqlite3_stmt *st;
	sqlite3_int64 first = 0;
	int rc = CAMPAIGN_OK;
	if (sqlite3_prepare_v2(v->db->sql,
	                       "SELECT count(*), min(first_seq), (SELECT first_seq FROM audit_key WHERE id = ?1), "
	                       "(SELECT id FROM audit_key ORDER BY first_seq DESC LIMIT 1) FROM audit_key",
	                       -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), VERIFY_FAILED);
	if (e->key && (rc = key_id(e->key, e->id, &pem)))
		goto done;
	sqlite3_bind_text(st, 1, e->id, -1, SQLITE_STATIC);
	if (db_step_row(v->db, st, VERIFY_FAILED, &rc)) {
		*nkeys = sqlite3_column_int64(st, 0);
		first = sqlite3_column_int64(st, 1);
		e->first = sqlite3_column_int64(st, 2);
		if (e->key && *nkeys && sqlite3_column_type(st, 2) == SQLITE_NULL)
			rc = problem(v, P_KEY_MISMATCH, first, NULL, NULL,
			             "the store's recorded signing key %.16s is not the expected key %.16s: its heads were "
			             "signed by another key",
			             (const char *)sqlite3_column_text(st, 3), e->id);
	}
done:
	sqlite3_finalize(st);
	buf_reset(&pem);
	return rc;
}

/* Entries @after < seq < @before that no valid head covers. A store that
 * never had a signing key gets a notice, not a problem: it works, but
 * nothing vouches for its tail. */
static int unsigned_entries(verifier *v, sqlite3_int64 after, sqlite3_int64 before, sqlite3_int64 nkeys)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK;
	if (sqlite3_prepare_v2(v->db->sql, "SELECT min(seq), max(seq), count(*) FROM audit_log WHERE seq > ?1 AND seq < ?2",
	                       -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), VERIFY_FAILED);
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, before);
	if (db_step_row(v->db, st, VERIFY_FAILED, &rc) && sqlite3_column_int64(st, 2) > 0) {
		long long from = sqlite3_column_int64(st, 0), to = sqlite3_column_int64(st, 1);
		if (!nkeys) {
			v->severity = "notice";
			rc = problem(v, P_UNSIGNED_TAIL, from, NULL, NULL,
			             "the store has never had a signing key: entries %lld to %lld are unsigned, so a cut or "
			             "appended tail can only be found with a witness",
			             from, to);
			v->severity = "problem";
		} else {
			rc = problem(v, P_UNSIGNED_TAIL, from, NULL, NULL,
			             "entries %lld to %lld are vouched for by no signed head (the last valid one before them: "
			             "%lld): they were written without the store's signing key",
			             from, to, (long long)after);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Every head, and the entries no valid head covers (first..seq of each):
 * appended by someone without the key, even when a keyed commit came after. */
static int verify_heads(verifier *v, const expected_key *e, sqlite3_int64 nkeys)
{
	sqlite3_stmt *h;
	sqlite3_int64 covered = 0;
	EVP_PKEY *key = NULL;
	char key_of[65] = "";
	int rc = CAMPAIGN_OK;
	if (sqlite3_prepare_v2(v->db->sql, SQL_HEADS, -1, &h, NULL) != SQLITE_OK)
		return error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), VERIFY_FAILED);
	while (!rc && db_step_row(v->db, h, VERIFY_FAILED, &rc)) {
		sqlite3_int64 seq = sqlite3_column_int64(h, 0), first = sqlite3_column_int64(h, 5);
		if (!head_check(v, h, e, &key, key_of, &rc) || rc)
			continue;
		if (first > covered + 1)
			rc = unsigned_entries(v, covered, first, nkeys);
		if (seq > covered)
			covered = seq;
	}
	sqlite3_finalize(h);
	EVP_PKEY_free(key);
	return rc ? rc : unsigned_entries(v, covered, INT64_MAX, nkeys);
}

/* One witness (an earlier checkpoint or head) against the log: the entry it
 * saw must still be there with the hash it saw. */
static int witness_check(verifier *v, const audit_witness *w)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK, kind = w->checkpoint ? P_CHECKPOINT : P_WITNESS;
	const char *what = w->checkpoint ? "checkpoint" : "witness";
	if (sqlite3_prepare_v2(v->db->sql, "SELECT (SELECT hash FROM audit_log WHERE seq = ?1), "
	                                   "(SELECT count(*) FROM audit_log WHERE seq <= ?1), "
	                                   "(SELECT coalesce(max(seq), 0) FROM audit_log)", -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(v->db->sql, sqlite3_errcode(v->db->sql), VERIFY_FAILED);
	sqlite3_bind_int64(st, 1, w->seq);
	if (db_step_row(v->db, st, VERIFY_FAILED, &rc)) {
		const char *now = (const char *)sqlite3_column_text(st, 0);
		long long count = sqlite3_column_int64(st, 1), end = sqlite3_column_int64(st, 2);
		if (!now && end < w->seq)
			rc = problem(v, kind, w->seq, NULL, NULL, "trimmed: the %s saw entry %lld with hash %.16s; the log ends at %lld",
			             what, w->seq, w->hash, end);
		else if (!now)
			rc = problem(v, kind, w->seq, NULL, NULL, "entry %lld, which the %s saw, is gone", w->seq, what);
		else if (strcmp(now, w->hash))
			rc = problem(v, kind, w->seq, NULL, NULL,
			             "diverged: entry %lld has hash %.16s, the %s saw %.16s: the chain up to it was rewritten",
			             w->seq, now, what, w->hash);
		else if (w->checkpoint && count != w->entries)
			rc = problem(v, kind, w->seq, NULL, NULL, "the checkpoint signed %lld entries up to %lld; %lld remain",
			             w->entries, w->seq, count);
	}
	sqlite3_finalize(st);
	return rc;
}

static int verify_witnesses(verifier *v, const char *text, EVP_PKEY *key)
{
	audit_witness w;
	int k;
	while ((k = audit_witness_next(v->db, &text, key, &w)) == 1) {
		int rc = witness_check(v, &w);
		if (rc)
			return rc;
	}
	return k;
}

/* The signature checks: witnesses, keys, heads, the tail. */
static int verify_signed(verifier *v, const char *witnesses, const char *public_key_pem)
{
	expected_key e = {NULL, "", 0};
	sqlite3_int64 nkeys = 0;
	int rc = CAMPAIGN_OK;
	if (public_key_pem && !(e.key = key_read_pem(public_key_pem, 0)))
		return error_set(CAMPAIGN_EINVALID, "the public key is not an Ed25519 public key in PEM form");
	if (!e.key && v->db->signing_key) {
		e.key = v->db->signing_key;
		EVP_PKEY_up_ref(e.key);
	}
	if (witnesses)
		rc = verify_witnesses(v, witnesses, e.key);
	if (!rc)
		rc = verify_keys(v, &e, &nkeys);
	if (!rc)
		rc = verify_heads(v, &e, nkeys);
	EVP_PKEY_free(e.key);
	return rc;
}
int campaign_audit_verify(campaign_cursor **out, campaign_db *db, const char *checkpoint, const char *public_key_pem)
{
	verifier v;
	campaign_cursor *c;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	if ((rc = db_check(db)))
		return rc;
	memset(&v, 0, sizeof v);
	v.db = db;
	v.severity = "problem";
	/* results go to a temporary table, so they come back as an ordinary cursor
	 * (a temp table is writable even when the store is open read-only) */
	if (sqlite3_exec(db->sql,
	                 "CREATE TEMP TABLE IF NOT EXISTS audit_problem (n INTEGER PRIMARY KEY, problem TEXT, seq INTEGER, "
	                 "tbl TEXT, object TEXT, message TEXT, severity TEXT); DELETE FROM temp.audit_problem;",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot verify");
	if (sqlite3_prepare_v2(db->sql, "INSERT INTO temp.audit_problem (problem, seq, tbl, object, message, severity) "
	                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &v.add, NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot verify");
	rc = verify_integrity(db);
	if (!rc)
		rc = verify_signed(&v, checkpoint, public_key_pem);
	if (!rc)
		rc = verify_chain(&v);
	if (!rc)
		rc = verify_tables_present(&v);
	if (!rc)
		rc = verify_rows(&v);
	sqlite3_finalize(v.add);
	for (int k = 0; !rc && PROBLEMS[k]; k++)
		if (v.count[k] > MAX_REPORTED) {
			char msg[128];
			snprintf(msg, sizeof msg, "and %d more %s problems", v.count[k] - MAX_REPORTED, PROBLEMS[k]);
			sqlite3_stmt *st;
			if (sqlite3_prepare_v2(db->sql, "INSERT INTO temp.audit_problem (problem, seq, message, severity) "
			                       "VALUES (?1, 0, ?2, 'problem')",
			                       -1, &st, NULL) == SQLITE_OK) {
				sqlite3_bind_text(st, 1, PROBLEMS[k], -1, SQLITE_STATIC);
				bind_copy(st, 2, msg, -1);
				stmt_step(st);
				sqlite3_finalize(st);
			}
		}
	if (rc)
		return rc;
	rc = query_begin(out, &c, db, NULL, "SELECT problem, seq, tbl, object, message, severity FROM temp.audit_problem "
	                 "ORDER BY severity = 'notice', n", "tittt" "t", NULL);
	return query_done(out, c, rc);
}

int audit_entry_hash(const char *const f[13], const char *prev, char out[65])
{
	return entry_hash(f, prev, out);
}
