/* Dates checked against the campaign period (2010-10-01 – 2011-12-31 on the
 * seed plan) and the one deadline language of every deadline field (issue
 * 14, items 4 and 5): exact codes and messages, the store unchanged after a
 * refusal, on the seed plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "testutil.h"

#define OUTSIDE " is outside the campaign 2010-10-01 – 2011-12-31"
#define FIVE CAMPAIGN_SOURCE_DIR "/examples/catalogues/five-behaviours.yaml"

static void ok(int rc)
{
	if (rc)
		fprintf(stderr, "unexpected: %s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
}

/* A call that must be refused with EINVALID and exactly @message. */
static void refused(int rc, const char *message)
{
	assert_int_equal(rc, CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), message);
}

/* "WHAT DATE is after today (T)", T the day the library takes for today: the local date (as db_today). */
static const char *after_today(const char *what, const char *date)
{
	static char msg[160];
	char day[11];
	time_t t = time(NULL);
	strftime(day, sizeof day, "%Y-%m-%d", localtime(&t));
	snprintf(msg, sizeof msg, "%s %s is after today (%s)", what, date, day);
	return msg;
}

static void append_cursor(char **s, campaign_cursor *c)
{
	size_t n = strlen(*s);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		for (int i = 0; i < campaign_cursor_column_count(c); i++) {
			const char *v = campaign_cursor_text(c, i);
			size_t k = strlen(v ? v : "-") + 1;
			*s = realloc(*s, n + k + 1);
			snprintf(*s + n, k + 1, "%s|", v ? v : "-");
			n += k;
		}
	campaign_cursor_free(c);
}

/* The plan (dump_store) with everything recorded against it and the audit log's length. */
static char *snapshot(campaign_db *db)
{
	char *s = dump_store(db);
	campaign_cursor *c;
	ok(campaign_progress_history_query(&c, db, NULL, NULL, NULL));
	append_cursor(&s, c);
	ok(campaign_findings_query(&c, db, NULL, NULL, NULL));
	append_cursor(&s, c);
	ok(campaign_rectifications_query(&c, db, NULL, NULL, NULL));
	append_cursor(&s, c);
	ok(campaign_inspection_rounds_query(&c, db, NULL, NULL, NULL, "2011-12-31"));
	append_cursor(&s, c);
	ok(campaign_tours_query(&c, db, NULL, 2011, "counties", "2011-12-31"));
	append_cursor(&s, c);
	ok(campaign_proposals_query(&c, db, NULL, NULL, NULL));
	append_cursor(&s, c);
	ok(campaign_actions_query(&c, db, NULL, NULL, NULL, "2011-12-31"));
	append_cursor(&s, c);
	ok(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL));
	append_cursor(&s, c);
	return s;
}

static void unchanged(campaign_db *db, char *before)
{
	char *after = snapshot(db);
	assert_string_equal(after, before);
	free(after);
	free(before);
}

static int report(campaign_db *db, const char *outcome, const char *unit, const char *date)
{
	campaign_progress_report_add_options r = {CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION, outcome, unit, "done",
	                                          100, date, NULL, NULL};
	return campaign_progress_report_add(NULL, db, NULL, &r, "office");
}

static int finding(campaign_db *db, const char *id, const char *found_on)
{
	campaign_finding_add_options f = {CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, id, "emeishan", NULL, "self_reported",
	                                  NULL, "擅自缓缴土地出让金", NULL, found_on, NULL};
	return campaign_finding_add(NULL, db, NULL, &f, "office");
}

static int rectification(campaign_db *db, const char *id, const char *deadline)
{
	campaign_rectification_add_options r = {CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION, id, "F1", NULL, "追缴出让金",
	                                        deadline, "王局长", "出让金全额入库"};
	return campaign_rectification_add(NULL, db, NULL, &r, "office");
}

/* ---- item 4: dates that happened ---- */

static void test_progress_report_dates(void **state)
{
	campaign_db *db = open_seed();
	char *before = snapshot(db);
	(void)state;
	refused(report(db, "t3.2.o4", "jiancha", "2009-01-01"), "date 2009-01-01" OUTSIDE);
	refused(report(db, "t3.2.o4", "jiancha", "2010-09-30"), "date 2010-09-30" OUTSIDE);
	refused(report(db, "t3.2.o4", "jiancha", "2012-01-01"), "date 2012-01-01" OUTSIDE);
	refused(report(db, "t3.2.o4", "jiancha", "2013-01-01"), "date 2013-01-01" OUTSIDE);
	refused(report(db, "t3.2.o4", "jiancha", "2099-01-01"), after_today("date", "2099-01-01"));
	unchanged(db, before);
	/* the campaign's first and last days are inside it */
	ok(report(db, "t3.2.o4", "jiancha", "2010-10-01"));
	ok(report(db, "t3.2.o4", "jiancha", "2011-12-31"));
	campaign_close(db);
}

/* Imports the seed plan with @line ("  grace_days: 60") after campaign.period, as "grace.yaml". */
static int import_seed_with(campaign_db *db, const char *line)
{
	FILE *f = fopen(SEED_PLAN, "rb");
	char *yaml, *at;
	size_t k = strlen(line);
	long n;
	int rc;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	yaml = calloc(1, (size_t)n + k + 2);
	assert_int_equal(fread(yaml, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	at = strchr(strstr(yaml, "\n  period: ") + 1, '\n') + 1;
	memmove(at + k + 1, at, strlen(at) + 1);
	memcpy(at, line, k);
	at[k] = '\n';
	rc = campaign_plan_import_string(db, yaml, "grace.yaml", "office", NULL);
	free(yaml);
	return rc;
}

static void test_grace_period(void **state)
{
	campaign_db *db = open_memory();
	campaign_buf *yaml = NULL;
	char *before;
	(void)state;
	ok(import_seed_with(db, "  grace_days: 60"));
	ok(report(db, "t3.2.o4", "jiancha", "2012-02-29"));
	before = snapshot(db);
	refused(report(db, "t3.2.o4", "jiancha", "2012-03-01"),
	        "date 2012-03-01" OUTSIDE " (late reports until 2012-02-29)");
	refused(report(db, "t3.2.o4", "jiancha", "2010-09-30"),
	        "date 2010-09-30" OUTSIDE " (late reports until 2012-02-29)");
	unchanged(db, before);
	/* the key survives an export */
	ok(campaign_plan_export_yaml(&yaml, db, NULL));
	assert_non_null(strstr(campaign_buf_data(yaml), "\n  grace_days: 60\n"));
	campaign_buf_free(yaml);
	campaign_close(db);
}

static void test_grace_days_checked(void **state)
{
	campaign_db *db = open_memory();
	(void)state;
	refused(import_seed_with(db, "  grace_days: -1"),
	        "grace.yaml:11:15: campaign: \"grace_days\" must be a whole number 0..3660, not \"-1\"");
	campaign_close(db);
}

typedef struct bad_rows {
	int n;
	char where[8][128];
} bad_rows;

static void on_error(void *user, int code, const char *file, int line, int column, const char *message)
{
	bad_rows *b = user;
	(void)message;
	assert_int_equal(code, CAMPAIGN_EINVALID);
	if (b->n < 8)
		snprintf(b->where[b->n++], sizeof b->where[0], "%s:%d:%d", file, line, column);
}

static void test_progress_import_dates(void **state)
{
	static const char CSV[] = "outcome,unit,status,percent,date\n"
	                          "t3.2.o4,jiancha,done,100,2010-12-01\n"
	                          "t3.2.o4,caiwu,done,100,2013-01-01\n"
	                          "t3.2.o4,jiancha,done,100,2009-01-01\n";
	campaign_db *db = open_seed();
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	bad_rows b = {0};
	char *before = snapshot(db);
	(void)state;
	refused(campaign_progress_import_string(db, NULL, CSV, "p.csv", NULL, "office"),
	        "p.csv:3:24: row 2: date 2013-01-01" OUTSIDE);
	assert_string_equal(campaign_error_file(), "p.csv");
	assert_int_equal(campaign_error_line(), 3);
	assert_int_equal(campaign_error_column(), 24);
	/* a dry run names each such row, and writes nothing either */
	o.dry_run = 1, o.error = on_error, o.user = &b;
	refused(campaign_progress_import_string(db, NULL, CSV, "p.csv", &o, "office"),
	        "p.csv:3:24: row 2: date 2013-01-01" OUTSIDE " (and 1 more)");
	assert_int_equal(b.n, 2);
	assert_string_equal(b.where[0], "p.csv:3:24");
	assert_string_equal(b.where[1], "p.csv:4:26");
	/* YAML rows too */
	refused(campaign_progress_import_string(db, NULL,
	                                        "- {outcome: t3.2.o4, unit: jiancha, status: done, percent: 100, "
	                                        "date: 2009-01-01}\n",
	                                        "p.yaml", NULL, "office"),
	        "p.yaml:1:71: row 1: date 2009-01-01" OUTSIDE);
	unchanged(db, before);
	campaign_close(db);
}

static void test_finding_dates(void **state)
{
	campaign_db *db = open_seed();
	char *before = snapshot(db);
	(void)state;
	refused(finding(db, "F0", "2010-09-01"), "found_on 2010-09-01" OUTSIDE);
	refused(finding(db, "F0", "2099-01-01"), after_today("found_on", "2099-01-01"));
	refused(campaign_findings_import_string(db, NULL,
	                                        "unit,origin,description,found_on\n"
	                                        "emeishan,self_reported,缓缴出让金,2012-06-01\n",
	                                        "f.csv", NULL, "office"),
	        "f.csv:2:30: row 1: found_on 2012-06-01" OUTSIDE);
	unchanged(db, before);
	ok(finding(db, "F1", "2010-11-05"));
	campaign_close(db);
}

/* ---- item 5 on rectifications, and their dates ---- */

static const char *rect_field(campaign_db *db, const char *id, const char *col)
{
	static char out[64];
	campaign_cursor *c;
	ok(campaign_rectifications_query(&c, db, NULL, NULL, NULL));
	out[0] = '\0';
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "id"), id))
			snprintf(out, sizeof out, "%s", campaign_cursor_get(c, col));
	campaign_cursor_free(c);
	return out;
}

static void test_rectification_deadlines(void **state)
{
	campaign_db *db = open_seed();
	char *before;
	(void)state;
	ok(finding(db, "F1", "2010-11-05"));
	ok(rectification(db, "R1", "2011年1月底"));
	assert_string_equal(rect_field(db, "R1", "deadline"), "2011-01-31");
	assert_string_equal(rect_field(db, "R1", "deadline_text"), "2011年1月底");
	/* no year: the campaign's, and one that would fall before it starts is the next year's */
	ok(rectification(db, "R2", "12月中旬"));
	assert_string_equal(rect_field(db, "R2", "deadline"), "2010-12-20");
	ok(rectification(db, "R3", "3月底前"));
	assert_string_equal(rect_field(db, "R3", "deadline"), "2011-03-31");
	ok(rectification(db, "R4", "2011-02-28")); /* ISO as before */
	assert_string_equal(rect_field(db, "R4", "deadline"), "2011-02-28");
	assert_string_equal(rect_field(db, "R4", "deadline_text"), "2011-02-28");
	before = snapshot(db);
	refused(rectification(db, "R5", "2010年9月底"), "deadline 2010-09-30 is before the campaign 2010-10-01 – 2011-12-31");
	refused(rectification(db, "R5", "长期坚持"), "deadline \"长期坚持\" is open-ended; it needs a last day");
	refused(rectification(db, "R5", "2011年13月底"), "deadline: invalid deadline \"2011年13月底\": month 13 is out of range");
	refused(rectification(db, "R5", "2011-02-30"), "deadline \"2011-02-30\" is not a date (YYYY-MM-DD)");
	refused(campaign_rectification_update(db, NULL,
	                                      &(campaign_rectification_update_options){
	                                        CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION, "R1", "done", "2012-01-05", NULL},
	                                      "office"),
	        "date 2012-01-05" OUTSIDE);
	/* the ledger import: each row's deadline in the same language, a bad one by its cell */
	refused(campaign_rectifications_import_string(db, NULL,
	                                              "finding,measure,deadline,responsible,criterion\n"
	                                              "F1,建台账,2011年2月底,财务室,台账运行\n"
	                                              "F1,清欠,2010年9月底,财务室,全额入库\n",
	                                              "l.csv", NULL, "office"),
	        "l.csv:3:7: row 2: deadline 2010-09-30 is before the campaign 2010-10-01 – 2011-12-31");
	unchanged(db, before);
	ok(campaign_rectifications_import_string(db, NULL,
	                                         "id,finding,measure,deadline,responsible,criterion\n"
	                                         "R6,F1,建台账,2011年2月底,财务室,台账运行\n",
	                                         "l.csv", NULL, "office"));
	assert_string_equal(rect_field(db, "R6", "deadline"), "2011-02-28");
	assert_string_equal(rect_field(db, "R6", "deadline_text"), "2011年2月底");
	campaign_close(db);
}

/* ---- rounds, tours, decisions ---- */

static int round_add(campaign_db *db, const char *id, const char *first, const char *deadline)
{
	campaign_inspection_round_add_options r = {CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION, id, "emeishan", NULL,
	                                           first, "2010-12-20", deadline};
	return campaign_inspection_round_add(db, NULL, &r, "office");
}

static void test_round_dates(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	char *before;
	(void)state;
	ok(round_add(db, "self", "2010-10-15", "2010年12月底前"));
	ok(campaign_inspection_rounds_query(&c, db, NULL, NULL, NULL, "2011-01-01"));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "deadline"), "2010-12-31");
	assert_string_equal(campaign_cursor_get(c, "deadline_text"), "2010年12月底前");
	campaign_cursor_free(c);
	before = snapshot(db);
	refused(round_add(db, "early", "2010-09-01", "12月中旬"), "window_first 2010-09-01 is before the campaign 2010-10-01 – 2011-12-31");
	refused(round_add(db, "open", "2010-10-15", "长期坚持"), "deadline \"长期坚持\" is open-ended; it needs a last day");
	refused(campaign_inspection_round_submit(db, NULL,
	                                         &(campaign_inspection_round_submit_options){
	                                           CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_VERSION, "self", "2099-01-01", NULL, NULL},
	                                         "office"),
	        after_today("date", "2099-01-01"));
	unchanged(db, before);
	campaign_close(db);
}

static void test_tour_dates(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	char *before;
	(void)state;
	/* a window in the deadline language, in the tours' year */
	assert_int_equal(campaign_tour_add(db, NULL,
	                                   &(campaign_tour_add_options){CAMPAIGN_TOUR_ADD_OPTIONS_VERSION, 2011, "counties",
	                                     "第二季度", "6月底"},
	                                   "office"),
	                 11);
	ok(campaign_tours_query(&c, db, NULL, 2011, "counties", "2011-01-01"));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "planned_on"), "2011-04-01");
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		assert_true(strcmp(campaign_cursor_get(c, "planned_on"), "2011-06-30") <= 0);
	campaign_cursor_free(c);
	before = snapshot(db);
	refused(campaign_tour_record(db, NULL,
	                             &(campaign_tour_record_options){CAMPAIGN_TOUR_RECORD_OPTIONS_VERSION, "mabian",
	                               "2012-05-01", NULL, NULL},
	                             "office"),
	        "conducted_on 2012-05-01" OUTSIDE);
	refused(campaign_tour_add(db, NULL,
	                          &(campaign_tour_add_options){CAMPAIGN_TOUR_ADD_OPTIONS_VERSION, 2010, "counties",
	                            "2010年9月", "2010年12月底"},
	                          "office"),
	        "first 2010-09-01 is before the campaign 2010-10-01 – 2011-12-31");
	unchanged(db, before);
	campaign_close(db);
}

static void test_decision_dates(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	const char *proposal;
	char *before, id[64];
	(void)state;
	assert_true(campaign_catalogue_import_file(db, NULL, FIVE, "office") > 0);
	assert_true(campaign_rules_import_string(db, NULL,
	                                         "format: 1\nruleset: {id: t, name: t}\nrules:\n  - id: r\n"
	                                         "    kind: behaviour_finding\n    catalogue: five-behaviours\n",
	                                         "t.yaml", "office") > 0);
	ok(campaign_finding_add(NULL, db, NULL,
	                        &(campaign_finding_add_options){CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, "F1", "mabian",
	                          "five-behaviours/b5", "investigated", NULL, "挪用资金", NULL, "2010-11-20", NULL},
	                        "office"));
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-12-01", "office"), 1);
	ok(campaign_proposals_query(&c, db, NULL, NULL, NULL));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	proposal = campaign_cursor_get(c, "id");
	snprintf(id, sizeof id, "%s", proposal);
	campaign_cursor_free(c);
	before = snapshot(db);
	refused(campaign_proposal_decide(db, NULL,
	                                 &(campaign_proposal_decide_options){CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, id,
	                                   "accept", NULL, NULL, NULL, "2009-12-01"},
	                                 "office"),
	        "date 2009-12-01" OUTSIDE);
	refused(campaign_proposal_decide(db, NULL,
	                                 &(campaign_proposal_decide_options){CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, id,
	                                   "modify", NULL, "2010年9月底", NULL, "2010-12-05"},
	                                 "office"),
	        "due_on 2010-09-30 is before the campaign 2010-10-01 – 2011-12-31");
	unchanged(db, before);
	/* a changed due date in the deadline language: its last day is the action's due date */
	ok(campaign_proposal_decide(db, NULL,
	                            &(campaign_proposal_decide_options){CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, id,
	                              "modify", NULL, "2011年1月底", NULL, "2010-12-05"},
	                            "office"));
	ok(campaign_actions_query(&c, db, NULL, NULL, NULL, "2011-01-15"));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "due_on"), "2011-01-31");
	snprintf(id, sizeof id, "%s", campaign_cursor_get(c, "id"));
	campaign_cursor_free(c);
	before = snapshot(db);
	refused(campaign_action_update(db, NULL,
	                               &(campaign_action_update_options){CAMPAIGN_ACTION_UPDATE_OPTIONS_VERSION, id, "done",
	                                 "2012-06-01", NULL},
	                               "office"),
	        "date 2012-06-01" OUTSIDE);
	unchanged(db, before);
	campaign_close(db);
}

/* ---- deadlines the document sets outside its own dates: accepted, and listed ---- */

static void test_plan_deadline_warnings(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	int n = 0;
	(void)state;
	ok(campaign_plan_warnings_query(&c, db, NULL));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (strncmp(campaign_cursor_get(c, "kind"), "deadline_", 9))
			continue;
		n++;
		assert_string_equal(campaign_cursor_get(c, "kind"), "deadline_before_campaign");
		assert_string_equal(campaign_cursor_get(c, "object"), "t3.2.o4");
		assert_string_equal(campaign_cursor_get(c, "message"),
		                    "成果“建立内部经济审计和离任经济审计制度,2010年9月底完成。”的时限 2010-09-30 早于方案开始(2010-10-01)");
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 1);
	campaign_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_progress_report_dates),
		cmocka_unit_test(test_grace_period),
		cmocka_unit_test(test_grace_days_checked),
		cmocka_unit_test(test_progress_import_dates),
		cmocka_unit_test(test_finding_dates),
		cmocka_unit_test(test_rectification_deadlines),
		cmocka_unit_test(test_round_dates),
		cmocka_unit_test(test_tour_dates),
		cmocka_unit_test(test_decision_dates),
		cmocka_unit_test(test_plan_deadline_warnings),
	};
	return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
