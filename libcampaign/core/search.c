/* Full-text search in Chinese: an FTS5 tokenizer that makes every CJK
 * character a token (and Latin words and numbers whole, lower-cased), so that
 * a phrase query finds a word of any length where its characters stand
 * together — FTS5's trigram tokenizer cannot match the two-character words
 * most Chinese is made of. The index is kept from the audit log's row
 * changes when the library commits (see audit_seal), not by triggers. */
#include <math.h>
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

/* ---- the rank ---- */

/* BM25 as FTS5's bm25() computes it (k1 = 1.2, b = 0.75), but with the idf
 * ln(1 + N / n) (N documents, n of them holding the phrase) instead of
 * ln((N - n + 0.5) / (n + 0.5)): FTS5 floors that at 1e-6 once a phrase is in
 * half the documents, so a common word scored 0 for every hit. This idf stays
 * at ln 2 or more, and hits still rank by how often the phrase stands in a
 * text and how short the text is. */
#define RANK_K1 1.2
#define RANK_B 0.75
/* The score is returned as one exact integer key: -(score in thousandths) *
 * 2^32 + the document's id, so that FTS5's own ORDER BY rank (the form it
 * sorts inside itself, letting the query stop after the page) is a total
 * order: best first, then the oldest document. */
#define RANK_ID_SPAN 4294967296.0
#define RANK_SCORE_MAX 1048575.0 /* thousandths: the key stays below 2^53 */

struct rank_stats {
	double avg_size;
	double idf[];
};

static int count_hit(const Fts5ExtensionApi *api, Fts5Context *fts, void *hits)
{
	(void)api, (void)fts;
	++*(sqlite3_int64 *)hits;
	return SQLITE_OK;
}

/* The statement's document count, mean size and each phrase's idf, counted
 * at the first row and kept for the others. */
static struct rank_stats *rank_stats(const Fts5ExtensionApi *api, Fts5Context *fts, int *rc)
{
	struct rank_stats *s = api->xGetAuxdata(fts, 0);
	int phrases = api->xPhraseCount(fts);
	sqlite3_int64 docs = 0, size = 0;
	if (s)
		return s;
	if (!(s = sqlite3_malloc64(sizeof *s + (size_t)phrases * sizeof s->idf[0]))) {
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	*rc = api->xRowCount(fts, &docs);
	if (!*rc)
		*rc = api->xColumnTotalSize(fts, -1, &size);
	s->avg_size = docs && size ? (double)size / (double)docs : 1.0;
	for (int i = 0; !*rc && i < phrases; i++) {
		sqlite3_int64 hits = 0;
		*rc = api->xQueryPhrase(fts, i, &hits, count_hit);
		s->idf[i] = log(1.0 + (double)docs / (double)(hits ? hits : 1));
	}
	if (*rc) {
		sqlite3_free(s);
		return NULL;
	}
	/* on failure xSetAuxdata frees s itself */
	return (*rc = api->xSetAuxdata(fts, s, sqlite3_free)) ? NULL : s;
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int rc = SQLITE_OK, size = 0;
	struct rank_stats *s = rank_stats(api, fts, &rc);
	double score = 0, norm;
	(void)argc, (void)argv;
	if (s && !(rc = api->xColumnSize(fts, -1, &size))) {
		norm = RANK_K1 * (1 - RANK_B + RANK_B * size / s->avg_size);
		for (int i = 0; !rc && i < api->xPhraseCount(fts); i++) {
			Fts5PhraseIter it;
			int col, off, tf = 0;
			rc = api->xPhraseFirst(fts, i, &it, &col, &off);
			for (; !rc && col >= 0; api->xPhraseNext(fts, &it, &col, &off))
				tf++;
			score += s->idf[i] * tf * (RANK_K1 + 1) / (tf + norm);
		}
	}
	if (rc) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	score = floor(score * 1000 + 0.5);
	sqlite3_result_double(ctx, -(score < RANK_SCORE_MAX ? score : RANK_SCORE_MAX) * RANK_ID_SPAN +
	                               (double)api->xRowid(fts));
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
	/* not reached by the suite: Debian's SQLite (the one .ci/deps.sh installs) has FTS5; a build of
	   SQLite without it is refused here rather than failing later in a migration */
	if (rc != SQLITE_OK)
		return error_set(CAMPAIGN_ERROR, "this SQLite has no FTS5: full-text search needs it");
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	rc = stmt_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return error_from_sqlite(db->sql, rc, "cannot register the full-text tokenizer");
	if (!api || (rc = api->xCreateTokenizer(api, "campaign_cjk", NULL, &tokenizer, NULL)) != SQLITE_OK ||
	    (rc = api->xCreateFunction(api, "campaign_rank", NULL, rank_fn, NULL)) != SQLITE_OK)
		return rc == SQLITE_NOMEM ? error_set(CAMPAIGN_ENOMEM, "out of memory")
		                          : error_set(CAMPAIGN_ERROR, "cannot register the full-text tokenizer and rank");
	return CAMPAIGN_OK;
}

/* ---- keeping the index ---- */

#define INDEX_FAILED "cannot update the search index"
/* What the transaction changed, as ranges of rows: its batches in their
 * order, then each single row changed as a range of one (a row a bulk import
 * inserted and then changed is indexed again after its batch). Sorted, so
 * read whole before the first row is indexed. */
static const char SQL_CHANGED[] =
	"SELECT tbl, first, last FROM (SELECT 0 AS single, seq, tbl, first, last FROM audit_batch WHERE seq > ?1 "
	"AND tbl IN ('finding', 'rectification') UNION SELECT 1, 0, tbl, CAST(key AS INTEGER), CAST(key AS INTEGER) "
	"FROM audit_log WHERE seq > ?1 AND tbl IN ('finding', 'rectification') AND kind <> 'batch') ORDER BY single, seq";
/* Indexing the rows ?2..?3 of kind ?1 (a bulk import's batch, or one changed
 * row), in order: drop what was indexed for them, then their documents and
 * their text; a row that is gone is left out. */
static const char *const SQL_INDEX_RANGE[] = {
	"DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_doc WHERE kind = ?1 AND rid BETWEEN ?2 AND ?3)",
	"DELETE FROM search_doc WHERE kind = ?1 AND rid BETWEEN ?2 AND ?3",
	"INSERT INTO search_doc (kind, rid, campaign) SELECT ?1, rowid, campaign FROM finding "
	"WHERE ?1 = 'finding' AND rowid BETWEEN ?2 AND ?3 UNION ALL SELECT ?1, rowid, campaign FROM rectification "
	"WHERE ?1 = 'rectification' AND rowid BETWEEN ?2 AND ?3",
	"INSERT INTO search_fts (rowid, body) SELECT d.id, CASE d.kind WHEN 'finding' THEN "
	"(SELECT f.description || coalesce('；' || f.people, '') FROM finding f WHERE f.rowid = d.rid) ELSE "
	"(SELECT r.problem || '；' || r.measure || '；' || r.criterion || '；' || r.responsible FROM rectification r "
	"WHERE r.rowid = d.rid) END FROM search_doc d WHERE d.kind = ?1 AND d.rid BETWEEN ?2 AND ?3"};

/* A few statements for all the rows of a range. */
static int index_range(campaign_db *db, const char *kind, sqlite3_int64 first, sqlite3_int64 last)
{
	int rc = CAMPAIGN_OK;
	for (size_t i = 0; !rc && i < sizeof SQL_INDEX_RANGE / sizeof *SQL_INDEX_RANGE; i++)
		rc = stmt_run(NULL, db, SQL_INDEX_RANGE[i], INDEX_FAILED, "tII", kind, first, last);
	return rc;
}

int search_sync(campaign_db *db, sqlite3_int64 after_seq)
{
	sqlite3_stmt *st;
	int rc = CAMPAIGN_OK;
	/* the module that owns the tables may not exist in this store */
	if (!db->has_search)
		return CAMPAIGN_OK;
	if (!(st = db_stmt(db, SQL_CHANGED)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, after_seq);
	while (!rc && db_step_row(db, st, INDEX_FAILED, &rc)) {
		const char *kind = db_column_text(st, 0, &rc);
		if (!rc)
			rc = index_range(db, kind && !strcmp(kind, "finding") ? "finding" : "rectification",
			                 sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2));
	}
	sqlite3_reset(st);
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

/* FTS5 sorts the matches by rank itself (ORDER BY rank with the index as
 * the outer loop: CROSS JOIN keeps it there), so the joins and highlight()
 * run only until the cursor's page is full; sorting the joined rows instead
 * read every match first (2.9 s for a common word at L). */
int campaign_search_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *text,
                          const char *kind)
{
	struct campaign_buf phrase = {0};
	sqlite3_int64 crid;
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, campaign,
	                     "SELECT d.kind, coalesce(f.id, r.id) AS object, u.id AS unit, u.name AS unit_name, "
	                     "highlight(search_fts, 0, '【', '】') AS text, "
	                     "CAST(-floor(search_fts.rank / 4294967296.0) AS INTEGER) AS score "
	                     "FROM search_fts CROSS JOIN search_doc d ON d.id = search_fts.rowid "
	                     "LEFT JOIN finding f ON d.kind = 'finding' AND f.rowid = d.rid "
	                     "LEFT JOIN rectification r ON d.kind = 'rectification' AND r.rowid = d.rid "
	                     "JOIN unit u ON u.rid = coalesce(f.unit, r.unit) "
	                     "WHERE search_fts MATCH ?2 AND search_fts.rank MATCH 'campaign_rank()' "
	                     "AND d.campaign = ?1 AND (?3 IS NULL OR d.kind = ?3) ORDER BY search_fts.rank",
	                     "ttttti", &crid);
	if (!rc && kind && strcmp(kind, "finding") && strcmp(kind, "rectification"))
		rc = error_set(CAMPAIGN_EINVALID, "kind \"%s\" is not finding or rectification", kind);
	if (!rc && !(rc = search_phrase(text, &phrase))) {
		bind_copy(cursor_stmt(c), 2, phrase.data, -1);
		if (kind)
			bind_copy(cursor_stmt(c), 3, kind, -1);
	}
	buf_reset(&phrase);
	return query_done(out, c, rc);
}
