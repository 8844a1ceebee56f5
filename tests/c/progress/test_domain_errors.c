/* Argument checks of progress reports, inspection rounds and plan queries
 * (issue 18, coverage): each refusal with its exact code and message, and no
 * report or round written. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void expect(campaign_db *db, long long log, int rc, int want, const char *message)
{
	refusal_check(rc, want, message);
	assert_int_equal(audit_entries(db), log);
}

static int report(campaign_db *db, const char *outcome, const char *unit, const char *status, int percent)
{
	campaign_progress_report_add_options o = CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_INIT;
	o.outcome = outcome, o.unit = unit, o.status = status, o.percent = percent, o.date = "2010-11-15";
	return campaign_progress_report_add(NULL, db, NULL, &o, "office");
}

static int round_add(campaign_db *db, const char *id, const char *first, const char *last)
{
	campaign_inspection_round_add_options o = CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_INIT;
	o.round = id, o.unit = "liyong", o.window_first = first, o.window_last = last, o.deadline = "2010-12-31";
	return campaign_inspection_round_add(db, NULL, &o, "office");
}

static void test_refusals(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c = NULL;
	long long log = audit_entries(db);
	expect(db, log, report(db, "t1.1.o1", "liyong", NULL, 0), CAMPAIGN_EINVALID,
	       "status is required (not_started, in_progress, done, blocked)");
	expect(db, log, report(db, "t1.1.o1", "liyong", "not_started", 10), CAMPAIGN_EINVALID,
	       "a not_started report must say 0 percent, not 10");
	expect(db, log, report(db, NULL, "liyong", "in_progress", 10), CAMPAIGN_EINVALID, "outcome and unit are required");
	expect(db, log, round_add(db, "r/1", "2010-11-01", "2010-11-30"), CAMPAIGN_EINVALID,
	       "round id \"r/1\" may not contain '/'");
	expect(db, log, round_add(db, "r1", "2010-11-30", "2010-11-01"), CAMPAIGN_EINVALID,
	       "the window ends (2010-11-01) before it begins (2010-11-30)");
	expect(db, log, campaign_progress_history_query(NULL, db, NULL, NULL, NULL), CAMPAIGN_EINVALID,
	       "the cursor out-parameter is NULL");
	expect(db, log, campaign_plan_export_yaml_file(db, NULL, NULL), CAMPAIGN_EINVALID,
	       "campaign_plan_export_yaml_file: path is NULL");
	expect(db, log, campaign_unit_group_members_query(&c, db, NULL, NULL), CAMPAIGN_EINVALID,
	       "campaign_unit_group_members_query: group is NULL");
	assert_null(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {SEED_TEST(test_refusals), cmocka_unit_test(test_refusals_held)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
