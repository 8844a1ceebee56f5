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
	/* read again at the next write: the outbox starts with it */
	op->db->site = SYNC_SITE_UNKNOWN;
	buf_reset(&pem);
	return rc;
}

int campaign_site_init(campaign_db *db, const campaign_site_options *opts, const char *actor)
{
	static const options_write w = {{.name = "site.init", .access = ACCESS_PLAN, .flags = WRITE_NO_CAMPAIGN,
	                                 .check = init_check, .body = init_body,
	                                 OPTIONS_CHECKED(site, CAMPAIGN_SITE_OPTIONS_VERSION)},
	                                offsetof(campaign_site_options, code), offsetof(campaign_site_options, name)};
	return db_write_options(db, &w, NULL, opts, actor, NULL);
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

int campaign_sites_query(campaign_cursor **out, campaign_db *db)
{
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, NULL,
	                     "SELECT code, name, parent, unit, CASE self WHEN 1 THEN 'self' ELSE 'peer' END AS role, public_key "
	                     "FROM site ORDER BY self DESC, code",
	                     "tttttt", NULL);
	return rc ? rc : query_done(out, c, CAMPAIGN_OK);
}

int campaign_sync_status_query(campaign_cursor **out, campaign_db *db)
{
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, NULL,
	                     "SELECT s.code, s.name, coalesce(p.sent, 0), coalesce(p.acked, 0), coalesce(p.received, 0), "
	                     "coalesce(p.head_seq, 0), p.received_at FROM site s LEFT JOIN sync_peer p ON p.site = s.code "
	                     "WHERE s.self = 0 ORDER BY s.code",
	                     "ttiiiit", NULL);
	return rc ? rc : query_done(out, c, CAMPAIGN_OK);
}

/* the sites below this one: the known sites whose chain of parents reaches it */
#define SQL_BELOW                                                                                                   \
	"WITH RECURSIVE below(code) AS (SELECT code FROM site WHERE self = 1 UNION "                                   \
	"SELECT s.code FROM site s JOIN below b ON s.parent = b.code) "

int campaign_sync_silent_query(campaign_cursor **out, campaign_db *db, const char *since)
{
	campaign_cursor *c;
	int rc = need_date(since, "since");
	if (rc)
		return out ? (*out = NULL, rc) : rc;
	rc = query_begin(out, &c, db, NULL,
	                 SQL_BELOW "SELECT s.code, s.name, p.received_at FROM site s JOIN below b ON b.code = s.code "
	                           "LEFT JOIN sync_peer p ON p.site = s.code WHERE s.self = 0 "
	                           "AND (p.received_at IS NULL OR p.received_at < ?1) ORDER BY s.code",
	                 "ttt", NULL);
	if (!rc)
		bind_all(cursor_stmt(c), "T", since);
	return rc ? rc : query_done(out, c, CAMPAIGN_OK);
}
