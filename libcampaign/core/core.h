/* The core's private header: the store, statements, the write envelope, cursors
 * and the query path, errors, ids, dates, UTF-8, audit, access and search.
 * Every domain includes it (and io/io.h, and its own header). Not installed. */
#ifndef CAMPAIGN_CORE_PRIVATE_H
#define CAMPAIGN_CORE_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>
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
/* Same, with a cell of a sheet: "file: Sheet1!C7: msg" (line the row, column
 * the column, both from 1); @sheet NULL is error_set_at(). */
int error_set_cell(int code, const char *file, const char *sheet, int line, int column, const char *fmt, ...)
	CAMPAIGN_PRINTF(6, 7);
/* The position prefix error_set_cell() writes ("file:7:3: " or "file: Sheet1!C7: ") into @out. */
void error_cell_prefix(char *out, size_t n, const char *file, const char *sheet, int line, int column);
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
/* Writes @b to the file @path whole: beside it, then renamed, so that a reader
 * never sees half a file. EIO "PATH: cannot write the file". */
int buf_write_file(const struct campaign_buf *b, const char *path);
/* The SHA-256 of @n bytes at @data, as 64 lower-case hex digits and a NUL in
 * @out (OpenSSL's libcrypto); CAMPAIGN_ERROR if the digest fails. */
int sha256_hex(const void *data, size_t n, char out[65]);
char *str_dup(const char *s);          /* NULL-safe strdup */
int utf8_valid(const char *s, size_t n); /* 1 if @s is well-formed UTF-8 */
size_t utf8_invalid_offset(const char *s, size_t n); /* offset of the first bad byte, or n */

/* ---- store.c ---- */

#define STMT_CACHE_MAX 512 /* a power of two, well above the library's static statements */

struct campaign_db {
	sqlite3 *sql;
	int readonly;
	sqlite3_int64 audit_start; /* the last audit entry before this transaction */
	int has_search;            /* the store has the search index and the tables it covers */
	struct audit_bulk *bulk;   /* bulk mode's queue (audit_bulk.c), NULL until first used */
	struct campaign_buf audit_sql[3]; /* the audit triggers: AUDIT_SQL_NORMAL, _BULK, _DROP */
	/* the host's secrets (keys.c), from campaign_open_with(); never written into the store */
	unsigned char key[32];     /* the confidential fields' key, when has_key */
	int has_key;
	struct evp_pkey_st *signing_key; /* the store's Ed25519 private key (OpenSSL EVP_PKEY), or NULL */
	char *witness_file;        /* where the signed head goes after each commit, or NULL */
	struct campaign_buf witness_head; /* the head this transaction sealed, for witness_file once committed */
	int site;                  /* sync/: 0 not read yet, else enum sync_site_state */
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
/* The binding door. SQLite leaves a parameter NULL when it cannot copy the
 * value (SQLITE_TRANSIENT, sqlite3_bind_value()) and the step then runs: a
 * lookup reads "no such row", an insert writes NULL, for want of memory. So
 * every copying bind goes through bind_copy() / bind_value_copy(), and every
 * step through stmt_step(), which fails with SQLITE_NOMEM after a copy of
 * this thread was lost; db_check() (the start of every call) forgets one.
 * A column read that cannot copy (column_copy()) counts as lost too. */
int bind_copy(sqlite3_stmt *st, int i, const char *s, int n);
int bind_value_copy(sqlite3_stmt *st, int i, const sqlite3_value *v);
int stmt_step(sqlite3_stmt *st);
void copy_lost_set(void);
/* Whether a copy was lost since the last call (and forgets it). */
int copy_lost_take(void);
/* An SQL function of the library failed with @code (its message given to
 * sqlite3_result_error()): the step's SQLITE_ERROR is reported with @code. */
void sql_function_failed(int code);
int db_commit(campaign_db *db);
void db_rollback(campaign_db *db);
/* Runs a cached statement that returns no rows; maps errors. */
int db_step_done(campaign_db *db, sqlite3_stmt *st, const char *what);
/* Steps @st in a loop: 1 on a row; 0 when the rows are over or the step
 * failed, the failure (out of memory, a corrupt page) then in *rc -- a failed
 * step is never read as "no more rows". Leaves *rc as it is otherwise. */
int db_step_row(campaign_db *db, sqlite3_stmt *st, const char *what, int *rc);
/* Column @i as text, NULL for an SQL NULL; a value that could not be
 * converted (out of memory) sets *rc to CAMPAIGN_ENOMEM and gives "". */
const char *db_column_text(sqlite3_stmt *st, int i, int *rc);
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
/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (the time a thing was recorded). */
void db_now(char out[21]);
/* Today as "YYYY-MM-DD": the one place "today" is taken (every default date,
 * "not after today"), and it is the local date of the process's time zone
 * (TZ, else the system's), the bureau's day: with TZ=Asia/Shanghai at 02:36
 * on 12-02 Beijing time it is 12-02, though UTC is still 12-01. */
void db_today(char out[11]);
/* For tests: the clock db_now() and db_today() read (NULL: time()). */
void db_clock_set(time_t (*now)(void));

/* ---- keys.c: the host's keys, and Ed25519 signing (OpenSSL's libcrypto) ---- */

struct campaign_open_options;
/* Reads and checks the keys of @o into @db (before the store is touched). */
int keys_load(campaign_db *db, const struct campaign_open_options *o);
/* Wipes the key and frees the signing key (at close). */
void keys_free(campaign_db *db);
/* An Ed25519 key from PEM text: private (1) or public (0); NULL if it is not one. */
struct evp_pkey_st *key_read_pem(const char *pem, int private_key);
/* Signs @n bytes with the store's signing key; CAMPAIGN_EINVALID if the store has none. */
int db_sign(campaign_db *db, const void *msg, size_t n, unsigned char sig[64]);
/* Signs @n bytes with @key (db_sign's door, for a key given to one call: a checkpoint's). */
int key_sign(struct evp_pkey_st *key, const void *msg, size_t n, unsigned char sig[64]);
/* 1 if @sig is @key's Ed25519 signature of the @n bytes (a private key checks with its public half). */
int key_verify(struct evp_pkey_st *key, const void *msg, size_t n, const unsigned char sig[64]);
/* The public half of @key in PEM form, into @out (reset first). */
int key_public_pem(struct evp_pkey_st *key, struct campaign_buf *out);
/* A key's id: the SHA-256 (hex) of its public PEM text, which goes to @pem. */
int key_id(struct evp_pkey_st *key, char id[65], struct campaign_buf *pem);

/* 64 hex digits (then at most an end of line) into @key; EINVALID naming @where. */
int key_from_hex(const char *hex, size_t n, unsigned char key[32], const char *where);

/* ---- crypt.c: confidential fields sealed at rest (AES-256-GCM), the one door ----
 *
 * Every secret text column of a *_confidential table is stored sealed under
 * the host's key (db->key), as "enc1:KEYID:BASE64"; the additional data is
 * the table, the column and the row's key. A domain writes and reads such a
 * column in its own statement with SEAL() and UNSEAL(), after crypt_ready(). */

/* ELOCKED unless the store's confidential fields may be read (@write 0) or
 * written (1) with the open key: "the store was opened without its key:
 * confidential fields are locked", "the key does not match this store's
 * confidential fields". The first write of a store never keyed records the
 * key's check (inside the caller's transaction). */
int crypt_ready(campaign_db *db, int write);
/* Seals @plain for column @column of the row @row_key of @table, into @out (reset first). */
int crypt_seal(campaign_db *db, const char *table, const char *column, const char *row_key, const char *plain,
               struct campaign_buf *out);
/* Opens a stored value (clear text from before the key: as it is), into @out (reset first). */
int crypt_open(campaign_db *db, const char *table, const char *column, const char *row_key, const char *value,
               struct campaign_buf *out);
/* Registers the SQL functions seal(), unseal() and reseal() on the connection (at open). */
int crypt_register(campaign_db *db);
/* SQL of a sealed value: table T and column C (string literals), the row's key K and the value V (SQL). */
#define SEAL(T, C, K, V) "seal('" T "', '" C "', " K ", " V ")"
#define UNSEAL(T, C, K, V) "unseal('" T "', '" C "', " K ", " V ")"

/* ---- mask.c: names masked for public release (王𠀋明 -> 王某, 欧阳修 -> 欧阳某, Smith -> S.) ---- */

/* The mask of the @n-byte name @name, appended to @out. */
int mask_name(const char *name, size_t n, struct campaign_buf *out);
/* @text with every occurrence of each name of @people (separated by 、，,;；/ or spaces) masked, appended to @out. */
int mask_names(const char *text, const char *people, struct campaign_buf *out);
/* Registers the SQL function mask_names(text, people) on the connection (at open). */
int mask_register(campaign_db *db);

/* ---- audit.c ---- */

/* Notes where the transaction's audit entries start (from db_begin). */
int audit_begin(campaign_db *db);
/* Seals the transaction's entries into the hash chain (from db_commit). */
int audit_seal(campaign_db *db);
/* audit_head.c: the seal's signed head (when the handle has a signing key),
 * kept in audit_head, and the witness file written after COMMIT. */
int audit_head_seal(campaign_db *db, sqlite3_int64 seq, const char *hash);
/* Writes the head the committed transaction sealed to the witness file (after COMMIT). */
void audit_witness_write(campaign_db *db);
/* An earlier head or checkpoint, parsed from a witness text (audit_witness_next). */
typedef struct audit_witness {
	int checkpoint;           /* 1: a checkpoint (entries is its count), 0: a head */
	long long entries, seq;
	char hash[65];
	int is_signed;            /* a head without a signature (a store without key) is taken as given */
} audit_witness;
/* Reads the next block of @*text (a checkpoint or head) into @w, checking its
 * signature with @key (NULL: the store's recorded key that the block names);
 * 0 at the end of the text; EINVALID for a block that is neither or whose
 * signature does not verify. */
int audit_witness_next(campaign_db *db, const char **text, struct evp_pkey_st *key, audit_witness *w);
/* 1 if head row @h (its columns seq, hash, site, at, signature, first) verifies with @key. */
int audit_head_valid(sqlite3_stmt *h, struct evp_pkey_st *key);

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

/* The hash of an audit entry after @prev over its 13 hashed fields (seq, at,
 * kind, tbl, key, object, actor, operation, campaign, detail, before, after,
 * call; NULL for an SQL NULL), hex into @out: sync/ checks received chains with it. */
int audit_entry_hash(const char *const f[13], const char *prev, char out[65]);

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
/* The role of @actor ("" for none; *any 0 when the store has no roles, the
 * rest then unset), the unit's row id and name for a unit_clerk. */
int access_role_of(campaign_db *db, const char *actor, int *any, char role[32], sqlite3_int64 *unit,
                   char unit_name[256]);
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

/* The query path's primitive (query_begin() is the door domains use):
 * prepares @sql, paged, with @types checked -- one letter per result column,
 * 't' text, 'i' integer, 'd' date. Bind parameters with cursor_stmt(). */
int cursor_prepare(campaign_cursor **out, campaign_db *db, const char *sql, const char *types);
sqlite3_stmt *cursor_stmt(campaign_cursor *c);

/* The units of site P's subtree (P: an SQL expression, e.g. "?1"), the one
 * rule of campaign_cursor_site(), campaign_site_units_query() and a bundle's
 * ownership (sync/apply.c): the CTE "subtree(code)" is the site and the known
 * sites below it; "owned(rid, site)" each unit one of them is in the plan
 * (site.unit), and the units below it in the plan that are no site's own
 * (a city's departments), with the site that unit belongs to -- the nearest. */
#define SQL_SITE_OWNED(P)                                                                                            \
	"WITH RECURSIVE subtree(code) AS (SELECT " P " UNION SELECT s.code FROM site s JOIN subtree t ON s.parent = t.code), " \
	"owned(rid, site) AS (SELECT u.rid, s.code FROM unit u JOIN site s ON s.unit = u.id JOIN subtree t ON t.code = s.code " \
	"UNION SELECT u.rid, o.site FROM unit u JOIN owned o ON u.parent = o.rid "                                      \
	"WHERE NOT EXISTS (SELECT 1 FROM site x WHERE x.unit = u.id)) "

/* ---- ids and dates (util.c) ---- */

/* A new UUIDv7 id, time-ordered, unique across sites. */
void db_new_id(char out[37]);
/* 1 if @s is a real calendar date "YYYY-MM-DD". */
int date_valid(const char *s);

/* ---- toolkit.c: statements per call, arguments, writes, queries ---- */

/* Statements prepared once per call (or per bulk import) and finalized at
 * its end, so that these modules do not fill the handle's statement cache. */
#define STMTS_MAX 32 /* a bundle apply prepares some 25 */
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
/* Binds ?1, ?2, ... of @st from the arguments, one letter of @types each:
 * 't' text (NULL binds NULL), 'T' the same, copied, 'o' optional text (NULL
 * or "" binds NULL, as bind_opt()), 'i' int, 'I' sqlite3_int64, 'r' a row id
 * as sqlite3_int64 (0 binds NULL: no such row). Texts bound with 't' or 'o'
 * are not copied: they must live until the statement is stepped (a cursor
 * that outlives the call takes 'T'). */
void bind_all(sqlite3_stmt *st, const char *types, ...);
/* Copies column @i of the current row into @out (size @n); "" for NULL (and
 * for a value SQLite could not copy, remembered as lost: see stmt_step()). */
void column_copy(sqlite3_stmt *st, int i, char *out, size_t n);

/* A required text argument: EINVALID naming @what when NULL or empty. */
int need(const char *s, const char *what);
/* A date argument "YYYY-MM-DD": EINVALID naming @what. */
int need_date(const char *s, const char *what);
/* @v is one of @set (NULL-terminated): EINVALID naming @what, with @list,
 * when missing or not. */
int one_of(const char *v, const char *const *set, const char *what, const char *list);
/* @as_of, or today (db_today(): the local date) when NULL, into @out. */
int insp_as_of(const char *as_of, char out[11]);
/* Looks up a one-row, one-integer result of @sql bound with (?1 int64, ?2 text);
 * *found says whether a row came. */
int lookup_rid(stmts *c, const char *sql, sqlite3_int64 a, const char *b, sqlite3_int64 *out, int *found);
/* Steps @sql, bound with (?1 int64 @a, ?2 text @b), to its first row and
 * returns the statement: *@found says whether a row came (read it, then
 * sqlite3_reset() the statement). NULL with the error set when it cannot be
 * prepared or the step fails -- a failure is never "no such row". */
sqlite3_stmt *row_first(stmts *c, const char *sql, sqlite3_int64 a, const char *b, int *found);

/* The one query opener. Checks @out (setting *out to NULL) and the handle;
 * when @crid is not NULL resolves @campaign (NULL: the only one) and binds ?1
 * to its row id; prepares @sql through the query path (paged, its @types
 * checked against its columns: 't' text, 'i' integer, 'd' date) into *c.
 * The caller binds its own parameters to cursor_stmt(*c) (numbered below
 * ?97) and ends with query_done(out, *c, rc). */
int query_begin(campaign_cursor **out, campaign_cursor **c, campaign_db *db, const char *campaign, const char *sql,
                const char *types, sqlite3_int64 *crid);
/* Binds ?@n of @c to the row id of object @id of @table in campaign @crid
 * (ENOTFOUND naming it); leaves ?@n NULL when @id is NULL: no filter. */
int query_bind_object(campaign_db *db, campaign_cursor *c, int n, const char *table, sqlite3_int64 crid,
                      const char *id);
/* Finishes a query: on failure frees @c and returns @rc; on success hands
 * @c to @out and marks success. */
int query_done(campaign_cursor **out, campaign_cursor *c, int rc);
/* A whole query: query_begin() with ?1 the campaign, then ?2, ?3 ... bound
 * from the arguments after @binds, one letter each: 't' a text filter
 * (const char *; NULL or "": any), 'u' a unit filter (a unit or group
 * as units_bind() takes it, for UNITS_IN_OPT()), 'i' an int, 'd' a date as of which
 * (const char *; NULL: today), checked before the store is read; then
 * query_done(). At most 8. */
int query_run(campaign_cursor **out, campaign_db *db, const char *campaign, const char *sql, const char *types,
              const char *binds, ...);

/* The versioned options structs of the public API (their first member is
 * `unsigned int version`): one check and one init for every one of them.
 * @what names the struct, "campaign_finding_add_options". */
int options_check(const void *opts, unsigned int known, const char *what);
int options_init(void *opts, size_t size, unsigned int version, unsigned int known, const char *what);
/* Defines the public campaign_NAME_options_init() of campaign_NAME_options. */
#define OPTIONS_INIT_FN(name, known)                                                                         \
	int campaign_##name##_options_init(campaign_##name##_options *opts, unsigned int version)                  \
	{                                                                                                          \
		return options_init(opts, sizeof *opts, version, known, "campaign_" #name "_options");                 \
	}

/* A new buffer holding @id, for a created row's id (filled before the
 * commit, so that nothing can fail after it). */
int id_buf(struct campaign_buf **out, const char *id);

/* The inspection tour of unit @unit in @year: its id into @id ("" if none)
 * and its conducted date into @done ("" if not yet). */
int tour_of(stmts *c, sqlite3_int64 crid, sqlite3_int64 unit, int year, char id[72], char done[16]);

/* Parses an amount of money: yuan as decimal text with at most two decimals
 * ("12345", "12345.6", "12,345.67"), into fen. EINVALID naming the text. */
int amount_parse(const char *s, long long *fen);


/* ---- write.c: the one write envelope ----
 *
 * Every public write runs through db_write(): the handle and actor checks,
 * the call's own argument checks, the access check (a refusal is logged),
 * the call's preparation outside the transaction (op->prepare: reading a file),
 * BEGIN, the campaign's row id, bulk audit mode when asked, the body, the
 * call entry of the audit log, the seal and COMMIT -- or ROLLBACK, and for a
 * refusal met inside the body, its log entry once the transaction is gone.
 * The operation is named once, in op->name. Nothing else begins or commits.
 *
 * A write whose access depends on a row it reads (a unit's own record) takes
 * .access = WRITE_ANY and calls access_check() in its body: the EPERM rolls
 * the transaction back and is logged as a refusal of op->object. A grant or
 * revocation takes .access = ACCESS_GRANT. A read that must be logged uses
 * db_log_read(). A bulk import takes WRITE_BULK (and WRITE_OWN_LOG when it
 * writes its own call entry, after its rows' batches).
 * A write whose context is a versioned options struct names it in
 * op->options and op->options_name, and one that needs the object it is about,
 * op->object_needed (and one whose detail is its date, op->detail_date): the
 * envelope checks them before op->check. A public write
 * of options alone is written OPTIONS_WRITE_FN() or OPTIONS_ADD_FN().
 *
 *   static int add_body(write_op *op, void *ctx) { ... op->crid, op->st ... }
 *   write_op op = {.name = "rectification.add", .actor = actor, .campaign = campaign,
 *                  .object = finding, .access = ACCESS_PLAN, .body = add_body};
 *   return db_write(db, &op, &args, out_id);
 */
/* The envelope's capture hook, implemented in sync/capture.c (the store's
 * site, SQLite's session extension): write_run() calls it around the body. */
/* One write transaction's recording: NULL session at a store that is no site. */
typedef struct sync_capture {
	struct sqlite3_session *session;
} sync_capture;

/* After BEGIN: at a site, a session on the replicated tables (sync_table);
 * at a store that is no site, nothing (one flag in the handle). */
int sync_capture_begin(campaign_db *db, sync_capture *cap);
/* Before COMMIT: the session's changeset (when not empty) into sync_outbox. */
int sync_capture_end(campaign_db *db, sync_capture *cap);
void sync_capture_free(sync_capture *cap);
#define WRITE_ANY (-1) /* op->access: no check before the body (it checks per row) */
enum write_flags {
	WRITE_NO_CAMPAIGN = 1, /* the write is not about one campaign: op->crid stays 0 */
	WRITE_OWN_LOG = 2,     /* the body writes its own call entries (or none) */
	WRITE_BULK = 4,        /* bulk audit mode for the transaction (db_bulk_begin) */
	WRITE_NOT_DENIED = 8,  /* an EPERM from the transaction is returned, not logged as a refusal */
	WRITE_NO_CAPTURE = 16  /* the changes are not recorded in the outbox (sync/: a bundle applied) */
};

/* A text member of the struct a write is given (its options), checked at
 * the door: its name for the error and its offset, WRITE_TEXT(type, member).
 * A list of them ends with {NULL, 0}. */
typedef struct write_text {
	const char *field;
	size_t at;
} write_text;
#define WRITE_TEXT(TYPE, MEMBER) {#MEMBER, offsetof(TYPE, MEMBER)}
/* Every text member of options struct TYPE, generated from the public header
 * (tools/gen_write_texts.py): static const write_text X[] = WRITE_TEXTS(T); */
#define WRITE_TEXTS(TYPE) WRITE_TEXTS_##TYPE
#include "write_texts.h"

typedef struct write_op write_op;
struct write_op {
	/* given by the caller */
	const char *name;     /* the operation, "rectification.add": its entry, the access check, a refusal */
	const char *actor;
	const char *campaign; /* as the caller named it; NULL: the only one */
	const char *object;   /* what the call is about, for its entry and a refusal (the body may set it) */
	const char *detail;   /* the call entry's detail (the body may set it) */
	int access;           /* an access_action checked before BEGIN, or WRITE_ANY */
	sqlite3_int64 unit;   /* the unit's row id, for ACCESS_UNIT */
	int flags;            /* enum write_flags */
	unsigned int options;     /* the known version of the options struct the context is, checked first */
	const char *options_name; /* its name, "campaign_finding_add_options"; NULL: the context is none */
	const char *object_needed; /* then, when set: op->object must be given, this names it ("the lead") */
	const char *detail_date;   /* then, when set: op->detail is the call's date, YYYY-MM-DD, this names it */
	/* the text inputs, refused unless valid UTF-8 ("note is not valid UTF-8 (byte 3)") before
	   anything but the handle and the options' version: op->actor and op->campaign always, these
	   members of the options struct op->text_of (NULL: none; db_write_options() sets it), and
	   loose arguments as (field, value) pairs */
	const write_text *texts;
	const void *text_of;
	const char *const *text_args; /* "name", name, ..., NULL; a NULL value is skipped */
	int (*check)(void *ctx);              /* argument checks, before anything is read; may be NULL */
	int (*prepare)(write_op *op, void *ctx); /* after the access check, before BEGIN: work that needs no
	                                            transaction (reading and parsing a file); may be NULL.
	                                            What it keeps in @ctx the caller frees after db_write() */
	int (*body)(write_op *op, void *ctx); /* the write, inside the transaction */
	/* for the body */
	campaign_db *db;
	sqlite3_int64 crid;           /* the campaign's row id */
	stmts st;                     /* statements of this call, finalized at its end */
	char id[72];                  /* room for an id the body makes (op->object may point here) */
	struct campaign_buf *result;  /* what the body makes for the caller: handed over on success, freed otherwise */
};

/* EINVALID "@field is not valid UTF-8 (byte N)" unless @s (NULL: none) is
 * well-formed UTF-8; N counts from 0. The door's check, for a caller's own texts. */
int text_check(const char *field, const char *s);
/* Runs @op as one transaction. On success hands op->result to *out (when
 * @out is not NULL) and marks success; on failure nothing is left written. */
int db_write(campaign_db *db, write_op *op, void *ctx, struct campaign_buf **out);
/* A new buffer holding @s for op->result (an id made by the body). */
int write_result(write_op *op, const char *s);
/* A logged read (a confidential record, a person's file) and a refusal's
 * entry: the call entry alone, through the envelope, in a transaction of its
 * own (no campaign row id, no access check: the caller made it). db_log()
 * outside a transaction comes here. */
int db_log_read(campaign_db *db, const char *actor, const char *operation, const char *campaign, const char *object,
                const char *detail);

/* shared by the domains (dedupe, inspection/risk side) */

/* Runs the write statement @sql to its end: prepared through @c (NULL: the
 * handle's cache, db_stmt()), bound as bind_all() with @types, stepped as
 * db_step_done() with @what naming the failure. */
int stmt_run(stmts *c, campaign_db *db, const char *sql, const char *what, const char *types, ...);
/* Reads the first row of @sql bound as row_first() (@b: the object's id)
 * into the arguments, column by column, one letter of @types each: 'I' a
 * sqlite3_int64 *, 't' a char buffer and its size (size_t) as column_copy().
 * ENOTFOUND "no @what with id "@b"" when there is no row. */
int row_copy(stmts *c, const char *sql, sqlite3_int64 a, const char *b, const char *what, const char *types, ...);

/* shared by the domains (dedupe, accountability side) */

/* Copies columns 0 .. @n-1 of the current row, as column_copy() does, into
 * the buffers given after @n as (char *out, size_t size) pairs, each written
 * COLUMN_TO(field) for a char array: columns_copy(st, 2, COLUMN_TO(s->id), COLUMN_TO(s->on)). */
void columns_copy(sqlite3_stmt *st, int n, ...);
#define COLUMN_TO(field) (field), sizeof(field)

/* The context of a write that counts what it made: what the call was given
 * (@in), the count its body makes (@n), room for the call entry's detail. */
typedef struct write_count {
	const void *in;
	int n;
	char detail[64];
} write_count;
/* db_write() with @w as the context: the count its body made, or the error. */
int db_write_count(campaign_db *db, write_op *op, write_count *w);

/* A public write whose options struct is its whole context: @op is the fixed
 * part of every call's write_op (name, access, flags, check, body); the call
 * entry names the options' members at @object_at and @detail_at (offsetof a
 * const char * member; 0: none -- the version stands there, so that a macro
 * below given `version` for either names nothing). */
typedef struct options_write {
	write_op op;
	size_t object_at, detail_at;
} options_write;
/* db_write() of one call of @w with @opts as its context (a NULL @opts names
 * nothing; the check refuses it). */
int db_write_options(campaign_db *db, const options_write *w, const char *campaign, const void *opts,
                     const char *actor, struct campaign_buf **out);
/* The arguments of a write that are its entry's object and detail (a
 * rectification and its closing date): db_write_named() hands them to the
 * check and the body as its context. */
typedef struct write_named {
	const char *object, *detail;
} write_named;
/* db_write() of @op with a write_named of op->object and op->detail as the context. */
int db_write_named(campaign_db *db, write_op *op);
/* The write_op fields that make db_write() check first that the context is
 * a campaign_NAME_options of a known VERSION. */
#define OPTIONS_CHECKED(NAME, VERSION) .options = (VERSION), .options_name = "campaign_" #NAME "_options"
/* Defines campaign_NAME_options_init() and the public write campaign_NAME(db,
 * campaign, opts, actor) of those options: checked as OPTIONS_CHECKED(),
 * its entry naming their OBJECT and DETAIL; the rest of the write_op follows. */
#define OPTIONS_WRITE_FN(NAME, VERSION, OBJECT, DETAIL, ...)                                                  \
	OPTIONS_INIT_FN(NAME, VERSION)                                                                            \
	int campaign_##NAME(campaign_db *db, const char *campaign, const campaign_##NAME##_options *opts,         \
	                    const char *actor)                                                                    \
	OPTIONS_WRITE_CALL(NAME, VERSION, OBJECT, DETAIL, NULL, __VA_ARGS__)
/* The same for a write that hands back what it made: campaign_NAME(out_id,
 * db, campaign, opts, actor). */
#define OPTIONS_ADD_FN(NAME, VERSION, OBJECT, DETAIL, ...)                                                    \
	OPTIONS_INIT_FN(NAME, VERSION)                                                                            \
	int campaign_##NAME(struct campaign_buf **out_id, campaign_db *db, const char *campaign,                  \
	                    const campaign_##NAME##_options *opts, const char *actor)                             \
	OPTIONS_WRITE_CALL(NAME, VERSION, OBJECT, DETAIL, out_id, __VA_ARGS__)
/* Their body: the one options_write of the call, run. */
#define OPTIONS_WRITE_CALL(NAME, VERSION, OBJECT, DETAIL, OUT, ...)                                           \
	{                                                                                                         \
		static const options_write w = {{__VA_ARGS__, OPTIONS_CHECKED(NAME, VERSION)},                        \
		                                offsetof(campaign_##NAME##_options, OBJECT),                          \
		                                offsetof(campaign_##NAME##_options, DETAIL)};                         \
		return db_write_options(db, &w, campaign, opts, actor, OUT);                                          \
	}

/* ---- units.c: a unit or group as the user writes it ----
 *
 * Wherever a unit is taken, it is named by its id, its name or an alias as
 * the plan writes them; a group likewise where a set of units makes sense.
 * Texts match exactly once NFC-normalised, full-width and half-width
 * parentheses alike. An ambiguous text is EINVALID listing the candidates
 * (`unit "X" is ambiguous: a (name), b (alias)`); an unknown one ENOTFOUND,
 * suggesting the one unit or group it is part of or one edit from
 * (`unknown unit "监察" (did you mean 监察室 "jiancha"?)`). */

/* The one unit @text names; a group is EINVALID naming it (a single unit is needed). */
int unit_resolve(campaign_db *db, sqlite3_int64 crid, const char *text, sqlite3_int64 *rid);
/* The one group @text names (id, name or alias); a unit is EINVALID naming it. */
int group_resolve(campaign_db *db, sqlite3_int64 crid, const char *text, sqlite3_int64 *rid);
/* unit_resolve(), for a call's statements. */
int unit_rid(stmts *c, sqlite3_int64 crid, const char *unit, sqlite3_int64 *rid);
/* The units @text names -- a unit, or a group's members (view unit_member_of) --
 * appended to @out as a JSON array of row ids, for UNITS_IN(). */
int units_resolve(campaign_db *db, sqlite3_int64 crid, const char *text, struct campaign_buf *out);
/* The same units' text ids, one a line (each followed by a newline), in unit
 * order, appended to @out: for a caller that reads on through public queries. */
int units_resolve_ids(campaign_db *db, sqlite3_int64 crid, const char *text, struct campaign_buf *out);
/* A filter: binds ?@n of @st to units_resolve(@text); leaves it NULL (no
 * filter) when @text is NULL or "". */
int units_bind(campaign_db *db, sqlite3_stmt *st, int n, sqlite3_int64 crid, const char *text);
/* 1 if @text names a group of @campaign, else 0 (errors are left to the
 * query that follows): SQLite cannot push UNITS_IN() into a compound view
 * (it would materialise the view), so such a query keeps its indexed
 * "= ?N" form for one unit and takes UNITS_IN() for a group. */
int units_is_group(campaign_db *db, const char *campaign, const char *text);
/* The SQL of a filter bound by units_bind(): @col (a unit row id) is one of
 * the units of parameter @p, "?3". */
#define UNITS_IN(col, p) col " IN (SELECT value FROM json_each(" p "))"
/* The same, or any unit when @p is NULL. */
#define UNITS_IN_OPT(col, p) "(" p " IS NULL OR " UNITS_IN(col, p) ")"

/* dates.c: dates checked against the campaign period; one deadline language */

/* A campaign's period "YYYY-MM-DD" (empty when it has none), its grace
 * period after the end (plan key campaign.grace_days) and the last day that
 * grace allows, and the year of its start (the context year of deadlines). */
typedef struct period_info {
	char first[11], last[11], until[11];
	int grace_days, year;
} period_info;
int period_get(campaign_db *db, sqlite3_int64 crid, period_info *p);
/* A date that happened (a report, a finding, a decision, a visit), field
 * @what: "YYYY-MM-DD", not before the campaign starts, not after today (the
 * day as_of defaults to) and not after its end plus grace. EINVALID:
 * "date 2009-01-01 is outside the campaign 2010-10-01 – 2011-12-31" (with
 * "(late reports until D)" when there is grace), "date D is after today (T)". */
int date_in_campaign(campaign_db *db, sqlite3_int64 crid, const char *what, const char *date);
/* A planned date (a window's day, a deadline): "YYYY-MM-DD" not before the
 * campaign starts: "first D is before the campaign F – L". */
int date_planned(campaign_db *db, sqlite3_int64 crid, const char *what, const char *date);
/* A deadline field @what in the one deadline language: an ISO date, or any
 * expression campaign_deadline_parse() reads ("2011年1月底"), in context year
 * @year, 0: the campaign's (then, as in plans, one that would fall before the
 * campaign starts is the next year's). Its last day (its first when @first)
 * into @day, checked by date_planned(). EINVALID naming @what and quoting
 * the text; an open-ended one (长期坚持) has no day and is refused. */
int deadline_day(campaign_db *db, sqlite3_int64 crid, const char *what, const char *text, int year, int first,
                 char day[11]);
/* Stores a campaign's grace period in days (the plan import). */
int grace_days_set(campaign_db *db, sqlite3_int64 crid, long days);

#endif
