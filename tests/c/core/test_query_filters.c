/* The per-filter statements of the history, findings and risk register
 * queries (issue 9) return, for every filter combination on the seed data,
 * exactly what the single statement with "(?N IS NULL OR ...)" filters
 * returned: that statement is kept here and run with SQLite beside the API
 * on the same file, row by row, column by column. Values only, no timings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "testutil.h"

#define ok(x) assert_int_equal((x), CAMPAIGN_OK)
#define CATALOGUE(f) CAMPAIGN_SOURCE_DIR "/examples/catalogues/" f

/* The statements as they were before issue 9. */
/* The history as plain joins: outcome reports, then milestone reports. */
#define OLD_HISTORY_OF(ITEM, REPORT, KEY)                                                                   \
	"SELECT * FROM (SELECT p.id, o.id AS outcome, u.id AS unit, p.status, p.percent, p.reported_on, p.note, " \
	"p.evidence, p.actor, p.recorded_at, p.rowid = (SELECT p2.rowid FROM " REPORT " p2 WHERE p2." KEY      \
	" = p." KEY " AND p2.unit = p.unit ORDER BY p2.reported_on DESC, p2.id DESC LIMIT 1) AS current, '"    \
	ITEM "' AS kind FROM " REPORT " p JOIN " ITEM " o ON o.rid = p." KEY " JOIN unit u ON u.rid = p.unit " \
	"WHERE o.campaign = 1 AND (?2 IS NULL OR o.id = ?2) AND (?3 IS NULL OR u.id = ?3) "                    \
	"ORDER BY o.ord, u.ord, p.reported_on, p.id)"
static const char OLD_HISTORY[] = OLD_HISTORY_OF("outcome", "progress_report", "outcome") " UNION ALL "
	OLD_HISTORY_OF("milestone", "milestone_report", "milestone");
static const char OLD_FINDINGS[] =
	"SELECT f.id, u.id AS unit, u.name AS unit_name, k.id AS catalogue, k.version, g.id AS category, "
	"g.text AS category_text, f.origin, CASE f.origin WHEN 'self_reported' THEN '自查发现' "
	"WHEN 'investigated' THEN '查办发现' WHEN 'inspection_tour' THEN '巡视发现' "
	"WHEN 'citizen_report' THEN '群众举报' ELSE '审计发现' END AS origin_label, f.people, f.description, "
	"f.amount_fen, CASE WHEN f.amount_fen IS NOT NULL THEN (f.amount_fen / 100) || '.' || "
	"substr('0' || (f.amount_fen % 100), -2) END AS amount, f.found_on, r.id AS round, l.leniency, "
	"CASE l.leniency WHEN 'lenient' THEN '从宽' ELSE '从严' END AS leniency_label, l.reason, f.concealed, "
	"f.falsified, l.accountability, f.flag_note, "
	"(SELECT CASE WHEN count(*) = 0 THEN 'open' WHEN count(*) = count(closed_on) THEN 'closed' "
	"ELSE 'rectifying' END FROM rectification WHERE finding = f.id) AS status, "
	"(SELECT count(*) FROM rectification WHERE finding = f.id) AS rectifications, f.recorded_by, f.recorded_at "
	"FROM finding f JOIN unit u ON u.rid = f.unit JOIN finding_leniency l ON l.finding = f.id "
	"LEFT JOIN violation_category g ON g.rid = f.category LEFT JOIN violation_catalogue k ON k.rid = g.catalogue "
	"LEFT JOIN inspection_round r ON r.rid = f.round "
	"WHERE f.campaign = 1 AND (?2 IS NULL OR u.id = ?2) AND (?3 IS NULL OR f.id = ?3) "
	"ORDER BY f.found_on, f.id";

typedef struct store {
	char path[64];
	campaign_db *db;
	sqlite3 *raw;
} store;

static void store_open(store *s)
{
	int fd;
	snprintf(s->path, sizeof s->path, "/tmp/campaign-filters-XXXXXX");
	fd = mkstemp(s->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(s->path);
	ok(campaign_open(&s->db, s->path, 0));
	ok(campaign_plan_import_file(s->db, SEED_PLAN, "office", NULL));
	s->raw = NULL;
}

static void store_close(store *s)
{
	char side[80];
	sqlite3_close(s->raw);
	campaign_close(s->db);
	unlink(s->path);
	snprintf(side, sizeof side, "%s-wal", s->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", s->path);
	unlink(side);
}

/* Runs @sql with ?2 and ?3 bound (NULL: not given) and compares every row
 * and column, as text, with cursor @c (freed). Returns the rows. */
static int same_rows(store *s, const char *sql, const char *p2, const char *p3, campaign_cursor *c)
{
	sqlite3_stmt *st;
	int n = 0, ncol = campaign_cursor_column_count(c);
	if (!s->raw)
		assert_int_equal(sqlite3_open_v2(s->path, &s->raw, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(s->raw, sql, -1, &st, NULL), SQLITE_OK);
	if (p2)
		sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC);
	if (p3)
		sqlite3_bind_text(st, 3, p3, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_column_count(st), ncol);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ok(campaign_cursor_next(c));
		for (int i = 0; i < ncol; i++) {
			const char *want = (const char *)sqlite3_column_text(st, i), *got = campaign_cursor_text(c, i);
			assert_string_equal(campaign_cursor_column_name(c, i), sqlite3_column_name(st, i));
			if (!want || !got)
				assert_ptr_equal(want, got);
			else
				assert_string_equal(got, want);
		}
		n++;
	}
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	sqlite3_finalize(st);
	campaign_cursor_free(c);
	return n;
}

/* The distinct values of column @col of a query, "" last (the NULL filter). */
static int values(campaign_cursor *c, const char *col, char out[][64], int max)
{
	int n = 0, i = campaign_cursor_column_index(c, col);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *v = campaign_cursor_text(c, i);
		int k = 0;
		while (k < n && strcmp(out[k], v))
			k++;
		if (k == n && n < max - 1)
			snprintf(out[n++], 64, "%s", v);
	}
	campaign_cursor_free(c);
	return n;
}

static void report(campaign_db *db, const char *o, const char *u, const char *st, int pct, const char *date)
{
	campaign_progress_report_add_options r = report_options(o, u, st, pct, date);
	ok(campaign_progress_report_add(NULL, db, NULL, &r, "clerk"));
}

static void test_history_every_filter(void **state)
{
	store s;
	char outcomes[64][64], units[64][64];
	int no, nu, total = 0, shares = 0;
	campaign_cursor *c;
	(void)state;
	store_open(&s);
	ok(campaign_progress_import_file(s.db, NULL, CAMPAIGN_SOURCE_DIR "/tests/data/progress/good.csv", NULL, "office"));
	/* same-day reports: the id (time-ordered) decides which is current */
	report(s.db, "t1.1.o1", "liyong", "in_progress", 60, "2010-11-20");
	report(s.db, "t1.1.o1", "liyong", "in_progress", 70, "2010-11-20");
	report(s.db, "t1.1.o1", "liyong", "in_progress", 40, "2010-11-02");
	report(s.db, "t2.2.o4", "emeishan", "in_progress", 90, "2010-12-01");
	/* milestone shares: listed after the outcomes' */
	report(s.db, "p1.counties", "emeishan", "in_progress", 50, "2010-10-20");
	report(s.db, "p1.counties", "emeishan", "done", 100, "2010-10-30");
	report(s.db, "p1.city", "city", "done", 100, "2010-10-15");
	ok(campaign_progress_history_query(&c, s.db, NULL, NULL, NULL));
	no = values(c, "outcome", outcomes, 64);
	ok(campaign_progress_history_query(&c, s.db, NULL, NULL, NULL));
	nu = values(c, "unit", units, 64);
	assert_true(no >= 3 && nu >= 3);
	ok(campaign_progress_history_query(&c, s.db, NULL, NULL, NULL));
	total = same_rows(&s, OLD_HISTORY, NULL, NULL, c);
	assert_true(total >= 7);
	for (int i = 0; i < no; i++) {
		ok(campaign_progress_history_query(&c, s.db, NULL, outcomes[i], NULL));
		assert_true(same_rows(&s, OLD_HISTORY, outcomes[i], NULL, c) > 0);
		for (int j = 0; j < nu; j++) {
			int n;
			ok(campaign_progress_history_query(&c, s.db, NULL, outcomes[i], units[j]));
			n = same_rows(&s, OLD_HISTORY, outcomes[i], units[j], c);
			shares += n > 0;
		}
	}
	for (int j = 0; j < nu; j++) {
		ok(campaign_progress_history_query(&c, s.db, NULL, NULL, units[j]));
		assert_true(same_rows(&s, OLD_HISTORY, NULL, units[j], c) > 0);
	}
	assert_true(shares >= 3);
	/* a unit that reported nothing: no rows; an unknown one: not found */
	ok(campaign_progress_history_query(&c, s.db, NULL, NULL, "guihua"));
	assert_int_equal(same_rows(&s, OLD_HISTORY, NULL, "guihua", c), 0);
	assert_int_equal(campaign_progress_history_query(&c, s.db, NULL, NULL, "nobody"), CAMPAIGN_ENOTFOUND);
	assert_int_equal(campaign_progress_history_query(&c, s.db, NULL, "t9.o1", NULL), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "no outcome or milestone with id \"t9.o1\"");
	/* a milestone's share: its reports by date, the newest current, of kind milestone */
	ok(campaign_progress_history_query(&c, s.db, NULL, "p1.counties", "峨眉山市国土资源局"));
	EXPECT_ROW(c, "percent", "50", "current", "0", "kind", "milestone", "unit", "emeishan");
	EXPECT_ROW(c, "percent", "100", "current", "1", "kind", "milestone", "unit", "emeishan");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	/* the whole history ends with the three milestone reports */
	ok(campaign_progress_history_query(&c, s.db, NULL, NULL, NULL));
	assert_string_equal(column_joined(CAMPAIGN_OK, &c, "kind", NULL, NULL) + 8 * (total - 3),
	                    "milestone milestone milestone ");
	/* the pinned share: four reports by date, the later of the two 11-20 ones current */
	ok(campaign_progress_history_query(&c, s.db, NULL, "t1.1.o1", "liyong"));
	{
		static const int pct[] = {40, 60, 70}, cur[] = {0, 0, 1};
		int n = 0;
		while (campaign_cursor_next(c) == CAMPAIGN_OK) {
			assert_true(n < 3);
			assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "percent")), pct[n]);
			assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "current")), cur[n]);
			n++;
		}
		assert_int_equal(n, 3);
		campaign_cursor_free(c);
	}
	store_close(&s);
}

static void test_findings_every_filter(void **state)
{
	store s;
	char ids[64][64], units[64][64];
	int nf, nu;
	campaign_cursor *c;
	(void)state;
	store_open(&s);
	assert_int_equal(campaign_catalogue_import_file(s.db, NULL, CATALOGUE("ten-categories.yaml"), "office"), 1);
	assert_int_equal(campaign_catalogue_import_file(s.db, NULL, CATALOGUE("five-behaviours.yaml"), "office"), 1);
	ok(campaign_inspection_round_add(s.db, NULL,
	                                 &(campaign_inspection_round_add_options){CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION,
	                                   "self-2010", NULL, "counties", "2010-10-15", "2010-12-20", "12月中旬"},
	                                 "office"));
	ok(campaign_findings_import_file(s.db, NULL, CAMPAIGN_SOURCE_DIR "/tests/data/inspection/findings.csv", NULL, "office"));
	ok(campaign_findings_import_file(s.db, NULL, CAMPAIGN_SOURCE_DIR "/tests/data/inspection/findings.yaml", NULL, "office"));
	ok(campaign_findings_query(&c, s.db, NULL, NULL, NULL));
	nf = values(c, "id", ids, 64);
	ok(campaign_findings_query(&c, s.db, NULL, NULL, NULL));
	nu = values(c, "unit", units, 64);
	assert_int_equal(nf, 5);
	assert_true(nu >= 2);
	snprintf(units[nu++], 64, "guihua"); /* a unit with no findings */
	ok(campaign_findings_query(&c, s.db, NULL, NULL, NULL));
	assert_int_equal(same_rows(&s, OLD_FINDINGS, NULL, NULL, c), 5);
	for (int j = 0; j < nu; j++) {
		ok(campaign_findings_query(&c, s.db, NULL, units[j], NULL));
		same_rows(&s, OLD_FINDINGS, units[j], NULL, c);
		for (int i = 0; i < nf; i++) {
			ok(campaign_findings_query(&c, s.db, NULL, units[j], ids[i]));
			same_rows(&s, OLD_FINDINGS, units[j], ids[i], c);
		}
	}
	/* no such unit: an error since issue 14 (it was no rows), the store unchanged */
	assert_int_equal(campaign_findings_query(&c, s.db, NULL, "nobody", NULL), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unknown unit \"nobody\"");
	assert_null(c);
	for (int i = 0; i < nf; i++) {
		ok(campaign_findings_query(&c, s.db, NULL, NULL, ids[i]));
		assert_int_equal(same_rows(&s, OLD_FINDINGS, NULL, ids[i], c), 1);
	}
	/* an empty string is no filter, as before */
	ok(campaign_findings_query(&c, s.db, NULL, "", ""));
	assert_int_equal(same_rows(&s, OLD_FINDINGS, NULL, NULL, c), 5);
	ok(campaign_findings_query(&c, s.db, NULL, "emeishan", NULL));
	assert_int_equal(count_rows(c), 1);
	store_close(&s);
}

TEST_MAIN("query_filters",
          cmocka_unit_test(test_history_every_filter),
          cmocka_unit_test(test_findings_every_filter))
