/* Full-text search in Chinese: an FTS5 tokenizer that makes every CJK
 * character a token (and Latin words and numbers whole, lower-cased), so that
 * a phrase query finds a word of any length where its characters stand
 * together — FTS5's trigram tokenizer cannot match the two-character words
 * most Chinese is made of. The index is kept from the audit log's row
 * changes when the library commits (see audit_seal), not by triggers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"

/* ---- the tokenizer ---- */

static unsigned decode(const unsigned char *p, const unsigned char *end, int *len)
{
	unsigned c = p[0];
	int n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (p + n > end)
		n = 1;
	*len = n;
	if (n == 1)
		return c;
	c &= 0xff >> (n + 1);
	for (int i = 1; i < n; i++)
		c = (c << 6) | (p[i] & 0x3f);
	return c;
}

/* Han characters of the CJK blocks, Extension A, compatibility and Extension B onwards. */
static int is_han(unsigned c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	       (c >= 0x20000 && c <= 0x3134f);
}

static int is_word(unsigned c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

typedef int (*token_cb)(void *, int, const char *, int, int, int);

static int tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n, token_cb emit)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + n;
	char word[64];
	(void)t, (void)flags;
	while (p < end) {
		int len, rc;
		unsigned c = decode(p, end, &len);
		if (is_han(c)) {
			if ((rc = emit(ctx, 0, (const char *)p, len, (int)(p - (const unsigned char *)text),
			               (int)(p + len - (const unsigned char *)text))))
				return rc;
			p += len;
		} else if (is_word(c)) {
			const unsigned char *start = p;
			int w = 0;
			while (p < end && is_word(c = decode(p, end, &len))) {
				/* full-width letters and digits fold to ASCII, and case folds too */
				unsigned a = c >= 0xff10 ? c - 0xfee0 : c;
				if (w < (int)sizeof word)
					word[w++] = (char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
				p += len;
			}
			if ((rc = emit(ctx, 0, word, w, (int)(start - (const unsigned char *)text),
			               (int)(p - (const unsigned char *)text))))
				return rc;
		} else {
			p += len;
		}
	}
	return SQLITE_OK;
}

static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx, (void)argv, (void)argc;
	*out = (Fts5Tokenizer *)1; /* stateless */
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t)
{
	(void)t;
}

int search_register(campaign_db *db)
{
	static fts5_tokenizer tokenizer = {tok_create, tok_delete, tokenize};
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, "SELECT fts5(?1)", -1, &st, NULL);
	/* out of memory is not a missing FTS5 */
	if (rc == SQLITE_NOMEM)
		return error_from_sqlite(db->sql, rc, "cannot register the full-text tokenizer");
	if (rc != SQLITE_OK)
		return error_set(CAMPAIGN_ERROR, "this SQLite has no FTS5: full-text search needs it");
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return error_from_sqlite(db->sql, rc, "cannot register the full-text tokenizer");
	if (!api || (rc = api->xCreateTokenizer(api, "campaign_cjk", NULL, &tokenizer, NULL)) != SQLITE_OK)
		return rc == SQLITE_NOMEM ? error_set(CAMPAIGN_ENOMEM, "out of memory")
		                          : error_set(CAMPAIGN_ERROR, "cannot register the full-text tokenizer");
	return CAMPAIGN_OK;
}

/* ---- keeping the index ---- */

#define INDEX_FAILED "cannot update the search index"
static const char SQL_CHANGED[] =
	"SELECT DISTINCT tbl, CAST(key AS INTEGER) FROM audit_log WHERE seq > ?1 AND tbl IN ('finding', 'rectification') "
	"AND kind <> 'batch'";
static const char SQL_BATCHES[] =
	"SELECT tbl, first, last FROM audit_batch WHERE seq > ?1 AND tbl IN ('finding', 'rectification') ORDER BY seq";
static const char SQL_UNINDEX_FTS_RANGE[] =
	"DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_doc WHERE kind = ?1 AND rid BETWEEN ?2 AND ?3)";
static const char SQL_UNINDEX_DOC_RANGE[] = "DELETE FROM search_doc WHERE kind = ?1 AND rid BETWEEN ?2 AND ?3";
static const char SQL_DOC_FINDINGS[] =
	"INSERT INTO search_doc (kind, rid, campaign) SELECT 'finding', rowid, campaign FROM finding "
	"WHERE rowid BETWEEN ?2 AND ?3";
static const char SQL_DOC_RECTS[] =
	"INSERT INTO search_doc (kind, rid, campaign) SELECT 'rectification', rowid, campaign FROM rectification "
	"WHERE rowid BETWEEN ?2 AND ?3";
static const char SQL_FTS_FINDINGS[] =
	"INSERT INTO search_fts (rowid, body) SELECT d.id, f.description || coalesce('；' || f.people, '') "
	"FROM search_doc d JOIN finding f ON f.rowid = d.rid WHERE d.kind = ?1 AND d.rid BETWEEN ?2 AND ?3";
static const char SQL_FTS_RECTS[] =
	"INSERT INTO search_fts (rowid, body) SELECT d.id, r.problem || '；' || r.measure || '；' || r.criterion || '；' || "
	"r.responsible FROM search_doc d JOIN rectification r ON r.rowid = d.rid WHERE d.kind = ?1 AND d.rid BETWEEN ?2 AND ?3";
/* Indexes the rows first..last of @kind (a bulk import's batch, or one
 * changed row), dropping what was indexed for them: a few statements for
 * all of them; a row that is gone is left out. */
static int index_range(campaign_db *db, const char *kind, sqlite3_int64 first, sqlite3_int64 last)
{
	int finding = !strcmp(kind, "finding"), rc = CAMPAIGN_OK;
	const char *sql[4] = {SQL_UNINDEX_FTS_RANGE, SQL_UNINDEX_DOC_RANGE, finding ? SQL_DOC_FINDINGS : SQL_DOC_RECTS,
	                      finding ? SQL_FTS_FINDINGS : SQL_FTS_RECTS};
	for (int i = 0; !rc && i < 4; i++) {
		sqlite3_stmt *st = db_stmt(db, sql[i]);
		if (!st)
			return campaign_error_code_last();
		if (sqlite3_bind_parameter_count(st) == 3)
			sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, first);
		sqlite3_bind_int64(st, 3, last);
		rc = db_step_done(db, st, INDEX_FAILED);
	}
	return rc;
}

/* The batches of the transaction, before its single rows: a row a bulk
 * import inserted and then changed is indexed again after them. The
 * batches are read while their rows are indexed: other tables. */
static int sync_batches(campaign_db *db, sqlite3_int64 after_seq)
{
	int rc = CAMPAIGN_OK;
	sqlite3_stmt *st = db_stmt(db, SQL_BATCHES);
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, after_seq);
	while (!rc && db_step_row(db, st, INDEX_FAILED, &rc)) {
		const char *t = db_column_text(st, 0, &rc);
		if (!rc)
			rc = index_range(db, t && !strcmp(t, "finding") ? "finding" : "rectification", sqlite3_column_int64(st, 1),
			                 sqlite3_column_int64(st, 2));
	}
	sqlite3_reset(st);
	return rc;
}

int search_sync(campaign_db *db, sqlite3_int64 after_seq)
{
	sqlite3_stmt *st;
	struct { char kind[16]; sqlite3_int64 rid; } *rows = NULL;
	size_t n = 0, cap = 0;
	int rc = CAMPAIGN_OK;
	/* the module that owns the tables may not exist in this store */
	if (!db->has_search)
		return CAMPAIGN_OK;
	if ((rc = sync_batches(db, after_seq)))
		return rc;
	if (!(st = db_stmt(db, SQL_CHANGED)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, after_seq);
	while (db_step_row(db, st, INDEX_FAILED, &rc)) {
		const char *kind = db_column_text(st, 0, &rc);
		if (rc)
			break;
		if (n == cap) {
			void *p = realloc(rows, (cap = cap ? cap * 2 : 32) * sizeof *rows);
			if (!p) {
				rc = error_set(CAMPAIGN_ENOMEM, "out of memory");
				break;
			}
			rows = p;
		}
		snprintf(rows[n].kind, sizeof rows[n].kind, "%s", kind ? kind : "");
		rows[n++].rid = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	for (size_t i = 0; !rc && i < n; i++)
		rc = index_range(db, rows[i].kind, rows[i].rid, rows[i].rid);
	free(rows);
	return rc;
}

/* ---- the query ---- */

/* The search text as one FTS5 phrase: its tokens must stand together. */
static int search_phrase(const char *text, struct campaign_buf *phrase)
{
	int rc, indexed = 0;
	if (!text || !utf8_valid(text, strlen(text)))
		return error_set(CAMPAIGN_EINVALID, "the search text must be UTF-8");
	for (const unsigned char *p = (const unsigned char *)text, *end = p + strlen(text); p < end;) {
		int len;
		unsigned ch = decode(p, end, &len);
		indexed |= is_han(ch) || is_word(ch);
		p += len;
	}
	if (!indexed)
		return error_set(CAMPAIGN_EINVALID, "search for at least one Chinese character, letter or digit, not \"%s\"",
		                 text);
	rc = buf_puts(phrase, "\"");
	for (const char *p = text; !rc && *p; p++)
		rc = *p == '"' ? buf_puts(phrase, "\"\"") : buf_append(phrase, p, 1);
	return rc ? rc : buf_puts(phrase, "\"");
}

int campaign_search_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *text,
                          const char *kind)
{
	struct campaign_buf phrase = {0};
	sqlite3_int64 crid;
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, campaign,
	                     "SELECT d.kind, coalesce(f.id, r.id) AS object, u.id AS unit, u.name AS unit_name, "
	                     "highlight(search_fts, 0, '【', '】') AS text, "
	                     "CAST(round(-bm25(search_fts) * 1000) AS INTEGER) AS score "
	                     "FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid "
	                     "LEFT JOIN finding f ON d.kind = 'finding' AND f.rowid = d.rid "
	                     "LEFT JOIN rectification r ON d.kind = 'rectification' AND r.rowid = d.rid "
	                     "JOIN unit u ON u.rid = coalesce(f.unit, r.unit) "
	                     "WHERE search_fts MATCH ?2 AND d.campaign = ?1 AND (?3 IS NULL OR d.kind = ?3) "
	                     "ORDER BY bm25(search_fts), d.id",
	                     "ttttti", &crid);
	if (!rc && kind && strcmp(kind, "finding") && strcmp(kind, "rectification"))
		rc = error_set(CAMPAIGN_EINVALID, "kind \"%s\" is not finding or rectification", kind);
	if (!rc && !(rc = search_phrase(text, &phrase))) {
		sqlite3_bind_text(cursor_stmt(c), 2, phrase.data, -1, SQLITE_TRANSIENT);
		if (kind)
			sqlite3_bind_text(cursor_stmt(c), 3, kind, -1, SQLITE_TRANSIENT);
	}
	buf_reset(&phrase);
	return query_done(out, c, rc);
}
