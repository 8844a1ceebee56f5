/* Progress on the seed plan: reports and their history, shares owed through
 * a group, status on a date, thresholds, supervision, workload and bulk
 * import that writes all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define PROGRESS(f) CAMPAIGN_SOURCE_DIR "/tests/data/progress/" f

/* A report by @actor, without note or evidence. */
static int report_as(campaign_db *db, const char *o, const char *u, const char *st, int pct, const char *date,
                     const char *actor)
{
	campaign_progress_report_add_options r = report_options(o, u, st, pct, date);
	return campaign_progress_report_add(NULL, db, NULL, &r, actor);
}

static void report(campaign_db *db, const char *o, const char *u, const char *st, int pct, const char *date)
{
	int rc = report_as(db, o, u, st, pct, date, "clerk");
	if (rc)
		fprintf(stderr, "%s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
}

/* The outcomes of @color on @as_of, " "-joined. */
static const char *outcomes_colored(campaign_db *db, const char *as_of, const char *color)
{
	campaign_cursor *c;
	return column_joined(campaign_outcome_status_query(&c, db, NULL, as_of), &c, "outcome", "color", color);
}

static void test_report_and_history(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int n = 0;
	report(db, "t1.1.o1", "liyong", "in_progress", 60, "2010-11-20");
	report(db, "t1.1.o1", "liyong", "done", 100, "2010-11-29");
	{
		campaign_progress_report_add_options r = CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_INIT;
		campaign_buf *id;
		r.outcome = "t1.1.o1";
		r.unit = "liyong";
		r.status = "in_progress";
		r.percent = 90;
		r.date = "2010-11-25";
		r.note = "补报";
		r.evidence = "乐国土资〔2010〕1号";
		assert_int_equal(campaign_progress_report_add(&id, db, NULL, &r, "clerk"), CAMPAIGN_OK);
		assert_int_equal(strlen(campaign_buf_data(id)), 36); /* the new report's id */
		campaign_buf_free(id);
	}
	/* history keeps all three, in report-date order; the newest by date is current */
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, "t1.1.o1", "liyong"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		static const char *const dates[] = {"2010-11-20", "2010-11-25", "2010-11-29"};
		assert_string_equal(campaign_cursor_get(c, "reported_on"), dates[n]);
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "current")), n == 2);
		if (n == 1) {
			assert_string_equal(campaign_cursor_get(c, "note"), "补报");
			assert_string_equal(campaign_cursor_get(c, "evidence"), "乐国土资〔2010〕1号");
			assert_string_equal(campaign_cursor_get(c, "actor"), "clerk");
			assert_int_equal(strlen(campaign_cursor_get(c, "id")), 36);
		}
		n++;
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 3);
	/* as of 11-26 the report in force is the 11-25 one */
	assert_int_equal(campaign_share_status_query(&c, db, NULL, "2010-11-26"), CAMPAIGN_OK);
	expect_row(c, "outcome", "t1.1.o1", "unit_name", "利用科", "status", "in_progress", NULL);
	assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "percent")), 90);
	assert_string_equal(campaign_cursor_get(c, "color"), "yellow");
	campaign_cursor_free(c);
}

/* Reports refused, with their codes and messages (NULL: not checked). */
static const struct {
	const char *outcome, *unit, *status;
	int percent;
	const char *date, *actor;
	int rc;
	const char *msg;
} bad[] = {
	{"t1.1.o1", "liyong", "finished", 60, "2010-11-20", "x", CAMPAIGN_EINVALID,
	 "status \"finished\" is not one of not_started, in_progress, done, blocked"},
	{"t1.1.o1", "liyong", "in_progress", 101, "2010-11-20", "x", CAMPAIGN_EINVALID, "percent 101 is not in 0..100"},
	{"t1.1.o1", "liyong", "done", 50, "2010-11-20", "x", CAMPAIGN_EINVALID, NULL},
	{"t1.1.o1", "liyong", "done", 100, "2010-02-30", "x", CAMPAIGN_EINVALID,
	 "date \"2010-02-30\" is not a date (YYYY-MM-DD)"},
	{"t9.o1", "liyong", "done", 100, "2010-11-20", "x", CAMPAIGN_ENOTFOUND, "no outcome with id \"t9.o1\""},
	{"t1.1.o1", "nobody", "done", 100, "2010-11-20", "x", CAMPAIGN_ENOTFOUND, "unknown unit \"nobody\""},
	/* 规划科 supports t1.1 but leads nothing there: it owes no share */
	{"t1.1.o1", "guihua", "done", 100, "2010-11-20", "x", CAMPAIGN_ENOTFOUND,
	 "unit \"guihua\" owes no share of outcome \"t1.1.o1\""},
	{"t1.1.o1", "liyong", "done", 100, "2010-11-20", NULL, CAMPAIGN_EINVALID, NULL},
};

static void test_bad_reports_write_nothing(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	report(db, "t1.1.o1", "liyong", "in_progress", 60, "2010-11-20");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_error(report_as(db, bad[i].outcome, bad[i].unit, bad[i].status, bad[i].percent, bad[i].date, bad[i].actor),
		             bad[i].rc, bad[i].msg);
	/* the options: given, of a known version */
	{
		campaign_progress_report_add_options r;
		assert_int_equal(campaign_progress_report_add(NULL, db, NULL, NULL, "x"), CAMPAIGN_EINVALID);
		assert_string_equal(campaign_error_message(), "campaign_progress_report_add_options is NULL (initialise it with its _INIT or _init())");
		assert_int_equal(campaign_progress_report_add_options_init(&r, 2), CAMPAIGN_EINVALID);
		assert_int_equal(campaign_progress_report_add_options_init(NULL, 1), CAMPAIGN_EINVALID);
		assert_int_equal(campaign_progress_report_add_options_init(&r, CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION),
		                 CAMPAIGN_OK);
		assert_null(r.outcome);
		r.version = 2;
		assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "x"), CAMPAIGN_EINVALID);
		assert_string_equal(campaign_error_message(), "campaign_progress_report_add_options: unknown version 2 (this library knows 1)");
	}
	assert_int_equal(progress_reports(db), 1);
	/* a plan with reports is not silently replaced */
	{
		campaign_import_options opts = CAMPAIGN_IMPORT_OPTIONS_INIT;
		opts.replace = 1;
		assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "x", &opts), CAMPAIGN_ECONFLICT);
		assert_non_null(strstr(campaign_error_message(), "has 1 progress reports recorded against it"));
	}
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, "t1.1.o1", NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 1);
}

static void test_group_shares(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int shares = 0;
	/* each county bureau owes its own share of 各县…12月中旬完成; 监察室 does not (the outcome names the
	 * counties as its owners, issue 14) */
	assert_int_equal(campaign_share_status_query(&c, db, NULL, "2010-12-01"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "outcome"), "t2.2.o4"))
			shares++;
	campaign_cursor_free(c);
	assert_int_equal(shares, 11);
	report(db, "t2.2.o4", "emeishan", "done", 100, "2010-12-15");
	assert_int_equal(campaign_outcome_status_query(&c, db, NULL, "2010-12-22"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (strcmp(campaign_cursor_get(c, "outcome"), "t2.2.o4"))
			continue;
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "shares")), 11);
		assert_null(strstr(campaign_cursor_get(c, "owing"), "监察室"));
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "done")), 1);
		assert_string_equal(campaign_cursor_get(c, "color"), "red");
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "days_late")), 2);
		assert_null(strstr(campaign_cursor_get(c, "owing"), "峨眉山市国土资源局"));
		assert_non_null(strstr(campaign_cursor_get(c, "owing"), "马边彝族自治县国土资源局"));
	}
	campaign_cursor_free(c);
}

/* The report as of 2010-12-01 marks exactly the outcomes due by then and not done. */
static void test_overdue_as_of(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	report(db, "t2.4.o1", "jiancha", "done", 100, "2010-10-28");
	report(db, "t1.1.o1", "liyong", "done", 100, "2010-11-29");
	report(db, "t1.2.o1", "kuangguan", "done", 100, "2010-12-05"); /* after the date: does not count yet */
	assert_string_equal(outcomes_colored(db, "2010-12-01", "red"), "t1.2.o1 t2.1.o1 t2.4.o2 t3.1.o1 t3.2.o4 t3.3.o2 ");
	assert_string_equal(outcomes_colored(db, "2010-12-01", "done"), "t1.1.o1 t2.4.o1 ");
	assert_string_equal(outcomes_colored(db, "2010-12-01", "none"), "t2.2.o1 t2.2.o2 t2.2.o3 t2.3.o1 t3.4.o3 ");
	/* yellow within 7 days of the last day: on 12-01 nothing ends by 12-08;
	 * on 12-14 only 12月中旬 (to 12-20) does */
	assert_string_equal(outcomes_colored(db, "2010-12-01", "yellow"), "");
	assert_string_equal(outcomes_colored(db, "2010-12-14", "yellow"), "t2.2.o4 ");
	assert_string_equal(outcomes_colored(db, "2010-12-05", "red"), "t2.1.o1 t2.4.o2 t3.1.o1 t3.2.o4 t3.3.o2 ");
	/* supervision: 监察室 lags most */
	assert_int_equal(campaign_supervision_query(&c, db, NULL, "2010-12-01"), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "unit"), "jiancha");
	assert_int_equal(campaign_cursor_int(c, 2), 3);
	assert_int_equal(campaign_cursor_int(c, 3), 62);
	assert_string_equal(campaign_cursor_get(c, "outcomes"), "t2.1.o1,t2.4.o2,t3.2.o4");
	assert_string_equal(campaign_cursor_get(c, "reason"),
	                    "监察室 逾期未完成 3 项: t2.1.o1(逾期1天)、t2.4.o2(逾期31天)、t3.2.o4(逾期62天)");
	campaign_cursor_free(c);
	assert_int_equal(campaign_outcome_status_query(&c, db, NULL, "2010-13-01"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "\"2010-13-01\" is not a date (YYYY-MM-DD)");
}

static void test_thresholds(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_thresholds_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_int(c, 0), 7);
	assert_int_equal(campaign_cursor_int(c, 1), 0);
	campaign_cursor_free(c);
	assert_string_equal(outcomes_colored(db, "2010-11-25", "yellow"), "t1.1.o1 t1.2.o1 t2.1.o1 ");
	assert_int_equal(campaign_thresholds_set(db, NULL, 3, 2, "office"), CAMPAIGN_OK);
	assert_string_equal(outcomes_colored(db, "2010-11-25", "yellow"), "");
	/* two days of grace: one day late is not yet red */
	assert_string_equal(outcomes_colored(db, "2010-12-02", "red"), "t2.4.o1 t2.4.o2 t3.1.o1 t3.2.o4 t3.3.o2 ");
	assert_int_equal(campaign_thresholds_set(db, NULL, -1, 0, "office"), CAMPAIGN_EINVALID);
}

static void test_phases_and_workload(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_string_equal(column_joined(campaign_phase_status_query(&c, db, NULL, "2010-11-05"), &c, "status", NULL, NULL),
	                    "ended passed passed passed active due_soon upcoming upcoming upcoming upcoming ");
	assert_int_equal(campaign_workload_query(&c, db, NULL, "2010-11-01", "2010-11-30", "2010-12-01"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (strcmp(campaign_cursor_get(c, "unit"), "jiancha"))
			continue;
		assert_int_equal(campaign_cursor_int(c, 2), 14); /* measures led */
		assert_int_equal(campaign_cursor_int(c, 3), 10); /* supported */
		assert_int_equal(campaign_cursor_int(c, 5), 1);  /* due in November: t2.1.o1 */
		assert_int_equal(campaign_cursor_int(c, 6), 4);  /* overdue on 12-01: t2.1.o1 t2.4.o1 t2.4.o2 t3.2.o4 */
	}
	campaign_cursor_free(c);
	assert_int_equal(campaign_workload_query(&c, db, NULL, "2010-11", NULL, NULL), CAMPAIGN_EINVALID);
}

/* Files with one bad row, and the message after the file's path. */
static const struct {
	const char *path, *msg;
} bad_files[] = {
	{PROGRESS("bad-status.csv"),
	 ":3:18: row 2: status \"finished\" is not one of not_started, in_progress, done, blocked"},
	{PROGRESS("bad-unit.csv"), ":3:9: row 2: unit \"guihua\" owes no share of outcome \"t1.2.o1\""},
	{PROGRESS("bad-percent.yaml"), ":2:67: row 2: percent 130 is not in 0..100"},
};

static void test_bulk_import(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	char want[1024];
	assert_int_equal(campaign_progress_import_file(db, NULL, PROGRESS("good.csv"), NULL, "clerk"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 3);
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, "t2.2.o4", "emeishan"), CAMPAIGN_OK);
	expect_row(c, "note", "峨眉山市局上报总结报告,附件3份", "evidence", "峨国土资〔2010〕88号", NULL);
	campaign_cursor_free(c);
	assert_int_equal(campaign_progress_import_file(db, NULL, PROGRESS("good.yaml"), NULL, "clerk"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 5);
	/* one bad row: nothing written, the row named */
	for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++) {
		snprintf(want, sizeof want, "%s%s", bad_files[i].path, bad_files[i].msg);
		expect_error(campaign_progress_import_file(db, NULL, bad_files[i].path, NULL, "clerk"), CAMPAIGN_EINVALID, want);
		assert_int_equal(progress_reports(db), 5);
	}
	assert_int_equal(campaign_progress_import_file(db, NULL, SEED_PLAN ".txt", NULL, "clerk"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_progress_import_file(db, NULL, "/nonexistent.csv", NULL, "clerk"), CAMPAIGN_EIO);
}

TEST_MAIN("progress",
          SEED_TEST(test_report_and_history),
          SEED_TEST(test_bad_reports_write_nothing),
          SEED_TEST(test_group_shares),
          SEED_TEST(test_overdue_as_of),
          SEED_TEST(test_thresholds),
          SEED_TEST(test_phases_and_workload),
          SEED_TEST(test_bulk_import))
