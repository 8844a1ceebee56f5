/* campaign_sync_apply: every part of a bundle checked -- signature, schema,
 * sequence, ownership, the origin's audit chain -- then applied, all in the
 * envelope's one transaction; a refused bundle is quarantined. */
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include "io/io.h"
#include "sync/sync.h"

#define REFUSED "bundle refused: "

typedef struct apply_ctx {
	const char *path;
	struct campaign_buf file, report;
	char self[8];
	int refused;           /* the body refused the bundle: it goes to the quarantine */
	char origin[8];        /* the part being checked */
} apply_ctx;

/* A part's manifest, read with SQLite's JSON functions. */
typedef struct manifest {
	char from[8], to[8], dir[8], head_hash[65], sha256[65];
	sqlite3_int64 first, last, schema, audit_first, audit_last, ack, ack_audit;
} manifest;

static int refuse(apply_ctx *x, const char *fmt, ...) CAMPAIGN_PRINTF(2, 3);
static int refuse(apply_ctx *x, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	x->refused = 1;
	return error_set(CAMPAIGN_EINVALID, REFUSED "%s", msg);
}

static const char SQL_MANIFEST[] =
	"SELECT j->>'from', j->>'to', j->>'direction', j->>'head_hash', j->>'sha256', j->>'first', j->>'last', "
	"j->>'schema', j->>'audit_first', j->>'audit_last', j->>'ack', j->>'ack_audit' "
	"FROM (SELECT ?2 AS j) WHERE json_valid(?2) AND ?1 IS NOT NULL";

static int manifest_read(write_op *op, apply_ctx *x, const sync_part *p, manifest *m)
{
	sqlite3_stmt *st = stmts_get(&op->st, SQL_MANIFEST);
	int rc = CAMPAIGN_OK, row;
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int(st, 1, 1);
	sqlite3_bind_text(st, 2, p->manifest, (int)p->mlen, SQLITE_STATIC);
	if ((row = db_step_row(op->db, st, "cannot read the manifest", &rc)) != 0) {
		columns_copy(st, 5, COLUMN_TO(m->from), COLUMN_TO(m->to), COLUMN_TO(m->dir), COLUMN_TO(m->head_hash),
		             COLUMN_TO(m->sha256));
		sqlite3_int64 *v[] = {&m->first, &m->last, &m->schema, &m->audit_first, &m->audit_last, &m->ack, &m->ack_audit};
		for (int i = 0; i < 7; i++)
			*v[i] = sqlite3_column_int64(st, 5 + i);
	}
	sqlite3_reset(st);
	if (!rc && (!row || !*m->from || !*m->to || !*m->dir))
		return refuse(x, "a part's manifest cannot be read");
	snprintf(x->origin, sizeof x->origin, "%s", m->from);
	return rc;
}

static const char SQL_KEY[] = "SELECT public_key FROM site WHERE code = ?2 AND self = 0 AND ?1 IS NOT NULL";

/* The origin's signature of the part, with the key recorded for it here. */
static int check_signature(write_op *op, apply_ctx *x, const sync_part *p, const manifest *m)
{
	int found = 0, ok = 0, rc = CAMPAIGN_OK;
	sqlite3_stmt *st = row_first(&op->st, SQL_KEY, 1, m->from, &found);
	EVP_PKEY *key = NULL;
	if (!st)
		return campaign_error_code_last();
	if (found && sqlite3_column_text(st, 0))
		key = key_read_pem((const char *)sqlite3_column_text(st, 0), 0);
	sqlite3_reset(st);
	if (!found)
		return refuse(x, "site %s is not known here (record it with campaign_site_add_peer)", m->from);
	if (!key)
		return refuse(x, "site %s has no public key recorded here", m->from);
	ok = key_verify(key, p->bytes, p->signed_len, p->bytes + p->signed_len);
	EVP_PKEY_free(key);
	if (!ok)
		return refuse(x, "the part from site %s does not carry its signature (altered, or signed by another key)",
		              m->from);
	char digest[65];
	if ((rc = part_digest(p->changeset, p->clen, p->audit, p->alen, digest)))
		return rc;
	if (strcmp(digest, m->sha256))
		return refuse(x, "the part from site %s does not match its digest", m->from);
	return CAMPAIGN_OK;
}

/* What has come from a site: the last seq, its chain head. */
typedef struct peer_state {
	sqlite3_int64 received, head_seq;
	char head_hash[65];
} peer_state;

static const char SQL_PEER[] =
	"SELECT received, head_seq, coalesce(head_hash, '') FROM sync_peer WHERE site = ?2 AND ?1 IS NOT NULL";

static int peer_read(write_op *op, const char *site, peer_state *ps)
{
	int found = 0;
	sqlite3_stmt *st = row_first(&op->st, SQL_PEER, 1, site, &found);
	memset(ps, 0, sizeof *ps);
	if (!st)
		return campaign_error_code_last();
	if (found) {
		ps->received = sqlite3_column_int64(st, 0);
		ps->head_seq = sqlite3_column_int64(st, 1);
		column_copy(st, 2, ps->head_hash, sizeof ps->head_hash);
	}
	sqlite3_reset(st);
	return CAMPAIGN_OK;
}

/* Schema, direction, sequence: 1 in *replay when the part is here already. */
static int check_sequence(write_op *op, apply_ctx *x, const manifest *m, const peer_state *ps, int *replay)
{
	const char *dir = NULL;
	int rc;
	*replay = 0;
	if (!strcmp(m->from, x->self))
		return refuse(x, "the part comes from this site itself (%s)", m->from);
	if (m->schema != campaign_schema_version_supported())
		return refuse(x, "the part from site %s has schema version %lld, this store %d", m->from, (long long)m->schema,
		              campaign_schema_version_supported());
	if ((rc = site_direction(op->db, &op->st, m->from, &dir)))
		return rc;
	if (!dir || strcmp(dir, m->dir))
		return refuse(x, "site %s is not %s this site (%s)", m->from, !strcmp(m->dir, "up") ? "below" : "above",
		              x->self);
	/* addressed here, or to a site between the origin and here that relays it */
	if (strcmp(m->to, x->self) && ((rc = site_direction(op->db, &op->st, m->to, &dir)) || !dir || strcmp(dir, m->dir)))
		return rc ? rc : refuse(x, "the part from site %s is addressed to site %s, which does not relay to this site",
		                        m->from, m->to);
	if (m->last <= ps->received && m->audit_last <= ps->head_seq) {
		*replay = 1;
		return CAMPAIGN_OK;
	}
	if (m->first != ps->received + 1 || m->last < ps->received)
		return refuse(x, "the part from site %s starts at seq %lld, but %lld came last: a %s", m->from,
		              (long long)m->first, (long long)ps->received, m->first > ps->received + 1 ? "gap" : "overlap");
	if (!strcmp(m->dir, "up") && m->audit_first != ps->head_seq + 1)
		return refuse(x, "the audit entries from site %s start at %lld, but %lld came last", m->from,
		              (long long)m->audit_first, (long long)ps->head_seq);
	if (m->audit_last < ps->head_seq)
		return refuse(x, "the chain head of site %s went back from %lld to %lld", m->from, (long long)ps->head_seq,
		              (long long)m->audit_last);
	return CAMPAIGN_OK;
}

static const char SQL_REMOTE_PUT[] =
	"INSERT INTO audit_remote (site, seq, at, kind, tbl, key, object, actor, operation, campaign, detail, before, "
	"after, call, hash) SELECT ?1, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, "
	"value->>7, value->>8, value->>9, value->>10, value->>11, value->>12, value->>13 FROM json_each(?2) "
	"WHERE json_valid(?2) ORDER BY key";
static const char SQL_REMOTE_RANGE[] =
	"SELECT seq, at, kind, tbl, key, object, actor, operation, campaign, detail, before, after, call, hash "
	"FROM audit_remote WHERE site = ?1 AND seq >= ?2 ORDER BY seq";

/* Stores the origin's entries and checks that they continue its chain:
 * seq after seq from the head received, each hash recomputed over the
 * previous one (audit.c's hashing), the last one the manifest's head. */
static int check_chain(write_op *op, apply_ctx *x, const sync_part *p, const manifest *m, const peer_state *ps)
{
	sqlite3_stmt *st;
	sqlite3_int64 expect = ps->head_seq + 1;
	char prev[65], h[65];
	int rc = CAMPAIGN_OK;
	if (strcmp(m->dir, "up"))
		return CAMPAIGN_OK;
	if (!(st = stmts_get(&op->st, SQL_REMOTE_PUT)))
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, m->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->audit, (int)p->alen, SQLITE_STATIC);
	/* entries that are not JSON, or repeat one held (its key), are the bundle's fault */
	if ((rc = db_step_done(op->db, st, "cannot store the audit entries received")))
		return rc == CAMPAIGN_ENOMEM || rc == CAMPAIGN_EBUSY
		               ? rc
		               : refuse(x, "the audit entries from site %s cannot be read or repeat an entry", m->from);
	snprintf(prev, sizeof prev, "%s", ps->head_hash);
	if (!(st = stmts_get(&op->st, SQL_REMOTE_RANGE)))
		return campaign_error_code_last();
	bind_all(st, "tI", m->from, expect);
	while (!rc && db_step_row(op->db, st, "cannot read the audit entries received", &rc)) {
		const char *f[13], *hash;
		for (int i = 0; i < 13; i++)
			f[i] = db_column_text(st, i, &rc);
		hash = db_column_text(st, 13, &rc);
		if (rc)
			break;
		if (sqlite3_column_int64(st, 0) != expect)
			rc = refuse(x, "the audit chain of site %s skips from %lld to %lld", m->from, (long long)expect - 1,
			            (long long)sqlite3_column_int64(st, 0));
		else if (!(rc = audit_entry_hash(f, prev, h)) && strcmp(h, hash))
			rc = refuse(x, "the audit chain of site %s is broken at entry %lld (rewritten or altered)", m->from,
			            (long long)expect);
		snprintf(prev, sizeof prev, "%s", hash);
		expect++;
	}
	sqlite3_reset(st);
	if (!rc && (expect - 1 != m->audit_last || strcmp(prev, m->head_hash)))
		rc = refuse(x, "the audit chain of site %s does not end at the head its manifest signs (%lld)", m->from,
		            (long long)m->audit_last);
	return rc;
}

/* ---- the sites a part vouches for ----
 * A part's manifest lists, with their keys, the sites below its origin (going
 * up: a city's counties) or above it (going down: the province, to a county).
 * Once the part's signature is checked they are recorded here, so that keys
 * are registered by hand only between neighbours. A site is taken only where
 * the origin may vouch for it: below it (its parent the origin or a site below
 * the origin, its unit one of the origin's units), or its parent's parent and
 * so on. A site known here with another key refuses the bundle. */
static const char SQL_VOUCHED_READ[] =
	"SELECT value->>'code', value->>'name', value->>'parent', value->>'unit', value->>'public_key' "
	"FROM json_each(?2, '$.sites') WHERE ?1 IS NOT NULL AND json_valid(?2) ORDER BY key";
/* ?1 is below ?2 (or ?2 itself) among the sites known */
static const char SQL_VOUCH_BELOW[] =
	"WITH RECURSIVE below(code) AS (SELECT ?2 UNION SELECT s.code FROM site s JOIN below b ON s.parent = b.code) "
	"SELECT count(*) FROM below WHERE code = ?1";
/* ?1 is the parent of ?2 or of a site above ?2 */
static const char SQL_VOUCH_ABOVE[] =
	"WITH RECURSIVE up(code, parent) AS (SELECT code, parent FROM site WHERE code = ?2 UNION "
	"SELECT s.code, s.parent FROM site s JOIN up u ON s.code = u.parent) SELECT count(*) FROM up WHERE parent = ?1";
/* unit ?1 is one of site ?2's units (those a part from it may carry rows of) */
static const char SQL_VOUCH_UNIT[] =
	SQL_SITE_OWNED("?2") "SELECT count(*) FROM unit u JOIN owned o ON o.rid = u.rid WHERE u.id = ?1";
static const char SQL_VOUCH_KNOWN[] = "SELECT coalesce(public_key, '') FROM site WHERE code = ?2 AND ?1 IS NOT NULL";
static const char SQL_VOUCH_PUT[] =
	"INSERT INTO site (code, name, parent, unit, public_key, self, confidential, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, 0, 'none', ?6)";

static int count_of(write_op *op, const char *sql, const char *a, const char *b, sqlite3_int64 *n)
{
	sqlite3_stmt *st = stmts_get(&op->st, sql);
	int rc = CAMPAIGN_OK;
	*n = 0;
	if (!st)
		return campaign_error_code_last();
	bind_all(st, "tt", a, b);
	if (db_step_row(op->db, st, "cannot read the sites", &rc))
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc;
}

static int code_ok(const char *c)
{
	return c && strlen(c) == 6 && strspn(c, "0123456789") == 6;
}

/* One site vouched for by the origin of @m. */
static int vouched_site(write_op *op, apply_ctx *x, const manifest *m, const char *f[5])
{
	sqlite3_int64 n = 0;
	int found = 0, rc = CAMPAIGN_OK;
	EVP_PKEY *k;
	sqlite3_stmt *st;
	char now[21];
	if (!code_ok(f[0]) || !f[1] || !*f[1] || !utf8_valid(f[1], strlen(f[1])) || (f[2] && !code_ok(f[2])) ||
	    (f[3] && !utf8_valid(f[3], strlen(f[3]))) || !f[4] || !(k = key_read_pem(f[4], 0)))
		return refuse(x, "site %s vouches for a site that is not well formed (code, name, parent, unit, key)",
		              m->from);
	EVP_PKEY_free(k);
	if (!(st = row_first(&op->st, SQL_VOUCH_KNOWN, 1, f[0], &found)))
		return campaign_error_code_last();
	if (found) {
		int same = !strcmp((const char *)sqlite3_column_text(st, 0), f[4]);
		sqlite3_reset(st);
		return same ? CAMPAIGN_OK
		            : refuse(x, "site %s vouches for site %s with another key than the one recorded here", m->from,
		                     f[0]);
	}
	sqlite3_reset(st);
	if (!strcmp(m->dir, "up")) {
		/* below the origin, in one of its units */
		if (!f[2] || (rc = count_of(op, SQL_VOUCH_BELOW, f[2], m->from, &n)) || !n)
			return rc ? rc : refuse(x, "site %s vouches for site %s, which is not below it", m->from, f[0]);
		if (f[3] && ((rc = count_of(op, SQL_VOUCH_UNIT, f[3], m->from, &n)) || !n))
			return rc ? rc
			          : refuse(x, "site %s vouches for site %s in unit %s, which is not one of its units", m->from,
			                   f[0], f[3]);
	} else if ((rc = count_of(op, SQL_VOUCH_ABOVE, f[0], m->from, &n)) || !n)
		return rc ? rc : refuse(x, "site %s vouches for site %s, which is not above it", m->from, f[0]);
	db_now(now);
	return stmt_run(&op->st, op->db, SQL_VOUCH_PUT, "cannot record the site", "tttttt", f[0], f[1], f[2], f[3], f[4],
	                now);
}

static int vouched_sites(write_op *op, apply_ctx *x, const sync_part *p, const manifest *m)
{
	char *json = malloc(p->mlen + 1);
	struct { char *v[5]; } *rows = NULL;
	size_t n = 0;
	int rc = json ? CAMPAIGN_OK : error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (json) {
		memcpy(json, p->manifest, p->mlen);
		json[p->mlen] = 0;
	}
	sqlite3_stmt *st = rc ? NULL : stmts_get(&op->st, SQL_VOUCHED_READ);
	if (!rc && !st)
		rc = campaign_error_code_last();
	/* read whole first: recording a site runs statements of its own */
	if (!rc) {
		sqlite3_bind_int(st, 1, 1);
		sqlite3_bind_text(st, 2, json, -1, SQLITE_STATIC);
	}
	while (!rc && db_step_row(op->db, st, "cannot read the sites vouched for", &rc)) {
		void *grown = realloc(rows, (n + 1) * sizeof *rows);
		if (!grown) {
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
			break;
		}
		rows = grown;
		for (int i = 0; i < 5; i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			rows[n].v[i] = t ? str_dup((const char *)t) : NULL;
			if (t && !rows[n].v[i])
				rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
		}
		n++;
	}
	if (st)
		sqlite3_reset(st);
	for (size_t i = 0; !rc && i < n; i++)
		rc = vouched_site(op, x, m, (const char **)rows[i].v);
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < 5; j++)
			free(rows[i].v[j]);
	free(rows);
	free(json);
	return rc;
}

/* ---- ownership: a pre-scan of the changeset ---- */

typedef struct owner_scan {
	sqlite3_int64 *units; /* the unit rids of the sites under the origin */
	int nunits;
	char table[64];       /* the table of the last change, and what travels of it */
	char dir[8];
	int unit_col;         /* its unit column, or -1 */
	int changes;
} owner_scan;

/* the units of the origin's subtree (SQL_SITE_OWNED): what campaign_cursor_site() keeps */
static const char SQL_UNITS_UNDER[] = SQL_SITE_OWNED("?2") "SELECT rid FROM owned WHERE ?1 IS NOT NULL";
static const char SQL_TRAVELS[] =
	"SELECT t.direction, coalesce((SELECT c.cid FROM pragma_table_info(t.name) c WHERE c.name = t.unit_column), -1) "
	"FROM sync_table t WHERE t.name = ?2 AND ?1 IS NOT NULL";

static int units_under(write_op *op, const char *origin, owner_scan *o)
{
	sqlite3_stmt *st = stmts_get(&op->st, SQL_UNITS_UNDER);
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	bind_all(st, "it", 1, origin);
	while (!rc && db_step_row(op->db, st, "cannot read the sites' units", &rc)) {
		sqlite3_int64 *u = realloc(o->units, (size_t)(o->nunits + 1) * sizeof *u);
		if (!u)
			rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
		else
			(o->units = u)[o->nunits++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rc;
}

/* What travels of table @t (read once per run of its changes). */
static int table_travels(write_op *op, apply_ctx *x, owner_scan *o, const char *t)
{
	int found = 0;
	sqlite3_stmt *st;
	if (!strcmp(o->table, t))
		return CAMPAIGN_OK;
	if (!(st = row_first(&op->st, SQL_TRAVELS, 1, t, &found)))
		return campaign_error_code_last();
	if (found) {
		column_copy(st, 0, o->dir, sizeof o->dir);
		o->unit_col = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (!found)
		return refuse(x, "site %s sent rows of table %s, which does not travel between sites", x->origin, t);
	snprintf(o->table, sizeof o->table, "%s", t);
	return CAMPAIGN_OK;
}

static int unit_owned(const owner_scan *o, sqlite3_value *v)
{
	sqlite3_int64 u;
	if (!v || sqlite3_value_type(v) == SQLITE_NULL)
		return 1;
	u = sqlite3_value_int64(v);
	for (int i = 0; i < o->nunits; i++)
		if (o->units[i] == u)
			return 1;
	return 0;
}

/* One change: its table travels the part's way; a row up belongs to a unit of the origin's subtree. */
static int check_change(write_op *op, apply_ctx *x, const manifest *m, owner_scan *o, sqlite3_changeset_iter *it)
{
	const char *t;
	int ncol, kind, indirect, rc;
	sqlite3_value *old = NULL, *new = NULL;
	sqlite3changeset_op(it, &t, &ncol, &kind, &indirect);
	if ((rc = table_travels(op, x, o, t)))
		return rc;
	o->changes++;
	/* an insert is an imported row: after the first thousand the apply's audit switches to batches
	 * (the rows come in after the scan, above the marks), as a bulk import's does */
	if (kind == SQLITE_INSERT && (rc = db_bulk_tick(op->db)))
		return rc;
	if (strcmp(o->dir, m->dir))
		return refuse(x, "site %s sent rows of %s, which travel only %s (%s)", m->from, t, o->dir,
		              !strcmp(o->dir, "down") ? "the plan, rules, models and catalogues come from above"
		                                      : "a site's own records go to the sites above it");
	if (strcmp(m->dir, "up") || o->unit_col < 0 || o->unit_col >= ncol)
		return CAMPAIGN_OK;
	if (kind != SQLITE_INSERT)
		sqlite3changeset_old(it, o->unit_col, &old);
	if (kind != SQLITE_DELETE)
		sqlite3changeset_new(it, o->unit_col, &new);
	if (!unit_owned(o, old) || !unit_owned(o, new))
		return refuse(x, "site %s sent a row of %s of unit %lld, which is not a unit of %s or the sites below it",
		              m->from, t, (long long)sqlite3_value_int64(unit_owned(o, old) ? new : old), m->from);
	return CAMPAIGN_OK;
}

static int check_owners(write_op *op, apply_ctx *x, const sync_part *p, const manifest *m, int *changes)
{
	owner_scan o = {.unit_col = -1};
	sqlite3_changeset_iter *it = NULL;
	sync_mem_in in = {p->changeset, p->clen, 0};
	int rc = units_under(op, m->from, &o), src = SQLITE_OK;
	if (!rc && p->clen && (src = sqlite3changeset_start_strm(&it, sync_mem_read, &in)) != SQLITE_OK)
		rc = refuse(x, "the changes from site %s cannot be read", m->from);
	while (!rc && it && (src = sqlite3changeset_next(it)) == SQLITE_ROW)
		rc = check_change(op, x, m, &o, it);
	if (!rc && it && src != SQLITE_DONE)
		rc = refuse(x, "the changes from site %s cannot be read", m->from);
	if (it)
		sqlite3changeset_finalize(it);
	free(o.units);
	*changes = o.changes;
	return rc;
}

/* ---- applying ---- */

typedef struct conflicts {
	apply_ctx *x;
	const manifest *m;
	int table_conflict;
	char what[160];
} conflicts;

static int values_equal(sqlite3_value *a, sqlite3_value *b)
{
	int t;
	if (!a || !b)
		return !a && !b;
	if ((t = sqlite3_value_type(a)) != sqlite3_value_type(b))
		return 0;
	switch (t) {
	case SQLITE_NULL: return 1;
	case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b);
	default:
		return sqlite3_value_bytes(a) == sqlite3_value_bytes(b) &&
		       !memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b), (size_t)sqlite3_value_bytes(a));
	}
}

/* 1 if the row here is already what the change makes of it: a replay. */
static int already_there(sqlite3_changeset_iter *it, int ncol)
{
	for (int i = 0; i < ncol; i++) {
		sqlite3_value *nv = NULL, *cv = NULL;
		if (sqlite3changeset_new(it, i, &nv) != SQLITE_OK || !nv)
			continue; /* an update leaves the columns it does not change out */
		if (sqlite3changeset_conflict(it, i, &cv) != SQLITE_OK || !values_equal(nv, cv))
			return 0;
	}
	return 1;
}

/* Identical replay: omit. From above, the plan's owner wins a changed row.
 * Anything else aborts the whole bundle. */
static int on_conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	conflicts *c = ctx;
	const char *t;
	int ncol, kind, indirect;
	sqlite3changeset_op(it, &t, &ncol, &kind, &indirect);
	if ((type == SQLITE_CHANGESET_CONFLICT || type == SQLITE_CHANGESET_DATA) && already_there(it, ncol))
		return SQLITE_CHANGESET_OMIT;
	if ((type == SQLITE_CHANGESET_CONFLICT || type == SQLITE_CHANGESET_DATA) && !strcmp(c->m->dir, "down"))
		return SQLITE_CHANGESET_REPLACE;
	if (type == SQLITE_CHANGESET_NOTFOUND && kind == SQLITE_DELETE && !strcmp(c->m->dir, "down"))
		return SQLITE_CHANGESET_OMIT; /* gone already, by a cascade from its parent */
	snprintf(c->what, sizeof c->what, "%s of a row of %s",
	         type == SQLITE_CHANGESET_CONFLICT   ? "a different row with the same key"
	         : type == SQLITE_CHANGESET_DATA     ? "a row changed here since"
	         : type == SQLITE_CHANGESET_NOTFOUND ? "no such row here"
	         : type == SQLITE_CHANGESET_CONSTRAINT ? "a constraint failed"
	                                               : "a foreign key failed",
	         t ? t : "the store");
	c->table_conflict = 1;
	return SQLITE_CHANGESET_ABORT;
}

static int apply_changes(write_op *op, apply_ctx *x, const sync_part *p, const manifest *m)
{
	conflicts c = {.x = x, .m = m};
	sync_mem_in in = {p->changeset, p->clen, 0};
	int src;
	if (!p->clen)
		return CAMPAIGN_OK;
	src = sqlite3changeset_apply_v2_strm(op->db->sql, sync_mem_read, &in, NULL, on_conflict, &c, NULL, NULL,
	                                     SQLITE_CHANGESETAPPLY_NOSAVEPOINT);
	if (src == SQLITE_OK)
		return CAMPAIGN_OK;
	if (c.table_conflict || src == SQLITE_ABORT)
		return refuse(x, "the changes from site %s conflict with this store: %s", m->from,
		              *c.what ? c.what : "aborted");
	return error_from_sqlite(op->db->sql, src, "cannot apply the changes");
}

static const char SQL_RECEIVED[] =
	"INSERT INTO sync_peer (site, received, head_seq, head_hash, received_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	"ON CONFLICT (site) DO UPDATE SET received = excluded.received, head_seq = excluded.head_seq, "
	"head_hash = excluded.head_hash, received_at = excluded.received_at";
static const char SQL_ACKED[] = "UPDATE sync_peer SET acked = max(acked, ?1), acked_audit = max(acked_audit, ?2) WHERE site = ?3";
static const char SQL_HOLD[] = "INSERT OR IGNORE INTO sync_held (origin, head, part, direction) "
                               "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM site WHERE "
                               "CASE ?4 WHEN 'up' THEN self = 1 AND parent IS NOT NULL "
                               "ELSE parent = (SELECT code FROM site WHERE self = 1) END)";

/* A part held to go up, relayed to ?1 (the parent), whose origin's head it has received. */
static const char SQL_HELD_DONE[] =
	"DELETE FROM sync_held WHERE direction = 'up' AND json_valid(?2) AND EXISTS (SELECT 1 FROM "
	"json_each(?2, '$.relayed') j WHERE j.key = sync_held.origin AND sync_held.head <= j.value) AND EXISTS "
	"(SELECT 1 FROM sync_forwarded f WHERE f.origin = sync_held.origin AND f.head = sync_held.head AND f.peer = ?1)";
static const char SQL_FORWARDED_DONE[] =
	"DELETE FROM sync_forwarded WHERE peer = ?1 AND NOT EXISTS (SELECT 1 FROM sync_held h WHERE "
	"h.origin = sync_forwarded.origin AND h.head = sync_forwarded.head)";

/* After a part is in: what came from its origin, what it acknowledges of
 * ours, and the part held to travel on (up to our parent, down to our children). */
static int record_part(write_op *op, const sync_part *p, const manifest *m)
{
	char now[21];
	sqlite3_stmt *st;
	int rc;
	db_now(now);
	rc = stmt_run(&op->st, op->db, SQL_RECEIVED, "cannot record the bundle", "tIItt", m->from, m->last, m->audit_last,
	              m->head_hash, now);
	if (!rc && !strcmp(m->to, op->object ? op->object : ""))
		rc = stmt_run(&op->st, op->db, SQL_ACKED, "cannot record the acknowledgement", "IIt", m->ack, m->ack_audit,
		              m->from);
	/* from above, addressed here: the parts we relayed up that it holds let go */
	if (!rc && !strcmp(m->to, op->object ? op->object : "") && !strcmp(m->dir, "down") &&
	    (st = stmts_get(&op->st, SQL_HELD_DONE))) {
		sqlite3_bind_text(st, 1, m->from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, p->manifest, (int)p->mlen, SQLITE_STATIC);
		if (!(rc = db_step_done(op->db, st, "cannot let go of the parts relayed")))
			rc = stmt_run(&op->st, op->db, SQL_FORWARDED_DONE, "cannot let go of the parts relayed", "t", m->from);
	} else if (!rc && !strcmp(m->to, op->object ? op->object : "") && !strcmp(m->dir, "down"))
		rc = campaign_error_code_last();
	if (rc || !(st = stmts_get(&op->st, SQL_HOLD)))
		return rc ? rc : campaign_error_code_last();
	bind_all(st, "tI", m->from, m->audit_last);
	sqlite3_bind_blob64(st, 3, p->bytes, p->size, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->dir, -1, SQLITE_STATIC);
	return db_step_done(op->db, st, "cannot hold the part");
}

static int apply_part(write_op *op, apply_ctx *x, const sync_part *p)
{
	manifest m = {0};
	peer_state ps;
	int replay = 0, changes = 0, rc = manifest_read(op, x, p, &m);
	if (!rc)
		rc = check_signature(op, x, p, &m);
	if (!rc)
		rc = peer_read(op, m.from, &ps);
	if (!rc)
		rc = check_sequence(op, x, &m, &ps, &replay);
	if (!rc && !replay)
		rc = vouched_sites(op, x, p, &m);
	if (!rc && !replay)
		rc = check_owners(op, x, p, &m, &changes);
	if (!rc && !replay)
		rc = check_chain(op, x, p, &m, &ps);
	if (!rc && !replay)
		rc = apply_changes(op, x, p, &m);
	if (!rc && !replay)
		rc = record_part(op, p, &m);
	if (!rc)
		rc = buf_printf(&x->report, "%s{\"origin\":\"%s\",\"first\":%lld,\"last\":%lld,\"audit_last\":%lld,"
		                            "\"status\":\"%s\",\"changes\":%d}",
		                x->report.size > 10 ? "," : "", m.from, (long long)m.first, (long long)m.last,
		                (long long)m.audit_last, replay ? "replay" : "applied", changes);
	return rc;
}

/* ---- pruning: what the parent acknowledged leaves the outbox ----
 * An outbox row acknowledged by the parent (its bundles down carry `ack`) is
 * not needed up again: its tables that travel up are dropped, and the row with
 * them when nothing else is left. What travels down (the plan, rules, models,
 * catalogues: written at the top) stays, as it is what a site added below later
 * starts from. At the top nothing travels up: its up rows go at once. So a
 * county's outbox holds only what the city has not acknowledged. */
static const char SQL_PRUNE_UPTO[] =
	"SELECT CASE WHEN s.parent IS NULL THEN (SELECT coalesce(max(seq), 0) FROM sync_outbox) "
	"ELSE coalesce((SELECT acked FROM sync_peer WHERE site = s.parent), 0) END, "
	"(SELECT coalesce(max(seq), 0) FROM sync_outbox) FROM site s WHERE s.self = 1 AND ?1 IS NOT NULL AND ?2 IS NULL";
static const char SQL_PRUNE_NEXT[] =
	"SELECT seq, changeset FROM sync_outbox WHERE seq > ?1 AND seq <= ?2 ORDER BY seq LIMIT 1";
static const char SQL_PRUNE_DROP[] = "DELETE FROM sync_outbox WHERE seq = ?1";
static const char SQL_PRUNE_KEEP[] = "UPDATE sync_outbox SET changeset = ?2 WHERE seq = ?1";

static int outbox_prune(write_op *op)
{
	int found = 0, rc = CAMPAIGN_OK;
	sqlite3_stmt *st = row_first(&op->st, SQL_PRUNE_UPTO, 1, NULL, &found);
	sqlite3_int64 upto, last, seq = 0;
	if (!st)
		return campaign_error_code_last();
	upto = found ? sqlite3_column_int64(st, 0) : 0;
	last = found ? sqlite3_column_int64(st, 1) : 0;
	sqlite3_reset(st);
	while (!rc && seq < upto) {
		struct campaign_buf cs = {0}, down = {0};
		if (!(st = stmts_get(&op->st, SQL_PRUNE_NEXT)))
			return campaign_error_code_last();
		bind_all(st, "II", seq, upto);
		if (!db_step_row(op->db, st, "cannot read the outbox", &rc)) {
			sqlite3_reset(st);
			break;
		}
		seq = sqlite3_column_int64(st, 0);
		rc = buf_append(&cs, sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1));
		sqlite3_reset(st);
		if (!rc)
			rc = changeset_keep(op, &cs, "down", &down);
		/* the last row stays, emptied: the next write's seq follows it (INTEGER PRIMARY KEY, no AUTOINCREMENT) */
		if (!rc && !down.size && seq < last)
			rc = stmt_run(&op->st, op->db, SQL_PRUNE_DROP, "cannot prune the outbox", "I", seq);
		else if (!rc && down.size < cs.size && (st = stmts_get(&op->st, SQL_PRUNE_KEEP))) {
			sqlite3_bind_int64(st, 1, seq);
			sqlite3_bind_blob64(st, 2, down.size ? down.data : "", down.size, SQLITE_STATIC);
			rc = db_step_done(op->db, st, "cannot prune the outbox");
		} else if (!rc && down.size < cs.size)
			rc = campaign_error_code_last();
		buf_reset(&cs), buf_reset(&down);
	}
	return rc;
}

static int apply_prepare(write_op *op, void *ctx)
{
	apply_ctx *x = ctx;
	(void)op;
	return file_read(x->path, &x->file);
}

static int apply_body(write_op *op, void *ctx)
{
	apply_ctx *x = ctx;
	const unsigned char *p = (const unsigned char *)x->file.data;
	size_t n = x->file.size, at = sizeof BUNDLE_MAGIC - 1, used = 0;
	int rc = sync_self_code(op->db, x->self);
	op->object = x->self;
	if (!rc && !*x->self)
		return error_set(CAMPAIGN_EINVALID, "the store is no site: run campaign_site_init() first");
	if (!rc && (n < at || memcmp(p, BUNDLE_MAGIC, at)))
		return refuse(x, "%s is not a bundle file", x->path);
	if (!rc)
		rc = buf_puts(&x->report, "{\"parts\":[");
	while (!rc && at < n) {
		sync_part part;
		if (!(rc = part_parse(p + at, n - at, &part, &used)))
			rc = apply_part(op, x, &part);
		else
			x->refused = 1;
		at += used;
	}
	if (!rc)
		rc = buf_puts(&x->report, "]}");
	if (!rc)
		rc = outbox_prune(op);
	if (!rc)
		rc = write_result(op, x->report.data);
	return rc;
}

static const char SQL_QUARANTINE[] = "INSERT INTO sync_quarantine (at, origin, reason, bundle) VALUES (?1, ?2, ?3, ?4)";

typedef struct quarantine_ctx {
	apply_ctx *x;
	const char *reason;
} quarantine_ctx;

static int quarantine_body(write_op *op, void *ctx)
{
	quarantine_ctx *q = ctx;
	sqlite3_stmt *st = stmts_get(&op->st, SQL_QUARANTINE);
	char now[21];
	if (!st)
		return campaign_error_code_last();
	db_now(now);
	bind_all(st, "too", now, q->x->origin, q->reason);
	sqlite3_bind_blob64(st, 4, q->x->file.data, q->x->file.size, SQLITE_STATIC);
	return db_step_done(op->db, st, "cannot quarantine the bundle");
}

/* A refused bundle is kept whole with its reason, in a transaction of its own. */
static int quarantine(campaign_db *db, apply_ctx *x, const char *actor)
{
	char *reason = str_dup(campaign_error_message());
	quarantine_ctx q = {x, reason};
	write_op op = {.name = "sync.quarantine", .actor = actor, .object = x->origin, .detail = reason,
	               .access = WRITE_ANY, .flags = WRITE_NO_CAMPAIGN | WRITE_NO_CAPTURE | WRITE_NOT_DENIED,
	               .body = quarantine_body};
	int rc = reason ? db_write(db, &op, &q, NULL) : CAMPAIGN_ENOMEM;
	/* the caller learns why the bundle was refused, not how the quarantine went */
	rc = rc ? rc : error_set(CAMPAIGN_EINVALID, "%s", reason);
	free(reason);
	return rc;
}

int campaign_sync_apply(campaign_buf **out_report, campaign_db *db, const char *path, const char *actor)
{
	apply_ctx x = {.path = path};
	/* the rows applied are logged as the origin's chain already logs them, under the call's entry */
	write_op op = {.name = "sync.apply", .actor = actor, .detail = path, .access = ACCESS_PLAN,
	               .flags = WRITE_NO_CAMPAIGN | WRITE_NO_CAPTURE | WRITE_BULK, .prepare = apply_prepare,
	               .body = apply_body};
	int rc = need(path, "the bundle file");
	if (!rc)
		rc = db_write(db, &op, &x, out_report);
	if (rc == CAMPAIGN_EINVALID && x.refused)
		rc = quarantine(db, &x, actor);
	buf_reset(&x.file), buf_reset(&x.report);
	return rc;
}
