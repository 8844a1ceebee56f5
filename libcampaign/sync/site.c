/* Sites: this store's own (campaign_site_init, once) and its peers, with the
 * public keys their bundles are checked with. */
#include <stddef.h>
#include <string.h>
#include <openssl/evp.h>
#include "sync/sync.h"

OPTIONS_INIT_FN(site, CAMPAIGN_SITE_OPTIONS_VERSION)

static const char SQL_SELF[] = "SELECT code FROM site WHERE self = 1";

int sync_self_code(campaign_db *db, char code[8])
{
	sqlite3_stmt *st = db_stmt(db, SQL_SELF);
	int rc = CAMPAIGN_OK;
	code[0] = 0;
	if (!st)
		return campaign_error_code_last();
	if (db_step_row(db, st, "cannot read the site", &rc))
		column_copy(st, 0, code, 8);
	sqlite3_reset(st);
	return rc;
}

static int code_valid(const char *code, const char *what)
{
	int rc = need(code, what);
	if (rc)
		return rc;
	if (strlen(code) != 6 || strspn(code, "0123456789") != 6)
		return error_set(CAMPAIGN_EINVALID, "%s \"%s\" is not a 6-digit administrative-division code", what, code);
	return CAMPAIGN_OK;
}

/* The checks common to a site and a peer: code, name, parent. */
static int site_check(void *ctx)
{
	const campaign_site_options *o = ctx;
	int rc = code_valid(o->code, "the site code");
	if (!rc)
		rc = need(o->name, "the site name");
	if (!rc && !utf8_valid(o->name, strlen(o->name)))
		return error_set(CAMPAIGN_EINVALID, "the site name is not valid UTF-8");
	if (!rc && o->parent && *o->parent)
		rc = code_valid(o->parent, "the parent site code");
	if (!rc && o->parent && !strcmp(o->parent, o->code))
		return error_set(CAMPAIGN_EINVALID, "site %s cannot be its own parent", o->code);
	if (!rc && o->unit && !utf8_valid(o->unit, strlen(o->unit)))
		return error_set(CAMPAIGN_EINVALID, "the site's unit is not valid UTF-8");
	return rc;
}

static int init_check(void *ctx)
{
	const campaign_site_options *o = ctx;
	int rc = site_check(ctx);
	if (!rc && o->public_key)
		return error_set(CAMPAIGN_EINVALID, "a site's own key is the store's signing key: public_key must be NULL");
	if (!rc && o->confidential && strcmp(o->confidential, "none") && strcmp(o->confidential, "encrypted"))
		return error_set(CAMPAIGN_EINVALID, "confidential \"%s\" is not \"none\" or \"encrypted\"", o->confidential);
	return rc;
}

static const char SQL_SITE_PUT[] =
	"INSERT INTO site (code, name, parent, unit, public_key, self, confidential, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, 'none'), ?8) ON CONFLICT (code) DO UPDATE SET "
	"name = excluded.name, parent = excluded.parent, unit = excluded.unit, public_key = excluded.public_key, "
	"recorded_at = excluded.recorded_at";

static int site_put(write_op *op, const campaign_site_options *o, const char *pem, int self)
{
	char now[21];
	db_now(now);
	return stmt_run(&op->st, op->db, SQL_SITE_PUT, "cannot record the site", "ttootito", o->code, o->name, o->parent,
	                o->unit, pem, self, o->confidential, now);
}

/* ---- the baseline: what the store held before it became a site ----
 * The session extension records changes, not rows that are there already:
 * sqlite3session_diff() against empty copies of the tables (an attached
 * in-memory database: ATTACH cannot run inside a transaction, so it is made
 * before BEGIN and dropped after) gives them as INSERTs, the first outbox
 * row. The top site's plan travels down with it, every site's records up. */

static const char SQL_BASELINE_TABLES[] =
	"SELECT t.name, m.sql FROM sync_table t JOIN sqlite_master m ON m.name = t.name AND m.type = 'table' "
	"WHERE (t.direction = 'up' OR ?1 IS NULL) AND (?2 = 'encrypted' OR t.name NOT LIKE '%\\_confidential' ESCAPE '\\') "
	"ORDER BY t.name";

static int exec_sql(campaign_db *db, const char *sql)
{
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? CAMPAIGN_OK : error_from_sqlite(db->sql, rc, "cannot record what the store holds");
}

/* Before BEGIN: the empty copies of the tables of the baseline. */
static int baseline_prepare(write_op *op, void *ctx)
{
	const campaign_site_options *o = ctx;
	sqlite3_stmt *st;
	int rc = exec_sql(op->db, "ATTACH ':memory:' AS sync_empty");
	if (rc || !(st = db_stmt(op->db, SQL_BASELINE_TABLES)))
		return rc ? rc : campaign_error_code_last();
	bind_all(st, "oo", o->parent, o->confidential ? o->confidential : "none");
	while (!rc && db_step_row(op->db, st, "cannot read the replicated tables", &rc)) {
		const char *sql = (const char *)sqlite3_column_text(st, 1), *paren = strchr(sql, '(');
		char *copy = paren ? sqlite3_mprintf("CREATE TABLE sync_empty.\"%w\" %s", sqlite3_column_text(st, 0), paren)
		                   : NULL;
		rc = copy ? exec_sql(op->db, copy) : error_set(CAMPAIGN_ENOMEM, "out of memory");
		sqlite3_free(copy);
	}
	sqlite3_reset(st);
	return rc;
}

static const char SQL_EMPTY_TABLES[] = "SELECT name FROM sync_empty.sqlite_master WHERE type = 'table' ORDER BY name";
static const char SQL_BASELINE[] = "INSERT INTO sync_outbox (changeset, audit_first, at) VALUES (?1, NULL, ?2)";

/* Inside the transaction: every row of those tables, as INSERTs, into the outbox. */
static int baseline_record(write_op *op)
{
	sqlite3_session *s = NULL;
	struct campaign_buf cs = {0};
	sqlite3_stmt *st = stmts_get(&op->st, SQL_EMPTY_TABLES);
	char now[21];
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	if (sqlite3session_create(op->db->sql, "main", &s) != SQLITE_OK)
		rc = error_from_sqlite(op->db->sql, SQLITE_NOMEM, "cannot record what the store holds");
	while (!rc && db_step_row(op->db, st, "cannot record what the store holds", &rc)) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (sqlite3session_attach(s, t) != SQLITE_OK || sqlite3session_diff(s, "sync_empty", t, NULL) != SQLITE_OK)
			rc = error_from_sqlite(op->db->sql, SQLITE_ERROR, "cannot record what the store holds");
	}
	sqlite3_reset(st);
	if (!rc && sqlite3session_changeset_strm(s, sync_to_buf, &cs) != SQLITE_OK)
		rc = error_set(CAMPAIGN_ENOMEM, "cannot record what the store holds");
	if (s)
		sqlite3session_delete(s);
	db_now(now);
	if (!rc && cs.size && !(st = stmts_get(&op->st, SQL_BASELINE)))
		rc = campaign_error_code_last();
	else if (!rc && cs.size) {
		sqlite3_bind_blob64(st, 1, cs.data, cs.size, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		rc = db_step_done(op->db, st, "cannot store the baseline in the outbox");
	}
	buf_reset(&cs);
	return rc;
}

static int init_body(write_op *op, void *ctx)
{
	struct campaign_buf pem = {0};
	char self[8];
	int rc = sync_self_code(op->db, self);
	if (!rc && *self)
		return error_set(CAMPAIGN_EINVALID, "the store is site %s already", self);
	if (!rc && !op->db->signing_key)
		return error_set(CAMPAIGN_EINVALID, "a site signs its bundles: open the store with a signing key");
	if (!rc)
		rc = key_public_pem(op->db->signing_key, &pem);
	if (!rc)
		rc = site_put(op, ctx, pem.data, 1);
	if (!rc)
		rc = baseline_record(op);
	/* read again at the next write: the outbox starts with it */
	op->db->site = SYNC_SITE_UNKNOWN;
	buf_reset(&pem);
	return rc;
}

int campaign_site_init(campaign_db *db, const campaign_site_options *opts, const char *actor)
{
	static const options_write w = {{.name = "site.init", .access = ACCESS_PLAN, .flags = WRITE_NO_CAMPAIGN,
	                                 .check = init_check, .prepare = baseline_prepare, .body = init_body,
	                                 OPTIONS_CHECKED(site, CAMPAIGN_SITE_OPTIONS_VERSION)},
	                                offsetof(campaign_site_options, code), offsetof(campaign_site_options, name)};
	int rc = db_write_options(db, &w, NULL, opts, actor, NULL);
	/* the empty copies go whatever happened (a failure before the prepare left none) */
	if (db && db->sql)
		sqlite3_exec(db->sql, "DETACH sync_empty", NULL, NULL, NULL);
	return rc;
}

static int peer_check(void *ctx)
{
	const campaign_site_options *o = ctx;
	int rc = site_check(ctx);
	EVP_PKEY *k;
	if (!rc && (rc = need(o->public_key, "the peer's public key")))
		return rc;
	if (!rc && !(k = key_read_pem(o->public_key, 0)))
		return error_set(CAMPAIGN_EINVALID, "the public key of site %s is not an Ed25519 public key in PEM form",
		                 o->code);
	if (!rc)
		EVP_PKEY_free(k);
	return rc;
}

static int peer_body(write_op *op, void *ctx)
{
	const campaign_site_options *o = ctx;
	char self[8];
	int rc = sync_self_code(op->db, self);
	if (!rc && !*self)
		return error_set(CAMPAIGN_EINVALID, "the store is no site: run campaign_site_init() first");
	if (!rc && !strcmp(self, o->code))
		return error_set(CAMPAIGN_EINVALID, "site %s is this store itself", o->code);
	return rc ? rc : site_put(op, o, o->public_key, 0);
}

int campaign_site_add_peer(campaign_db *db, const campaign_site_options *opts, const char *actor)
{
	static const options_write w = {{.name = "site.add_peer", .access = ACCESS_PLAN, .flags = WRITE_NO_CAMPAIGN,
	                                 .check = peer_check, .body = peer_body,
	                                 OPTIONS_CHECKED(site, CAMPAIGN_SITE_OPTIONS_VERSION)},
	                                offsetof(campaign_site_options, code), offsetof(campaign_site_options, name)};
	return db_write_options(db, &w, NULL, opts, actor, NULL);
}

/* A listing of the sites: @sql with ?1 and ?2 bound to @a and @b (text; NULL binds NULL). */
static int site_query(campaign_cursor **out, campaign_db *db, const char *sql, const char *types, const char *a,
                      const char *b)
{
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, NULL, sql, types, NULL);
	if (!rc && sqlite3_bind_parameter_count(cursor_stmt(c)))
		bind_all(cursor_stmt(c), sqlite3_bind_parameter_count(cursor_stmt(c)) > 1 ? "TT" : "T", a, b);
	return rc ? rc : query_done(out, c, CAMPAIGN_OK);
}

int campaign_sites_query(campaign_cursor **out, campaign_db *db)
{
	return site_query(out, db,
	                  "SELECT code, name, parent, unit, CASE self WHEN 1 THEN 'self' ELSE 'peer' END AS role, public_key "
	                  "FROM site ORDER BY self DESC, code",
	                  "tttttt", NULL, NULL);
}

int campaign_sync_status_query(campaign_cursor **out, campaign_db *db)
{
	return site_query(out, db,
	                  "SELECT s.code AS site, s.name, coalesce(p.sent, 0) AS sent, coalesce(p.acked, 0) AS acked, "
	                  "coalesce(p.received, 0) AS received, coalesce(p.head_seq, 0) AS head_seq, p.received_at "
	                  "FROM site s LEFT JOIN sync_peer p ON p.site = s.code WHERE s.self = 0 ORDER BY s.code",
	                  "ttiiiit", NULL, NULL);
}

/* the sites below one (?1; NULL: this one): the known sites whose chain of parents reaches it */
#define SQL_BELOW                                                                                                   \
	"WITH RECURSIVE below(code) AS (SELECT coalesce(?1, (SELECT code FROM site WHERE self = 1)) UNION "           \
	"SELECT s.code FROM site s JOIN below b ON s.parent = b.code) "

int campaign_sync_silent_query(campaign_cursor **out, campaign_db *db, const char *since)
{
	int rc = need_date(since, "since");
	if (rc)
		return out ? (*out = NULL, rc) : rc;
	/* ?2 is the date: a NULL ?1 names this site */
	return site_query(out, db,
	                  SQL_BELOW "SELECT s.code, s.name, p.received_at FROM site s JOIN below b ON b.code = s.code "
	                            "LEFT JOIN sync_peer p ON p.site = s.code WHERE s.self = 0 "
	                            "AND (p.received_at IS NULL OR p.received_at < ?2) ORDER BY s.code",
	                  "ttt", NULL, since);
}

int campaign_site_units_query(campaign_cursor **out, campaign_db *db, const char *site)
{
	return site_query(out, db,
	                  SQL_SITE_OWNED("coalesce(?1, (SELECT code FROM site WHERE self = 1))")
	                  "SELECT o.site, s.name, u.id AS unit FROM owned o JOIN unit u ON u.rid = o.rid "
	                  "JOIN site s ON s.code = o.site ORDER BY o.site, u.id",
	                  "ttt", site, NULL);
}

static const char SQL_WITNESS[] =
	"SELECT 'libcampaign head 1' || char(10) || 'site: ' || p.site || char(10) || 'seq: ' || p.head_seq || char(10) "
	"|| 'hash: ' || p.head_hash || char(10) || 'at: ' || coalesce(p.received_at, '') || char(10) || 'first: 1' || "
	"char(10) FROM sync_peer p WHERE p.site = ?1 AND p.head_seq > 0 AND length(p.head_hash) = 64";

int campaign_sync_witness(campaign_buf **out, campaign_db *db, const char *site)
{
	sqlite3_stmt *st;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "out is NULL");
	*out = NULL;
	if ((rc = db_check(db)) || (rc = need(site, "the site")))
		return rc;
	if (!(st = db_stmt(db, SQL_WITNESS)))
		return campaign_error_code_last();
	bind_all(st, "t", site);
	if (db_step_row(db, st, "cannot read what came from the site", &rc))
		rc = id_buf(out, (const char *)sqlite3_column_text(st, 0));
	else if (!rc)
		rc = error_set(CAMPAIGN_ENOTFOUND, "nothing has come from site %s to this store", site);
	sqlite3_reset(st);
	return rc ? rc : (error_ok(), CAMPAIGN_OK);
}
