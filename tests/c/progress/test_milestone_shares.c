/* Milestones reported per unit and late completions (issue 14), on the seed
 * plan: a milestone owed by a group has one share per member, reported
 * through the same call and CSV import as outcome shares, with the same
 * colours, supervision and lateness; a done report dated after the last day
 * is a late completion with its days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

static int report(campaign_db *db, const char *item, const char *unit, const char *status, int pct,
                  const char *date)
{
	campaign_progress_report_add_options r = {.version = CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION,
	                                          .outcome = item, .unit = unit, .status = status, .percent = pct,
	                                          .date = date};
	return campaign_progress_report_add(NULL, db, NULL, &r, "clerk");
}

/* "color/completion/days_late/kind" of share (@item, @unit) on @as_of; "" when there is none. */
static const char *share(campaign_db *db, const char *as_of, const char *item, const char *unit)
{
	static char out[128];
	campaign_cursor *c;
	out[0] = '\0';
	assert_int_equal(campaign_share_status_query(&c, db, NULL, as_of), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "outcome"), item) && !strcmp(campaign_cursor_get(c, "unit"), unit)) {
			const char *done = campaign_cursor_get(c, "completion");
			snprintf(out, sizeof out, "%s/%s/%s/%s", campaign_cursor_get(c, "color"), done ? done : "-",
			         campaign_cursor_get(c, "days_late"), campaign_cursor_get(c, "kind"));
		}
	campaign_cursor_free(c);
	return out;
}

/* Reports @item done by @unit on @date; its share on @as_of must then read @want. */
static void done_and_check(campaign_db *db, const char *item, const char *unit, const char *date, const char *as_of,
                           const char *want)
{
	assert_int_equal(report(db, item, unit, "done", 100, date), CAMPAIGN_OK);
	assert_string_equal(share(db, as_of, item, unit), want);
}

/* Every share's status, for telling the store unchanged. */
static char *all_shares(campaign_db *db)
{
	campaign_cursor *c;
	size_t n = 0;
	char *s = calloc(1, 65536);
	assert_int_equal(campaign_share_status_query(&c, db, NULL, "2011-12-31"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		n += (size_t)snprintf(s + n, 65536 - n, "%s@%s:%s ", campaign_cursor_get(c, "outcome"),
		                      campaign_cursor_get(c, "unit"), campaign_cursor_get(c, "status"));
	campaign_cursor_free(c);
	return s;
}

/* Fails unless every share is as @before says; frees @before. */
static void assert_shares_unchanged(campaign_db *db, char *before)
{
	char *after = all_shares(db);
	assert_string_equal(before, after);
	free(after);
	free(before);
}

static void test_milestone_shares_per_unit(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	int outcome_rows = 0, milestone_rows = 0;
	(void)state;
	assert_int_equal(campaign_share_status_query(&c, db, NULL, "2010-10-01"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		int m = !strcmp(campaign_cursor_get(c, "kind"), "milestone");
		/* outcome shares first */
		assert_true(!m || outcome_rows > 0);
		assert_true(m || milestone_rows == 0);
		m ? milestone_rows++ : outcome_rows++;
	}
	campaign_cursor_free(c);
	/* 1 (市局) + 11 + 11 + 1 (市局) + 11 + 8 (各牵头科室) */
	assert_int_equal(milestone_rows, 43);
	/* colours like an outcome share's: yellow within 7 days of 10月底, red after it */
	assert_string_equal(share(db, "2010-10-25", "p1.counties", "mabian"), "yellow/-/0/milestone");
	assert_string_equal(share(db, "2010-11-03", "p1.counties", "mabian"), "red/-/3/milestone");
	assert_string_equal(share(db, "2010-10-01", "p4.departments", "shenpi"), "green/-/0/milestone");
	assert_string_equal(share(db, "2010-10-01", "p4.departments", "guihua"), "");
	campaign_close(db);
}

static void test_milestone_reported_like_an_outcome(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	char *before;
	(void)state;
	done_and_check(db, "p1.counties", "emeishan", "2010-10-28", "2010-12-01", "done/on_time/0/milestone");
	done_and_check(db, "p1.counties", "mabian", "2010-11-03", "2010-12-01", "done/late/3/milestone");
	/* before the report's date the share is still open */
	assert_string_equal(share(db, "2010-11-02", "p1.counties", "mabian"), "red/-/2/milestone");
	/* 规划科 leads no measure, so it is not one of 各牵头科室 and owes no summary report */
	before = all_shares(db);
	assert_int_equal(report(db, "p4.departments", "guihua", "done", 100, "2011-11-20"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unit \"guihua\" owes no share of milestone \"p4.departments\"");
	assert_int_equal(report(db, "p9.none", "jiancha", "done", 100, "2011-11-20"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "no outcome with id \"p9.none\"");
	assert_shares_unchanged(db, before);
	assert_int_equal(report(db, "p4.departments", "jiancha", "done", 100, "2011-11-20"), CAMPAIGN_OK);
	/* phase status counts the milestone's completions, on time and late */
	assert_int_equal(campaign_phase_status_query(&c, db, NULL, "2011-12-01"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *id = campaign_cursor_get(c, "id");
		int on_time = campaign_cursor_int(c, campaign_cursor_column_index(c, "done_on_time")),
		    late = campaign_cursor_int(c, campaign_cursor_column_index(c, "done_late"));
		if (!strcmp(id, "p1") || !strcmp(id, "p1.counties")) {
			assert_int_equal(on_time, 1);
			assert_int_equal(late, 1);
		} else if (!strcmp(id, "p4") || !strcmp(id, "p4.departments")) {
			assert_int_equal(on_time, 1);
			assert_int_equal(late, 0);
		} else {
			assert_int_equal(on_time + late, 0);
		}
	}
	campaign_cursor_free(c);
	/* supervision names the milestones apart: 马边 no longer owes p1.counties, 峨眉山 neither */
	assert_int_equal(campaign_supervision_query(&c, db, NULL, "2010-12-01"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *u = campaign_cursor_get(c, "unit");
		if (!strcmp(u, "mabian") || !strcmp(u, "emeishan")) {
			assert_string_equal(campaign_cursor_get(c, "milestones"), "p1.plans");
			assert_null(campaign_cursor_get(c, "outcomes"));
		} else if (!strcmp(u, "jinkouhe")) {
			assert_string_equal(campaign_cursor_get(c, "milestones"), "p1.counties,p1.plans");
		}
	}
	campaign_cursor_free(c);
	campaign_close(db);
}

/* A county's done on 12-25 against 12月中旬 (12-20) is late by 5 days. */
static void test_late_completion(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	int seen = 0;
	(void)state;
	done_and_check(db, "t2.2.o4", "emeishan", "2010-12-15", "2010-12-31", "done/on_time/0/outcome");
	done_and_check(db, "t2.2.o4", "mabian", "2010-12-25", "2010-12-31", "done/late/5/outcome");
	assert_string_equal(share(db, "2010-12-31", "t2.2.o4", "ebian"), "red/-/11/outcome");
	assert_int_equal(campaign_outcome_status_query(&c, db, NULL, "2010-12-31"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (strcmp(campaign_cursor_get(c, "outcome"), "t2.2.o4"))
			continue;
		seen = 1;
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "done")), 2);
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "done_on_time")), 1);
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "done_late")), 1);
		/* the outcome's days late are those of the shares still open */
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "days_late")), 11);
	}
	campaign_cursor_free(c);
	assert_true(seen);
	campaign_close(db);
}

/* The CSV import takes a milestone id in the outcome column; a bad row writes nothing. */
static void test_csv_import_of_milestones(void **state)
{
	campaign_db *db = open_seed();
	char *before;
	(void)state;
	before = all_shares(db);
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 "outcome,unit,status,percent,date,note,evidence\n"
	                                                 "p1.counties,shizhong,done,100,2010-10-30,,\n"
	                                                 "p1.city,guihua,done,100,2010-10-15,,\n",
	                                                 "reports.csv", NULL, "clerk"),
	                 CAMPAIGN_EINVALID);
	assert_non_null(strstr(campaign_error_message(), "reports.csv:3:"));
	assert_non_null(strstr(campaign_error_message(), "unit \"guihua\" owes no share of milestone \"p1.city\""));
	assert_shares_unchanged(db, before);
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 "outcome,unit,status,percent,date,note,evidence\n"
	                                                 "p1.counties,shizhong,done,100,2010-10-30,,\n"
	                                                 "p1.city,city,done,100,2010-10-22,,\n",
	                                                 "reports.csv", NULL, "clerk"),
	                 CAMPAIGN_OK);
	assert_string_equal(share(db, "2010-11-01", "p1.counties", "shizhong"), "done/on_time/0/milestone");
	assert_string_equal(share(db, "2010-11-01", "p1.city", "city"), "done/late/2/milestone");
	/* milestone reports, like outcome reports, keep a plan from being replaced silently */
	{
		campaign_import_options opts = CAMPAIGN_IMPORT_OPTIONS_INIT;
		opts.replace = 1;
		assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "x", &opts), CAMPAIGN_ECONFLICT);
		assert_non_null(strstr(campaign_error_message(), "has 2 progress reports recorded against it"));
	}
	campaign_close(db);
}

/* The new per-share lookups are answered from indexes. */
static const char *const share_sql[] = {
	"SELECT m.rid, u.rid, EXISTS (SELECT 1 FROM milestone_share s WHERE s.milestone = m.rid AND s.unit = u.rid) "
	"FROM milestone m, unit u WHERE m.campaign = ?1 AND m.id = ?2 AND u.campaign = ?1 AND u.id = ?3",
	"SELECT p2.rowid FROM milestone_report p2 WHERE p2.milestone = ?1 AND p2.unit = ?2 AND p2.reported_on <= ?3 "
	"ORDER BY p2.reported_on DESC, p2.id DESC LIMIT 1",
	"SELECT m.rid, gm.unit FROM milestone m JOIN milestone_share gm ON gm.milestone = m.rid WHERE m.campaign = ?1",
	"SELECT w.unit, w.grp FROM outcome_owner w WHERE w.outcome = ?1 ORDER BY w.ord",
	"SELECT 1 FROM outcome_owner w WHERE w.unit = ?1",
	"SELECT 1 FROM milestone_share s WHERE s.unit = ?1",
};
static const char *const share_tables[] = {"milestone", "milestone_share", "milestone_report", "outcome_owner", NULL};
static const hot_queries share_queries = HOT_QUERIES(share_sql, share_tables, 0);

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_milestone_shares_per_unit),
		cmocka_unit_test(test_milestone_reported_like_an_outcome),
		cmocka_unit_test(test_late_completion),
		cmocka_unit_test(test_csv_import_of_milestones),
		cmocka_unit_test_prestate(test_hot_queries_indexed, (void *)&share_queries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
