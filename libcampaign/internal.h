/* Private declarations shared by the modules of libcampaign. Not installed. */
#ifndef CAMPAIGN_INTERNAL_H
#define CAMPAIGN_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <sqlite3.h>
#include "campaign/campaign.h"

#if defined(__GNUC__)
#  define CAMPAIGN_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#  define CAMPAIGN_PRINTF(a, b)
#endif

/* ---- error.c: the thread-local last error ---- */

/* Sets the last error and returns @code, so callers can `return error_set(...)`. */
int error_set(int code, const char *fmt, ...) CAMPAIGN_PRINTF(2, 3);
/* Same, with a position in a plan file; the message becomes "file:line:col: msg". */
int error_set_at(int code, const char *file, int line, int column, const char *fmt, ...)
	CAMPAIGN_PRINTF(5, 6);
/* Maps a SQLite result code to ours and copies sqlite3_errmsg(db) into the last error. */
int error_from_sqlite(sqlite3 *db, int rc, const char *what);
/* Marks success: the last error becomes CAMPAIGN_OK. */
void error_ok(void);

/* ---- util.c ---- */

/* A growable byte buffer (also the public campaign_buf). */
struct campaign_buf {
	char *data;
	size_t size;
	size_t cap;
};
int buf_append(struct campaign_buf *b, const char *s, size_t n);
int buf_puts(struct campaign_buf *b, const char *s);
int buf_printf(struct campaign_buf *b, const char *fmt, ...) CAMPAIGN_PRINTF(2, 3);
void buf_reset(struct campaign_buf *b);
/* The SHA-256 of @n bytes at @data, as 64 lower-case hex digits and a NUL in
 * @out (OpenSSL's libcrypto); CAMPAIGN_ERROR if the digest fails. */
int sha256_hex(const void *data, size_t n, char out[65]);
char *str_dup(const char *s);          /* NULL-safe strdup */
int utf8_valid(const char *s, size_t n); /* 1 if @s is well-formed UTF-8 */
size_t utf8_invalid_offset(const char *s, size_t n); /* offset of the first bad byte, or n */

/* ---- csv.c: CSV files for the bulk importers, streamed record by record ---- */

#define CSV_MAX_FIELDS 16

/* A file read record by record (RFC 4180, UTF-8, optional BOM). */
typedef struct csv_reader {
	FILE *f;
	const char *file;   /* the path, for messages */
	char *buf;          /* cap + 1 bytes */
	size_t cap;
	char *p, *end;      /* the bytes read and not yet parsed */
	long long base;     /* the file offset of buf[0] */
	int eof;
	int utf8_at_line;   /* bad UTF-8 named by the record's line (progress) rather than the byte offset */
	int line, col;      /* where p is, col in characters */
} csv_reader;

/* Opens @path (EIO naming it) and skips a BOM. */
int csv_open(csv_reader *c, const char *path, int utf8_at_line);
void csv_close(csv_reader *c);
/* Makes the next record wholly readable by csv_next_field; *got is 0 at the
 * end of the file. EINVALID when the record is not UTF-8. */
int csv_record(csv_reader *c, int *got);
/* 1 (and skips it) when the record is a blank line. */
int csv_blank(csv_reader *c);
/* One field of the record, unquoted in place and NUL-terminated, with where
 * it starts. Returns ',' (more fields), '\n' (end of record), 0 (end of
 * input) or -1 (a malformed quote). */
int csv_next_field(csv_reader *c, char **out, int *line, int *col);

/* A row of a bulk import, CSV or YAML: values by column (NULL when absent),
 * where each starts, and the line where the row starts. */
typedef struct csv_row {
	const char *v[CSV_MAX_FIELDS];
	int line[CSV_MAX_FIELDS], col[CSV_MAX_FIELDS];
	int line0;
} csv_row;

/* The columns an importer knows. */
typedef struct csv_table {
	const char *const *fields;
	int nfields;
	const int *required; /* indexes into fields, in the order the header is checked */
	int nrequired;
	const char *empty;   /* the message for an empty file; NULL: the header check names it */
} csv_table;

/* Reads the header (columns in any order), then calls @each for every row,
 * blank lines skipped; *rows counts the rows read. Stops at the first error. */
int csv_import(csv_reader *c, const csv_table *t, long *rows, int (*each)(void *ctx, csv_row *r), void *ctx);

/* ---- deadline.c ---- */

/* A parsed date range. A field is 0 when not set; open_ended means no dates. */
typedef struct deadline_range {
	int open_ended;
	int first_y, first_m, first_d;
	int last_y, last_m, last_d;
} deadline_range;

/* Parses @text (see campaign/deadline.h); @year is the context year or 0.
 * Returns CAMPAIGN_OK or sets the last error (CAMPAIGN_EINVALID, message quoting
 * the text) and returns it. */
int deadline_parse_range(deadline_range *out, const char *text, int year);
/* Formats y-m-d as "YYYY-MM-DD" into @out (11 bytes). */
void deadline_format_date(char out[11], int y, int m, int d);

#endif

/* ---- store.c ---- */

#define STMT_CACHE_MAX 512 /* a power of two, well above the library's static statements */

struct campaign_db {
	sqlite3 *sql;
	int readonly;
	sqlite3_int64 audit_start; /* the last audit entry before this transaction */
	int has_search;            /* the store has the search index and the tables it covers */
	struct audit_bulk *bulk;   /* bulk mode's queue (audit_bulk.c), NULL until first used */
	struct campaign_buf audit_sql[3]; /* the audit triggers: AUDIT_SQL_NORMAL, _BULK, _DROP */
	int nstmt;
	struct { const char *sql; sqlite3_stmt *stmt; } stmts[STMT_CACHE_MAX];
};

/* Checks a handle argument; sets EINVALID for NULL. */
int db_check(campaign_db *db);
/* Checks that the store may be written and @actor is given. */
int db_check_write(campaign_db *db, const char *actor);
/* Returns a prepared statement for the static string @sql, prepared once per
 * handle and reset for reuse; NULL with the last error set on failure. */
sqlite3_stmt *db_stmt(campaign_db *db, const char *sql);
int db_begin(campaign_db *db);
int db_commit(campaign_db *db);
void db_rollback(campaign_db *db);
/* Runs a cached statement that returns no rows; maps errors. */
int db_step_done(campaign_db *db, sqlite3_stmt *st, const char *what);
/* Resolves a campaign id (NULL: the only one) to its row id. */
int db_campaign_rid(campaign_db *db, const char *campaign, sqlite3_int64 *rid);
/* Resolves the text id of an object of @table in a campaign to its row id. */
int db_object_rid(campaign_db *db, const char *table, sqlite3_int64 campaign, const char *id,
                  sqlite3_int64 *rid);
/* Appends a call entry to the audit log: who did what (inside the caller's
 * transaction; outside one it commits on its own, for logged reads). The
 * rows the transaction changed are logged by triggers and sealed with it. */
int db_log(campaign_db *db, const char *actor, const char *operation, const char *campaign,
           const char *object, const char *detail);
/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
void db_now(char out[21]);

/* ---- progress.c ---- */

/* A new UUIDv7 id, time-ordered, unique across sites. */
void db_new_id(char out[37]);
/* 1 if @s is a real calendar date "YYYY-MM-DD". */
int date_valid(const char *s);
/* Checks a report's status, percent and date. */
int progress_check(const char *status, int percent, const char *date);
/* Validates and inserts one report inside the caller's transaction; @log
 * writes its own call entry (a bulk import writes one for all its rows). */
int progress_insert(campaign_db *db, sqlite3_int64 crid, const char *campaign, const char *outcome,
                    const char *unit, const char *status, int percent, const char *date, const char *note,
                    const char *evidence, const char *actor, int log);

/* ---- audit.c ---- */

/* Notes where the transaction's audit entries start (from db_begin). */
int audit_begin(campaign_db *db);
/* Seals the transaction's entries into the hash chain (from db_commit). */
int audit_seal(campaign_db *db);
/* After a migration: baselines a new log and seals what was carried over. */
int audit_migrated(campaign_db *db);
/* Creates this connection's audit stage and TEMP staging triggers (read-write handles). */
int audit_attach(campaign_db *db);
/* Frees what audit_attach and bulk mode keep in the handle (at close, or a failed open). */
void audit_detach(campaign_db *db);
/* Bulk mode, for importers, inside their transaction (after db_begin): rows
 * the transaction inserts into rowid tables are logged as batches, one entry
 * per run of consecutive rowids with a SHA-256 digest of every row's image,
 * instead of one entry with the full image per row. Updates and deletes are
 * still logged row by row, in order. Ends with the transaction. */
int db_bulk_begin(campaign_db *db);
/* Call between rows of a bulk import: stages the batches that are full, so
 * memory stays bounded. Cheap when there is nothing to do. */
int db_bulk_tick(campaign_db *db);
/* audit_bulk.c's side of the seal, rollback and close; the SQL functions
 * the triggers call; the hex SHA-256 of a batch's digests (its `after`). */
int audit_bulk_register(campaign_db *db);
/* A rowid table bulk mode watches, with its key, object and image expressions over alias T. */
int audit_bulk_table(campaign_db *db, const char *name, const char *key, const char *object, const char *image);
void audit_bulk_forget_tables(campaign_db *db);
int audit_bulk_flush(campaign_db *db);
int audit_bulk_end(campaign_db *db);
void audit_bulk_reset(campaign_db *db);
void audit_bulk_free(campaign_db *db);
enum { AUDIT_SQL_NORMAL, AUDIT_SQL_BULK, AUDIT_SQL_DROP };
/* Installs the bulk set of audit triggers (1) or the normal set (0). */
int audit_triggers(campaign_db *db, int bulk);

/* ---- access.c ---- */

typedef enum access_action {
	ACCESS_PLAN = 0,         /* change the plan and campaign-wide data */
	ACCESS_UNIT = 1,         /* write a unit's own records (progress, self-inspection, rectification) */
	ACCESS_CONFIDENTIAL = 2, /* read confidential records */
	ACCESS_GRANT = 3         /* grant and revoke roles */
} access_action;

/* OK, or EPERM with a message saying who may not do what; writes nothing.
 * @unit is the unit's rid for ACCESS_UNIT. */
int access_check(campaign_db *db, const char *actor, access_action action, sqlite3_int64 unit, const char *what);
/* Logs the refusal in the last error (its own transaction) and returns EPERM. */
int access_denied(campaign_db *db, const char *actor, const char *what, const char *campaign, const char *object);
/* access_check(), and on refusal access_denied(): call before db_begin(). */
int access_guard(campaign_db *db, const char *actor, access_action action, sqlite3_int64 unit, const char *what,
                 const char *campaign, const char *object);

/* ---- search.c ---- */

/* Registers the "campaign_cjk" FTS5 tokenizer on the connection. */
int search_register(campaign_db *db);
/* Re-indexes the findings and rectifications changed after audit entry @after_seq. */
int search_sync(campaign_db *db, sqlite3_int64 after_seq);

/* ---- cursor.c ---- */

/* Prepares a cursor over @sql; @types has one letter per result column:
 * 't' text, 'i' integer, 'd' date. Bind parameters with cursor_stmt(). */
int cursor_prepare(campaign_cursor **out, campaign_db *db, const char *sql, const char *types);
sqlite3_stmt *cursor_stmt(campaign_cursor *c);

/* ---- yaml_import.c / yaml_export.c ---- */
int plan_import(campaign_db *db, const char *data, size_t len, const char *name, const char *actor,
                const campaign_import_options *opts);
int plan_export(struct campaign_buf *out, campaign_db *db, sqlite3_int64 campaign);
