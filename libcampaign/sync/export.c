/* campaign_sync_export: this site's part for a peer (a changegroup of the
 * outbox after what the peer has, the audit entries since, a signed
 * manifest), then the held parts of other sites that travel that way. */
#include <stddef.h>
#include <string.h>
#include "sync/sync.h"

OPTIONS_INIT_FN(sync_export, CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION)

typedef struct export_ctx {
	const campaign_sync_export_options *o;
	char self[8];
	const char *dir;          /* "up" to the parent, "down" to a child */
	sqlite3_int64 from, last; /* outbox seqs (from, last] */
	sqlite3_int64 audit_from, head; /* audit seqs (audit_from, head] */
	sqlite3_int64 ack, ack_audit;   /* what we received from the peer */
	struct campaign_buf file, report;
} export_ctx;

static int export_check(void *ctx)
{
	const campaign_sync_export_options *o = ctx;
	int rc = need(o->to_site, "the peer site (to_site)");
	return rc ? rc : need(o->path, "the bundle file (path)");
}

static const char SQL_PEER_ENSURE[] = "INSERT OR IGNORE INTO sync_peer (site) VALUES (?2)";
static const char SQL_PEER_READ[] =
	"SELECT CASE WHEN ?1 THEN acked ELSE sent END, CASE WHEN ?1 THEN acked_audit ELSE audit_sent END, received, "
	"head_seq FROM sync_peer WHERE site = ?2";

/* Which way the peer is, and what it has of ours. */
static int export_peer(write_op *op, export_ctx *x)
{
	int found = 0, rc = site_direction(op->db, &op->st, x->o->to_site, &x->dir);
	sqlite3_stmt *st;
	if (!rc && (!x->dir || !strcmp(x->o->to_site, x->self)))
		return error_set(CAMPAIGN_ENOTFOUND, "site %s is not a known site above or below this site (%s)",
		                 x->o->to_site, x->self);
	/* a peer below receives what travels down */
	if (!rc)
		x->dir = !strcmp(x->dir, "up") ? "down" : "up";
	if (!rc)
		rc = stmt_run(&op->st, op->db, SQL_PEER_ENSURE, "cannot record the peer", "it", 0, x->o->to_site);
	if (rc || !(st = row_first(&op->st, SQL_PEER_READ, x->o->resend, x->o->to_site, &found)))
		return rc ? rc : campaign_error_code_last();
	x->from = sqlite3_column_int64(st, 0);
	x->audit_from = sqlite3_column_int64(st, 1);
	x->ack = sqlite3_column_int64(st, 2);
	x->ack_audit = sqlite3_column_int64(st, 3);
	sqlite3_reset(st);
	return CAMPAIGN_OK;
}

static const char SQL_OUTBOX_AFTER[] = "SELECT seq, changeset FROM sync_outbox WHERE seq > ?1 AND ?2 IS NULL ORDER BY seq";

/* The outbox after x->from, grouped into one changeset in @cs. */
static int export_changes(write_op *op, export_ctx *x, struct campaign_buf *cs)
{
	sqlite3_changegroup *g = NULL;
	struct campaign_buf all = {0};
	sqlite3_stmt *st = stmts_get(&op->st, SQL_OUTBOX_AFTER);
	int rc = CAMPAIGN_OK, src;
	if (!st)
		return campaign_error_code_last();
	if ((src = sqlite3changegroup_new(&g)) != SQLITE_OK)
		return error_from_sqlite(op->db->sql, src, "cannot group the changes");
	x->last = x->from;
	sqlite3_bind_int64(st, 1, x->from);
	while (!rc && db_step_row(op->db, st, "cannot read the outbox", &rc)) {
		sync_mem_in in = {sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1), 0};
		x->last = sqlite3_column_int64(st, 0);
		if ((src = sqlite3changegroup_add_strm(g, sync_mem_read, &in)) != SQLITE_OK)
			rc = error_from_sqlite(op->db->sql, src, "cannot group the changes");
	}
	sqlite3_reset(st);
	if (!rc && (src = sqlite3changegroup_output_strm(g, sync_to_buf, &all)) != SQLITE_OK)
		rc = error_from_sqlite(op->db->sql, src, "cannot group the changes");
	sqlite3changegroup_delete(g);
	/* only what travels the peer's way: a city's own findings do not go down to its counties */
	if (!rc)
		rc = changeset_keep(op, &all, x->dir, cs);
	buf_reset(&all);
	return rc;
}

/* The site's own audit entries after x->audit_from, every hashed field and the hash. */
static const char SQL_AUDIT_AFTER[] =
	"SELECT coalesce(json_group_array(json_array(seq, at, kind, tbl, key, object, actor, operation, campaign, detail, "
	"before, after, call, hash)), '[]'), coalesce(max(seq), ?1) FROM (SELECT * FROM audit_log WHERE seq > ?1 "
	"AND ?2 IS NULL ORDER BY seq)";
static const char SQL_HEAD_HASH[] = "SELECT hash FROM audit_log WHERE seq = ?1 AND ?2 IS NULL";

static int export_audit(write_op *op, export_ctx *x, struct campaign_buf *audit, char hash[65])
{
	int found = 0, rc = CAMPAIGN_OK;
	sqlite3_stmt *st = row_first(&op->st, SQL_AUDIT_AFTER, x->audit_from, NULL, &found);
	if (!st)
		return campaign_error_code_last();
	x->head = sqlite3_column_int64(st, 1);
	/* downward the manifest carries the head alone: the plan's receivers keep it as a witness */
	if (!strcmp(x->dir, "up"))
		rc = buf_puts(audit, db_column_text(st, 0, &rc));
	sqlite3_reset(st);
	hash[0] = 0;
	if (!rc && x->head && !(st = row_first(&op->st, SQL_HEAD_HASH, x->head, NULL, &found)))
		return campaign_error_code_last();
	if (!rc && x->head) {
		column_copy(st, 0, hash, 65);
		sqlite3_reset(st);
	}
	return rc;
}

/* The sites this site vouches for, with their keys: going up, the known sites
 * below it (a city's counties: the province learns their keys from the city);
 * going down, the sites above it (a county learns the province's key from its
 * city). Parents before children, nearest first. */
#define SQL_SITE_JSON                                                                                           \
	"json_object('code', s.code, 'name', s.name, 'parent', s.parent, 'unit', s.unit, 'public_key', s.public_key)"
#define SQL_VOUCHED                                                                                             \
	"(SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT " SQL_SITE_JSON " AS j FROM site s JOIN "   \
	"(WITH RECURSIVE below(code, depth) AS (SELECT code, 0 FROM site WHERE self = 1 UNION ALL "                 \
	"SELECT t.code, b.depth + 1 FROM site t JOIN below b ON t.parent = b.code WHERE b.depth < 16), "            \
	"above(code, depth) AS (SELECT parent, 1 FROM site WHERE self = 1 AND parent IS NOT NULL UNION ALL "        \
	"SELECT t.parent, a.depth + 1 FROM site t JOIN above a ON t.code = a.code WHERE t.parent IS NOT NULL "      \
	"AND a.depth < 16) "                                                                                        \
	"SELECT code, depth FROM below WHERE ?3 = 'up' AND depth > 0 UNION ALL "                                    \
	"SELECT code, depth FROM above WHERE ?3 = 'down') v ON v.code = s.code "                                    \
	"WHERE s.public_key IS NOT NULL ORDER BY v.depth, s.code))"

/* Going down: the chain heads received here from the sites below the peer,
 * whose parts the peer relayed up: it may let go of what it holds of them. */
#define SQL_RELAYED                                                                                             \
	"CASE WHEN ?3 = 'down' THEN (WITH RECURSIVE b(code) AS (SELECT code FROM site WHERE parent = ?2 UNION "     \
	"SELECT s.code FROM site s JOIN b ON s.parent = b.code) SELECT json_group_object(p.site, p.head_seq) "      \
	"FROM sync_peer p JOIN b ON b.code = p.site WHERE p.head_seq > 0) ELSE '{}' END"

static const char SQL_MANIFEST[] =
	"SELECT json_object('from', ?1, 'to', ?2, 'direction', ?3, 'first', ?4 + 1, 'last', ?5, 'schema', ?6, "
	"'audit_first', ?7 + 1, 'audit_last', ?8, 'head_seq', ?8, 'head_hash', ?9, 'ack', ?10, 'ack_audit', ?11, "
	"'sha256', ?12, 'at', ?13, 'sites', json(" SQL_VOUCHED "), 'relayed', json(" SQL_RELAYED "))";

static int export_own_part(write_op *op, export_ctx *x)
{
	struct campaign_buf cs = {0}, audit = {0};
	char hash[65], digest[65], now[21];
	sqlite3_stmt *st;
	int rc = export_changes(op, x, &cs);
	if (!rc)
		rc = export_audit(op, x, &audit, hash);
	if (!rc)
		rc = part_digest(cs.data, cs.size, audit.data, audit.size, digest);
	if (!rc && !(st = stmts_get(&op->st, SQL_MANIFEST)))
		rc = campaign_error_code_last();
	if (!rc) {
		db_now(now);
		bind_all(st, "tttIIiIItIItt", x->self, x->o->to_site, x->dir, x->from, x->last,
		         campaign_schema_version_supported(), x->audit_from, x->head, hash, x->ack, x->ack_audit, digest, now);
		if (db_step_row(op->db, st, "cannot write the manifest", &rc))
			rc = part_write(op->db, &x->file, (const char *)sqlite3_column_text(st, 0), &cs, &audit);
		sqlite3_reset(st);
	}
	if (!rc)
		rc = buf_printf(&x->report, "{\"origin\":\"%s\",\"first\":%lld,\"last\":%lld,\"audit_last\":%lld}",
		                x->self, (long long)x->from + 1, (long long)x->last, (long long)x->head);
	buf_reset(&cs), buf_reset(&audit);
	return rc;
}

/* ?3 (resend): every part still held, relayed already or not -- a part relayed up is held until the
 * parent confirms it (`relayed`, sync/apply.c), so a lost bundle's parts go again */
static const char SQL_HELD[] =
	"SELECT origin, head, part FROM sync_held h WHERE direction = ?1 AND origin <> ?2 AND (?3 OR NOT EXISTS "
	"(SELECT 1 FROM sync_forwarded f WHERE f.origin = h.origin AND f.head = h.head AND f.peer = ?2)) "
	"ORDER BY origin, head";
static const char SQL_FORWARDED[] = "INSERT OR IGNORE INTO sync_forwarded (origin, head, peer) VALUES (?1, ?2, ?3)";

/* The parts of other sites held here that go on to the peer, unchanged. */
static int export_held(write_op *op, export_ctx *x)
{
	sqlite3_stmt *st = stmts_get(&op->st, SQL_HELD);
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	bind_all(st, "tti", x->dir, x->o->to_site, x->o->resend);
	while (!rc && db_step_row(op->db, st, "cannot read the held parts", &rc)) {
		const char *origin = (const char *)sqlite3_column_text(st, 0);
		sqlite3_int64 head = sqlite3_column_int64(st, 1);
		rc = buf_append(&x->file, sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2));
		if (!rc)
			rc = buf_printf(&x->report, ",{\"origin\":\"%s\",\"audit_last\":%lld,\"relayed\":true}", origin,
			                (long long)head);
		if (!rc)
			rc = stmt_run(&op->st, op->db, SQL_FORWARDED, "cannot record the relay", "tIt", origin, head,
			              x->o->to_site);
	}
	sqlite3_reset(st);
	return rc;
}

static const char SQL_SENT[] = "UPDATE sync_peer SET sent = ?1, audit_sent = ?2 WHERE site = ?3";

static int export_body(write_op *op, void *ctx)
{
	export_ctx *x = ctx;
	int rc = sync_self_code(op->db, x->self);
	if (!rc && !*x->self)
		return error_set(CAMPAIGN_EINVALID, "the store is no site: run campaign_site_init() first");
	if (!rc && !op->db->signing_key)
		return error_set(CAMPAIGN_EINVALID, "a bundle is signed: open the store with its signing key");
	if (!rc)
		rc = export_peer(op, x);
	if (!rc)
		rc = buf_puts(&x->file, BUNDLE_MAGIC);
	if (!rc)
		rc = buf_printf(&x->report, "{\"from\":\"%s\",\"to\":\"%s\",\"parts\":[", x->self, x->o->to_site);
	if (!rc)
		rc = export_own_part(op, x);
	if (!rc)
		rc = export_held(op, x);
	if (!rc)
		rc = buf_puts(&x->report, "]}");
	if (!rc)
		rc = stmt_run(&op->st, op->db, SQL_SENT, "cannot record what was sent", "IIt", x->last, x->head,
		              x->o->to_site);
	/* written last, inside the transaction: a failure leaves neither the file nor the counters */
	if (!rc)
		rc = buf_write_file(&x->file, x->o->path);
	if (!rc)
		rc = write_result(op, x->report.data);
	return rc;
}

int campaign_sync_export(campaign_buf **out_report, campaign_db *db, const campaign_sync_export_options *opts,
                         const char *actor)
{
	export_ctx x = {.o = opts};
	write_op op = {.name = "sync.export", .actor = actor, .object = opts ? opts->to_site : NULL,
	               .detail = opts ? opts->path : NULL, .access = ACCESS_PLAN, .flags = WRITE_NO_CAMPAIGN,
	               .body = export_body};
	int rc;
	/* the context is more than the options: they are checked here, before the envelope */
	if ((rc = options_check(opts, CAMPAIGN_SYNC_EXPORT_OPTIONS_VERSION, "campaign_sync_export_options")) ||
	    (rc = export_check((void *)opts)))
		return rc;
	rc = db_write(db, &op, &x, out_report);
	buf_reset(&x.file), buf_reset(&x.report);
	return rc;
}
