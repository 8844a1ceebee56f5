/* The store: one SQLite file (or :memory:), its schema migrations, cached
 * statements and transactions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdint.h>
#include <unistd.h>
#include "core/core.h"

/* Migrations are numbered by their file names (schema/NNN_*.sql); a store's
 * PRAGMA user_version is the number of the last one applied. Numbers only
 * ever grow: a new migration takes the next number. */
extern const char *const campaign_migrations[];
extern const int campaign_migration_numbers[];
extern const int campaign_migration_count;

int campaign_schema_version_supported(void)
{
	return campaign_migration_count ? campaign_migration_numbers[campaign_migration_count - 1] : 0;
}

int db_check(campaign_db *db)
{
	if (!db || !db->sql)
		return error_set(CAMPAIGN_EINVALID, "the store handle is NULL");
	copy_lost_take();
	return CAMPAIGN_OK;
}

int db_check_write(campaign_db *db, const char *actor)
{
	int rc = db_check(db);
	if (rc)
		return rc;
	if (db->readonly)
		return error_set(CAMPAIGN_EPERM, "the store is open read-only");
	if (!actor || !*actor)
		return error_set(CAMPAIGN_EINVALID, "an actor is required for every write");
	return CAMPAIGN_OK;
}

static int exec(campaign_db *db, const char *sql, const char *what)
{
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? CAMPAIGN_OK : error_from_sqlite(db->sql, rc, what);
}

/* The file header's application_id of a libcampaign store ("LCMP"): set by
 * migration 030 (schema/030_application_id.sql). */
#define STORE_APPLICATION_ID 0x4C434D50

/* One integer of a query on the file; *out is -1 when it gives no row. */
static int read_int(campaign_db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return error_from_sqlite(db->sql, rc, "cannot read the store");
	rc = stmt_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? CAMPAIGN_OK : error_from_sqlite(db->sql, rc, "cannot read the store");
	sqlite3_finalize(st);
	return rc;
}

/* Refuses, before anything is written to it (WAL switch or migration), a file
 * that is not a libcampaign store: another application's id in the header,
 * or tables and none of ours (a version 0 database that is not empty; an
 * older store, made before migration 030 set the id, is known by its tables).
 * Reading the schema also makes SQLite refuse a file that is not a database
 * or was truncated ("file is not a database", "malformed"). */
static int identify(campaign_db *db, const char *path)
{
	int app, version, tables, ours, rc;
	if ((rc = read_int(db, "PRAGMA application_id", &app)) || (rc = read_int(db, "PRAGMA user_version", &version)) ||
	    (rc = read_int(db, "SELECT count(*) FROM sqlite_master", &tables)) ||
	    (rc = read_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
	                       "('campaign', 'audit_log')", &ours))) {
		char msg[512]; /* copy first: the message is the buffer being rewritten */
		if (rc != CAMPAIGN_EIO)
			return rc;
		snprintf(msg, sizeof msg, "%s", campaign_error_message());
		return error_set(CAMPAIGN_EIO, "%s: damaged, or not a libcampaign store (%s)", path, msg);
	}
	if (app != 0 && app != STORE_APPLICATION_ID)
		return error_set(CAMPAIGN_EIO, "%s: not a libcampaign store (a database of another application: "
		                 "application_id 0x%08x); it was left as it is", path, (unsigned)app);
	if (app == 0 && tables > 0 && ours < 2)
		return error_set(CAMPAIGN_EIO, "%s: not a libcampaign store (a SQLite database with %d schema objects "
		                 "and no libcampaign tables, schema version %d); it was left as it is", path, tables, version);
	return CAMPAIGN_OK;
}

/* Applies every migration after the store's version, all in one transaction,
 * so a store is never left half-migrated. */
/* Which optional parts of the schema this store has. */
static int detect_modules(campaign_db *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->sql, "SELECT count(*) = 3 FROM sqlite_master WHERE name IN "
	                                "('search_fts', 'finding', 'rectification')", -1, &st, NULL) != SQLITE_OK)
		return error_from_sqlite(db->sql, sqlite3_errcode(db->sql), "cannot read the schema");
	db->has_search = stmt_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return CAMPAIGN_OK;
}

static int migrate(campaign_db *db, const char *path)
{
	int version = 0, rc, newest = campaign_schema_version_supported();
	if ((rc = read_int(db, "PRAGMA user_version", &version)))
		return rc;
	if (version > newest)
		return error_set(CAMPAIGN_EVERSION,
		                 "%s: the store has schema version %d, newer than this library's %d (libcampaign %s); "
		                 "open it with a newer libcampaign",
		                 path, version, newest, CAMPAIGN_VERSION_STRING);
	if (version == newest)
		return detect_modules(db);
	if (db->readonly)
		return error_set(CAMPAIGN_EPERM, "%s: the store needs migrating from schema %d to %d, "
		                 "which a read-only handle cannot do", path, version, newest);
	if ((rc = exec(db, "BEGIN IMMEDIATE", "cannot migrate the store")))
		return rc;
	for (int i = 0; i < campaign_migration_count; i++) {
		char pragma[48];
		if (campaign_migration_numbers[i] <= version)
			continue;
		if ((rc = exec(db, campaign_migrations[i], "schema migration failed")))
			goto fail;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", campaign_migration_numbers[i]);
		if ((rc = exec(db, pragma, "schema migration failed")))
			goto fail;
	}
	/* the audit triggers follow every table's current columns; a log that is
	 * new takes in the rows that predate it and is sealed from its start */
	if ((rc = detect_modules(db)) || (rc = audit_migrated(db)))
		goto fail;
	return exec(db, "COMMIT", "schema migration failed");
fail:
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int configure(campaign_db *db, const char *path)
{
	int rc;
	sqlite3_busy_timeout(db->sql, 5000);
	sqlite3_extended_result_codes(db->sql, 1);
	/* no SQL (a rule's query above all) may load code into the process */
	sqlite3_db_config(db->sql, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
	/* before any migration: the search table names the tokenizer */
	if ((rc = search_register(db)) || (rc = crypt_register(db)) || (rc = mask_register(db)))
		return rc;
	/* freed pages are zeroed: a confidential value's old image is not left in the file */
	if ((rc = exec(db, "PRAGMA secure_delete = ON", "cannot configure the store")))
		return rc;
	if ((rc = exec(db, "PRAGMA foreign_keys = ON", "cannot configure the store")))
		return rc;
	if ((rc = identify(db, path)))
		return rc;
	if (!db->readonly && strcmp(path, ":memory:") != 0 &&
	    (rc = exec(db, "PRAGMA journal_mode = WAL", "cannot switch the store to WAL")))
		return rc;
	/* a bulk import touches many index pages in one transaction: a 64 MiB page
	 * cache keeps them in memory instead of spilling them to the WAL mid-way */
	if ((rc = exec(db, "PRAGMA cache_size = -65536", "cannot configure the store")))
		return rc;
	return exec(db, "PRAGMA synchronous = NORMAL", "cannot configure the store");
}

OPTIONS_INIT_FN(open, CAMPAIGN_OPEN_OPTIONS_VERSION)

int campaign_open(campaign_db **out, const char *path, unsigned int flags)
{
	campaign_open_options o = CAMPAIGN_OPEN_OPTIONS_INIT;
	o.flags = flags;
	return campaign_open_with(out, path, &o);
}

int campaign_open_with(campaign_db **out, const char *path, const campaign_open_options *options)
{
	static const campaign_open_options defaults = CAMPAIGN_OPEN_OPTIONS_INIT;
	campaign_db *db;
	unsigned int flags;
	int oflags, rc;
	if (!out || !path || !*path)
		return error_set(CAMPAIGN_EINVALID, "campaign_open: out and path are required");
	if (!options)
		options = &defaults;
	if ((rc = options_check(options, CAMPAIGN_OPEN_OPTIONS_VERSION, "campaign_open_options")))
		return rc;
	flags = options->flags;
	if (flags & ~(CAMPAIGN_OPEN_READONLY | CAMPAIGN_OPEN_NOCREATE))
		return error_set(CAMPAIGN_EINVALID, "campaign_open: unknown flags 0x%x", flags);
	if (strcmp(path, ":memory:") != 0 && (flags & (CAMPAIGN_OPEN_READONLY | CAMPAIGN_OPEN_NOCREATE)) &&
	    access(path, F_OK) != 0)
		return error_set(CAMPAIGN_ENOTFOUND, "%s: no such store", path);
	db = calloc(1, sizeof *db);
	if (!db)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	/* the keys before the file: a bad key never opens, let alone migrates, a store */
	if ((rc = keys_load(db, options))) {
		campaign_close(db);
		return rc;
	}
	db->readonly = (flags & CAMPAIGN_OPEN_READONLY) != 0;
	/* one thread at a time per handle (store.h): SQLite's per-call mutex
	 * would guard nothing the handle's own state does not already need */
	oflags = SQLITE_OPEN_NOMUTEX |
	         (db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	rc = sqlite3_open_v2(path, &db->sql, oflags, NULL);
	if (rc != SQLITE_OK) {
		rc = error_from_sqlite(db->sql, rc, path);
		goto fail;
	}
	if ((rc = configure(db, path)) || (rc = migrate(db, path)) || (rc = audit_attach(db)))
		goto fail;
	*out = db;
	error_ok();
	return CAMPAIGN_OK;
fail:
	if (rc == CAMPAIGN_ERROR || rc == CAMPAIGN_EIO) {
		/* "file is not a database" and friends: say which file */
		if (!strstr(campaign_error_message(), path)) {
			char msg[1024]; /* copy first: the message is the buffer being rewritten */
			snprintf(msg, sizeof msg, "%s", campaign_error_message());
			error_set(CAMPAIGN_EIO, "%s: %s", path, msg);
		}
		rc = CAMPAIGN_EIO;
	}
	/* a migration that failed late has cached statements: finalized with the rest */
	campaign_close(db);
	return rc;
}

void campaign_close(campaign_db *db)
{
	if (!db)
		return;
	for (int i = 0; i < STMT_CACHE_MAX; i++)
		sqlite3_finalize(db->stmts[i].stmt);
	/* close_v2: cursors still open keep the connection alive until freed */
	sqlite3_close_v2(db->sql);
	audit_detach(db);
	keys_free(db);
	free(db);
}

int campaign_schema_version(campaign_db *db)
{
	int v = 0, rc;
	if ((rc = db_check(db)) || (rc = read_int(db, "PRAGMA user_version", &v)))
		return rc;
	return v;
}

/* The cache is an open-addressing table keyed by the address of the static
 * SQL text: a lookup costs a hash and a compare, at every row of an import. */
sqlite3_stmt *db_stmt(campaign_db *db, const char *sql)
{
	size_t h = ((size_t)(uintptr_t)sql >> 4) * 0x9e3779b97f4a7c15u;
	sqlite3_stmt *st;
	int rc;
	for (size_t i = 0; i < STMT_CACHE_MAX; i++) {
		size_t k = (h + i) & (STMT_CACHE_MAX - 1);
		if (db->stmts[k].sql == sql) {
			sqlite3_reset(db->stmts[k].stmt);
			sqlite3_clear_bindings(db->stmts[k].stmt);
			return db->stmts[k].stmt;
		}
		if (!db->stmts[k].sql) {
			rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
			if (rc != SQLITE_OK) {
				error_from_sqlite(db->sql, rc, "cannot prepare a statement");
				return NULL;
			}
			db->stmts[k].sql = sql;
			db->stmts[k].stmt = st;
			db->nstmt++;
			return st;
		}
	}
	error_set(CAMPAIGN_ERROR, "internal: the statement cache is full (raise STMT_CACHE_MAX)");
	return NULL;
}

int db_step_done(campaign_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = stmt_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return CAMPAIGN_OK;
	}
	rc = error_from_sqlite(db->sql, rc, what);
	sqlite3_reset(st);
	return rc;
}

int db_step_row(campaign_db *db, sqlite3_stmt *st, const char *what, int *rc)
{
	int s = stmt_step(st);
	if (s == SQLITE_ROW)
		return 1;
	if (s != SQLITE_DONE)
		*rc = error_from_sqlite(db->sql, s, what);
	return 0;
}

const char *db_column_text(sqlite3_stmt *st, int i, int *rc)
{
	/* the type first: a conversion that runs out of memory leaves the value NULL */
	int null = sqlite3_column_type(st, i) == SQLITE_NULL;
	const char *v = (const char *)sqlite3_column_text(st, i);
	if (v || null)
		return v;
	*rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
	return "";
}

int db_begin(campaign_db *db)
{
	int rc = exec(db, "BEGIN IMMEDIATE", "cannot start a transaction");
	if (!rc && (rc = audit_begin(db)))
		db_rollback(db);
	return rc;
}

/* SQLite rolls a transaction back itself after some failures (out of memory,
 * a full disk): a step whose failure went unseen must never turn into a
 * commit that reports success. */
static int transaction_lost(campaign_db *db)
{
	int code = sqlite3_extended_errcode(db->sql);
	if (!sqlite3_get_autocommit(db->sql))
		return CAMPAIGN_OK;
	/* a value read or bound that SQLite could not copy: it rolled back for want of memory */
	if (copy_lost_take())
		code = SQLITE_NOMEM;
	return error_from_sqlite(db->sql, code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW ? SQLITE_ERROR : code,
	                         "the transaction was rolled back by SQLite");
}

/* Seals the transaction's audit entries, then commits. */
int db_commit(campaign_db *db)
{
	int rc = transaction_lost(db);
	if (!rc)
		rc = audit_seal(db);
	if (!rc)
		rc = transaction_lost(db);
	if (!rc && !(rc = exec(db, "COMMIT", "cannot commit")))
		audit_witness_write(db); /* outside the transaction: only a committed head is witnessed */
	return rc;
}

void db_rollback(campaign_db *db)
{
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	audit_bulk_reset(db);
	buf_reset(&db->witness_head);
}

static const char SQL_CAMPAIGN_BY_ID[] = "SELECT rid FROM campaign WHERE id = ?1";
static const char SQL_CAMPAIGN_ONLY[] = "SELECT rid, id FROM campaign ORDER BY rid LIMIT 2";

int db_campaign_rid(campaign_db *db, const char *campaign, sqlite3_int64 *rid)
{
	sqlite3_stmt *st;
	int rc, n = 0;
	if (campaign) {
		if (!(st = db_stmt(db, SQL_CAMPAIGN_BY_ID)))
			return campaign_error_code_last();
		sqlite3_bind_text(st, 1, campaign, -1, SQLITE_STATIC);
		rc = stmt_step(st);
		if (rc == SQLITE_ROW) {
			*rid = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			return CAMPAIGN_OK;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return error_from_sqlite(db->sql, rc, "cannot look up the campaign");
		return error_set(CAMPAIGN_ENOTFOUND, "no campaign with id \"%s\"", campaign);
	}
	if (!(st = db_stmt(db, SQL_CAMPAIGN_ONLY)))
		return campaign_error_code_last();
	while ((rc = stmt_step(st)) == SQLITE_ROW) {
		*rid = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return error_from_sqlite(db->sql, rc, "cannot look up the campaign");
	if (n == 0)
		return error_set(CAMPAIGN_ENOTFOUND, "the store holds no campaign");
	if (n > 1)
		return error_set(CAMPAIGN_EINVALID, "the store holds several campaigns: name one");
	return CAMPAIGN_OK;
}

int db_object_rid(campaign_db *db, const char *table, sqlite3_int64 campaign, const char *id,
                  sqlite3_int64 *rid)
{
	/* table names come from the library itself, never from input */
	static const char *const sql[][2] = {
		{"body", "SELECT rid FROM body WHERE campaign = ?1 AND id = ?2"},
		{"phase", "SELECT rid FROM phase WHERE campaign = ?1 AND id = ?2"},
		{"task", "SELECT rid FROM task WHERE campaign = ?1 AND id = ?2"},
		{"measure", "SELECT rid FROM measure WHERE campaign = ?1 AND id = ?2"},
		{"outcome", "SELECT rid FROM outcome WHERE campaign = ?1 AND id = ?2"},
		{"milestone", "SELECT rid FROM milestone WHERE campaign = ?1 AND id = ?2"},
	};
	static const char *const what[] = {"body", "phase", "task", "measure", "outcome", "milestone"};
	if (!strcmp(table, "unit")) /* by its id, name or an alias */
		return unit_resolve(db, campaign, id, rid);
	if (!strcmp(table, "unit_group"))
		return group_resolve(db, campaign, id, rid);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		int rc;
		if (strcmp(sql[i][0], table) != 0)
			continue;
		if (!(st = db_stmt(db, sql[i][1])))
			return campaign_error_code_last();
		sqlite3_bind_int64(st, 1, campaign);
		sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
		rc = stmt_step(st);
		if (rc == SQLITE_ROW)
			*rid = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc == SQLITE_ROW)
			return CAMPAIGN_OK;
		if (rc != SQLITE_DONE)
			return error_from_sqlite(db->sql, rc, "lookup failed");
		return error_set(CAMPAIGN_ENOTFOUND, "no %s with id \"%s\"", what[i], id);
	}
	return error_set(CAMPAIGN_ERROR, "internal: unknown table %s", table);
}

/* The clock: time(), or the one a test sets. */
static time_t (*clock_now)(void);

void db_clock_set(time_t (*now)(void))
{
	clock_now = now;
}

static void utc_format(time_t t, const char *format, char *out, size_t n)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, n, format, &tm);
}

void db_now(char out[21])
{
	utc_format(clock_now ? clock_now() : time(NULL), "%Y-%m-%dT%H:%M:%SZ", out, 21);
}

void db_today(char out[11])
{
	time_t t = clock_now ? clock_now() : time(NULL);
	struct tm tm;
	/* the process's time zone (TZ, else /etc/localtime; UTC if neither): a bureau's machine keeps its own */
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}
