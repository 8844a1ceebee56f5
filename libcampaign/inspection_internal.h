/* Private helpers shared by the self-inspection modules (catalogue,
 * inspection rounds, findings, rectifications, case leads). Not installed. */
#ifndef CAMPAIGN_INSPECTION_INTERNAL_H
#define CAMPAIGN_INSPECTION_INTERNAL_H

#include "internal.h"

/* Statements prepared once per call (or per bulk import) and finalized at
 * its end, so that these modules do not fill the handle's statement cache. */
#define STMTS_MAX 16
typedef struct stmts {
	campaign_db *db;
	int n;
	struct { const char *sql; sqlite3_stmt *st; } s[STMTS_MAX];
} stmts;

/* The statement for the static string @sql, prepared on first use and reset
 * afterwards; NULL with the last error set. */
sqlite3_stmt *stmts_get(stmts *c, const char *sql);
void stmts_free(stmts *c);

/* Binds @s as text, or NULL when @s is NULL or empty. */
void bind_opt(sqlite3_stmt *st, int i, const char *s);
/* Copies column @i of the current row into @out (size @n); "" for NULL. */
void column_copy(sqlite3_stmt *st, int i, char *out, size_t n);

/* A required text argument: EINVALID naming @what when NULL or empty. */
int need(const char *s, const char *what);
/* A date argument "YYYY-MM-DD": EINVALID naming @what. */
int need_date(const char *s, const char *what);
/* @as_of, or today (UTC) when NULL, into @out. */
int insp_as_of(const char *as_of, char out[11]);
/* Looks up a one-row, one-integer result of @sql bound with (?1 int64, ?2 text);
 * *found says whether a row came. */
int lookup_rid(stmts *c, const char *sql, sqlite3_int64 a, const char *b, sqlite3_int64 *out, int *found);

/* Opens a cursor over @sql with ?1 bound to the campaign's row id into the
 * caller's local @out (not the caller's out-parameter: see query_done()). */
int query_open(campaign_cursor **out, campaign_db *db, const char *campaign, const char *sql, const char *types,
               sqlite3_int64 *crid);
/* Finishes a query: on failure frees @c and returns @rc; on success hands
 * @c to @out and marks success. */
int query_done(campaign_cursor **out, campaign_cursor *c, int rc);

/* A new buffer holding @id, for a created row's id (filled before the
 * commit, so that nothing can fail after it). */
int id_buf(struct campaign_buf **out, const char *id);

/* Parses an amount of money: yuan as decimal text with at most two decimals
 * ("12345", "12345.6", "12,345.67"), into fen. EINVALID naming the text. */
int amount_parse(const char *s, long long *fen);

/* Runs a write: access, transaction, commit; on failure rolls back and, for
 * a refusal, logs it. Used as:
 *   rc = write_begin(db, actor);  ... rc = write_end(db, rc, actor, op, campaign, object); */
int write_begin(campaign_db *db, const char *actor);
int write_end(campaign_db *db, int rc, const char *actor, const char *op, const char *campaign, const char *object);

/* ---- finding.c ---- */

/* The fields of a finding, for record and bulk import. */
typedef struct finding_in {
	const char *id, *unit, *category, *origin, *people, *description, *amount, *found_on, *round;
} finding_in;
/* Validates and inserts one finding inside the caller's transaction; the id
 * used (given or new) is written to @id_out (37 bytes or more). @log writes
 * its own call entry (a bulk import writes one for all its rows). */
int finding_insert(stmts *c, sqlite3_int64 crid, const char *campaign, const finding_in *f, const char *actor,
                   char *id_out, size_t id_size, int log);

/* ---- catalogue.c ---- */

/* Resolves "catalogue/category" or "catalogue@version/category" (latest
 * version when none is given) to the category's row id. */
int category_rid(stmts *c, sqlite3_int64 crid, const char *ref, sqlite3_int64 *rid);

/* ---- finding_import.c / catalogue.c: reading files ---- */

/* Reads a whole file into @b (NUL-terminated), checking it is UTF-8. */
int file_read_utf8(const char *path, struct campaign_buf *b);


/* One rectification's five fixes (rectification.c), shared with the ledger import. */
typedef struct rect_in {
	const char *id, *finding, *problem, *measure, *deadline, *responsible, *criterion;
} rect_in;
/* Checks the fields a rectification needs. */
int rect_check(const rect_in *r);
/* Inserts one rectification inside the caller's transaction; its id goes to @id. */
int rect_insert(stmts *c, sqlite3_int64 crid, const rect_in *r, const char *actor, char id[72]);

/* ---- row_import.c: bulk import of rows from CSV or YAML ---- */

#define ROW_MAX_FIELDS CSV_MAX_FIELDS

typedef struct row_import row_import;
/* What a row of an import is. */
typedef struct row_spec {
	const char *const *fields; /* column names, at most ROW_MAX_FIELDS */
	int nfields;
	const int *required;       /* indexes into fields */
	int nrequired;
	const char *noun;          /* "finding": "finding 3 must be a mapping" */
	const char *plural;        /* "findings": "expected a list of findings" */
	const char *operation;     /* the audit log's operation, "finding.import" */
	const char *api;           /* the public function, for argument errors */
	const char *file_noun;     /* "a findings file" */
	/* inserts one row (empty fields are NULL); returns a code, the last error set */
	int (*insert)(row_import *im, const char *const *v);
	/* the index of the field an insert's error message is about */
	int (*field_of)(const char *msg, int rc);
} row_spec;

struct row_import {
	stmts c;
	sqlite3_int64 crid;
	const char *campaign, *file, *actor;
	long rows;
	const row_spec *spec;
};

/* Imports @path (.csv or .yaml/.yml) by @spec in one transaction. */
int row_import_file(campaign_db *db, const char *campaign, const char *path, const char *actor, const row_spec *spec);

#endif
