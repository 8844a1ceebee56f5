/* Findings, rectifications and case leads that are refused (issue 18,
 * coverage): ids too long, category references that are not, a verification
 * result that is not one, cursors not given and logged reads on a read-only
 * store; each with its exact code and message, and the audit log unchanged. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void expect(campaign_db *db, long long log, int rc, int want, const char *message)
{
	refusal_check(rc, want, message);
	if (db)
		assert_int_equal(audit_entries(db), log);
}

static int finding(campaign_db *db, const char *id, const char *category)
{
	campaign_finding_add_options o = CAMPAIGN_FINDING_ADD_OPTIONS_INIT;
	o.id = id, o.unit = "liyong", o.category = category, o.origin = "investigated", o.description = "问题",
	o.found_on = "2010-11-20";
	return campaign_finding_add(NULL, db, NULL, &o, "office");
}

static void test_refusals(void **state)
{
	campaign_db *db = *state;
	campaign_rectification_add_options r = CAMPAIGN_RECTIFICATION_ADD_OPTIONS_INIT;
	campaign_rectification_verify_options v = CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_INIT;
	campaign_case_lead_add_options l = CAMPAIGN_CASE_LEAD_ADD_OPTIONS_INIT;
	char long_id[80], want[200];
	long long log;
	assert_int_equal(campaign_catalogue_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/catalogues/five-behaviours.yaml",
	                                                "office"),
	                 1);
	assert_int_equal(finding(db, "F1", NULL), CAMPAIGN_OK);
	log = audit_entries(db);
	memset(long_id, 'x', sizeof long_id - 1);
	long_id[sizeof long_id - 1] = '\0';
	{
		char ref[300], too_long[400];
		snprintf(ref, sizeof ref, "%s%s/b1", long_id, long_id); /* the catalogue id past its 127 bytes */
		snprintf(too_long, sizeof too_long, "category \"%s\": the catalogue id is too long", ref);
		expect(db, log, finding(db, "F2", ref), CAMPAIGN_EINVALID, too_long);
	}
	expect(db, log, finding(db, "F2", "five-behaviours@x/b1"), CAMPAIGN_EINVALID,
	       "category \"five-behaviours@x/b1\": the version is not a number");
	expect(db, log, finding(db, "F2", "five-behaviours@0/b1"), CAMPAIGN_EINVALID,
	       "category \"five-behaviours@0/b1\": the version is not a number");
	r.id = long_id, r.finding = "F1", r.measure = "整改", r.deadline = "2011-01-31", r.responsible = "张三",
	r.criterion = "完成";
	snprintf(want, sizeof want, "rectification id \"%s\" must be 1 to 64 bytes", long_id);
	expect(db, log, campaign_rectification_add(NULL, db, NULL, &r, "office"), CAMPAIGN_EINVALID, want);
	r.id = "R1", r.finding = "F9";
	expect(db, log, campaign_rectification_add(NULL, db, NULL, &r, "office"), CAMPAIGN_ENOTFOUND,
	       "no finding with id \"F9\"");
	v.rectification = "R1", v.result = "maybe", v.date = "2011-01-10";
	expect(db, log, campaign_rectification_verify(db, NULL, &v, "office"), CAMPAIGN_EINVALID,
	       "result \"maybe\" is not passed or failed");
	l.id = long_id, l.unit = "liyong", l.received_on = "2010-11-21", l.details = "线索";
	snprintf(want, sizeof want, "case lead id \"%s\" must be 1 to 64 bytes", long_id);
	expect(db, log, campaign_case_lead_add(NULL, db, NULL, &l, "office"), CAMPAIGN_EINVALID, want);
	expect(db, log, campaign_case_lead_confidential_query(NULL, db, NULL, "L1", "office"), CAMPAIGN_EINVALID,
	       "the cursor out-parameter is NULL");
	expect(db, log, campaign_typical_cases_query(NULL, db, NULL, NULL, "office"), CAMPAIGN_EINVALID,
	       "the cursor out-parameter is NULL");
}

static void test_read_only(void **state)
{
	campaign_db *db;
	campaign_cursor *c = NULL;
	char path[256];
	(void)state;
	tmp_store_path(path, sizeof path, "insp-ro.db");
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "office", NULL), CAMPAIGN_OK);
	campaign_close(db);
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	expect(NULL, 0, campaign_typical_cases_query(&c, db, NULL, NULL, "office"), CAMPAIGN_EPERM,
	       "a release is logged, which a read-only store cannot do");
	assert_null(c);
	campaign_close(db);
	remove_store(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {SEED_TEST(test_refusals), cmocka_unit_test(test_read_only),
	                                   cmocka_unit_test(test_refusals_held)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
