/* Issue 19: the supervision list is priced by its result. Its statement
 * finds the items past their last day through outcome_last and
 * milestone_last (campaign, last) and never reads every outcome (the plan
 * order outcome_order / milestone_order); its rows are still those of the
 * share status: per unit, the red shares, their count and the worst delay. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"

static void report(campaign_db *db, const char *o, const char *u, const char *st, int pct, const char *date)
{
	campaign_progress_report_add_options r = report_options(o, u, st, pct, date);
	int rc = campaign_progress_report_add(NULL, db, NULL, &r, "clerk");
	if (rc)
		fprintf(stderr, "%s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
}

/* The EXPLAIN QUERY PLAN details of the statement behind @c, "\n"-joined. */
static char *plan_of(campaign_db *db, campaign_cursor *c)
{
	char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(cursor_stmt(c)));
	struct campaign_buf b = {0};
	sqlite3_stmt *st;
	char *out;
	assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		assert_int_equal(buf_append(&b, d, strlen(d)), CAMPAIGN_OK);
		assert_int_equal(buf_append(&b, "\n", 1), CAMPAIGN_OK);
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	out = strdup(b.data ? b.data : "");
	buf_reset(&b);
	return out;
}

static void test_supervision_plan(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	char *plan;
	assert_int_equal(campaign_supervision_query(&c, db, NULL, "2010-12-01"), CAMPAIGN_OK);
	plan = plan_of(db, c);
	assert_non_null(strstr(plan, "SEARCH o USING INDEX outcome_last (campaign=? AND last<?)"));
	assert_non_null(strstr(plan, "SEARCH o USING INDEX milestone_last (campaign=? AND last<?)"));
	assert_non_null(strstr(plan, "SEARCH s USING PRIMARY KEY (outcome=?)"));
	assert_non_null(strstr(plan, "SEARCH s USING PRIMARY KEY (milestone=?)"));
	assert_null(strstr(plan, "outcome_order"));
	assert_null(strstr(plan, "milestone_order"));
	assert_null(strstr(plan, "SCAN o"));
	assert_null(strstr(plan, "SCAN s"));
	free(plan);
	campaign_cursor_free(c);
}

/* Per unit (the unit rid order of the store), "count/max" of the red shares
 * the share status gives on @as_of, and the same from the supervision list. */
static void red_by_unit(campaign_db *db, const char *as_of, char *status, char *supervision, size_t n)
{
	campaign_cursor *c;
	char units[64][64];
	int count[64] = {0}, max[64] = {0}, k = 0;
	size_t used = 0;
	assert_int_equal(campaign_share_status_query(&c, db, NULL, as_of), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *u = campaign_cursor_get(c, "unit"), *color = campaign_cursor_get(c, "color");
		int i;
		if (!u || strcmp(color, "red"))
			continue;
		for (i = 0; i < k && strcmp(units[i], u); i++)
			;
		if (i == k) {
			assert_true(k < 64);
			snprintf(units[k++], sizeof units[0], "%s", u);
		}
		count[i]++;
		if (campaign_cursor_int(c, 9) > max[i])
			max[i] = (int)campaign_cursor_int(c, 9);
	}
	campaign_cursor_free(c);
	*status = *supervision = '\0';
	for (int i = 0; i < k; i++)
		used += (size_t)snprintf(status + used, n - used, "%s=%d/%d ", units[i], count[i], max[i]);
	assert_int_equal(campaign_supervision_query(&c, db, NULL, as_of), CAMPAIGN_OK);
	for (int j = 0; campaign_cursor_next(c) == CAMPAIGN_OK; j++) {
		const char *u = campaign_cursor_get(c, "unit");
		assert_true(strstr(status, u) != NULL);
	}
	campaign_cursor_free(c);
	/* the supervision list in the share status' unit order */
	used = 0;
	for (int i = 0; i < k; i++) {
		assert_int_equal(campaign_supervision_query(&c, db, NULL, as_of), CAMPAIGN_OK);
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			if (!strcmp(campaign_cursor_get(c, "unit"), units[i]))
				used += (size_t)snprintf(supervision + used, n - used, "%s=%d/%d ", units[i], (int)campaign_cursor_int(c, 2),
				                         (int)campaign_cursor_int(c, 3));
		campaign_cursor_free(c);
	}
}

static int supervision_rows(campaign_db *db, const char *as_of)
{
	campaign_cursor *c;
	assert_int_equal(campaign_supervision_query(&c, db, NULL, as_of), CAMPAIGN_OK);
	return count_rows(c);
}

static void test_supervision_is_the_red_shares(void **state)
{
	campaign_db *db = *state;
	static const char *const dates[] = {"2010-06-01", "2010-10-31", "2010-12-01", "2010-12-05", "2011-01-05"};
	char status[4096], supervision[4096];
	report(db, "t2.4.o1", "jiancha", "done", 100, "2010-10-28");
	report(db, "t1.1.o1", "liyong", "done", 100, "2010-11-29");
	report(db, "t1.2.o1", "kuangguan", "done", 100, "2010-12-05");
	report(db, "t2.1.o1", "jiancha", "done", 100, "2010-11-01");
	report(db, "t2.1.o1", "jiancha", "in_progress", 50, "2010-11-15"); /* done, then reopened */
	for (int t = 0; t < 2; t++) {
		for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
			red_by_unit(db, dates[i], status, supervision, sizeof status);
			assert_string_equal(supervision, status);
		}
		/* a red threshold of 5 days: the index range moves with it */
		assert_int_equal(campaign_thresholds_set(db, NULL, 7, 5, "admin"), CAMPAIGN_OK);
	}
	/* on the seed's last day the list is not empty, before the first deadline it is */
	assert_true(supervision_rows(db, "2011-01-05") > 0);
	assert_int_equal(supervision_rows(db, "2010-01-01"), 0);
}

static int setup(void **state)
{
	*state = open_seed();
	return 0;
}

static int teardown(void **state)
{
	campaign_close(*state);
	return 0;
}

TEST_MAIN("progress.priced_by_result", cmocka_unit_test_setup_teardown(test_supervision_plan, setup, teardown),
          cmocka_unit_test_setup_teardown(test_supervision_is_the_red_shares, setup, teardown))
