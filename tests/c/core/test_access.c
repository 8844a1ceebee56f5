/* Roles: a county clerk writes only its own bureau's progress; refusals
 * change nothing and leave one "denied" entry in the audit log. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static int denied_entries(campaign_db *db, const char *actor)
{
	campaign_cursor *c;
	int n = 0;
	assert_int_equal(campaign_audit_query(&c, db, NULL, actor, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "operation"), "denied"))
			n++;
	campaign_cursor_free(c);
	return n;
}

/* The fixture of each test: the seed store with its roles granted. */
static int setup_roles(void **state)
{
	campaign_db *db = *state = open_seed();
	assert_int_equal(campaign_role_grant(db, "王主任", "leadership", NULL, NULL, "setup"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_role_grant(db, "督查办", "supervision_office", NULL, NULL, "setup"), CAMPAIGN_OK);
	assert_int_equal(campaign_role_grant(db, "峨眉文员", "unit_clerk", NULL, "emeishan", "督查办"), CAMPAIGN_OK);
	assert_int_equal(campaign_role_grant(db, "王局长", "leadership", NULL, NULL, "督查办"), CAMPAIGN_OK);
	return 0;
}

static void test_grants(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_role_grant(db, "x", "unit_clerk", NULL, NULL, "督查办"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_role_grant(db, "x", "boss", NULL, NULL, "督查办"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_role_grant(db, "x", "unit_clerk", NULL, "nowhere", "督查办"), CAMPAIGN_ENOTFOUND);
	/* only the supervision office grants */
	assert_int_equal(campaign_role_grant(db, "x", "auditor", NULL, NULL, "峨眉文员"), CAMPAIGN_EPERM);
	assert_string_equal(campaign_error_message(),
	                    "actor \"峨眉文员\" (unit_clerk of 峨眉山市国土资源局) may not grant roles (role.grant)");
	assert_int_equal(denied_entries(db, "峨眉文员"), 1);
	assert_int_equal(campaign_roles_query(&c, db), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 3);
	assert_int_equal(campaign_role_revoke(db, "督查办", "督查办"), CAMPAIGN_ECONFLICT);
	assert_int_equal(campaign_role_revoke(db, "nobody", "督查办"), CAMPAIGN_ENOTFOUND);
	assert_int_equal(campaign_role_revoke(db, "王局长", "督查办"), CAMPAIGN_OK);
}

static void test_clerk_writes_only_own_unit(void **state)
{
	campaign_progress_report_add_options r = report_options("t2.2.o4", "emeishan", "done", 100, "2010-12-15");
	campaign_db *db = *state;
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "峨眉文员"), CAMPAIGN_OK);
	r.unit = "mabian";
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "峨眉文员"), CAMPAIGN_EPERM);
	assert_string_equal(campaign_error_message(), "actor \"峨眉文员\" (unit_clerk of 峨眉山市国土资源局) may not "
	                                              "write for this unit (progress.report)");
	assert_int_equal(progress_reports(db), 1);
	assert_int_equal(denied_entries(db, "峨眉文员"), 1);
	/* leadership reads but does not write; strangers do nothing */
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "王局长"), CAMPAIGN_EPERM);
	assert_int_equal(campaign_thresholds_set(db, NULL, 3, 0, "峨眉文员"), CAMPAIGN_EPERM);
	assert_int_equal(campaign_plan_delete(db, "leshan-ltyg-2010", "路人"), CAMPAIGN_EPERM);
	assert_string_equal(campaign_error_message(),
	                    "actor \"路人\" has no role in this store and may not change the plan (plan.delete)");
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "峨眉文员", NULL), CAMPAIGN_EPERM);
	/* the office writes for anyone */
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "督查办"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 2);
}

static void test_clerk_bulk_import_refused_whole(void **state)
{
	campaign_db *db = *state;
	/* good.csv holds rows for 矿管科, 峨眉山 and 马边: the clerk may write only one of them */
	assert_int_equal(campaign_progress_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/tests/data/progress/good.csv", NULL, "峨眉文员"),
	                 CAMPAIGN_EPERM);
	assert_non_null(strstr(campaign_error_message(), "good.csv:2:9: row 1: actor \"峨眉文员\""));
	assert_int_equal(progress_reports(db), 0);
	assert_int_equal(denied_entries(db, "峨眉文员"), 1);
	{
		assert_string_equal(verify_summary(db, NULL, NULL), "");
	}
}

TEST_MAIN("access",
          cmocka_unit_test_setup_teardown(test_grants, setup_roles, teardown_db),
          cmocka_unit_test_setup_teardown(test_clerk_writes_only_own_unit, setup_roles, teardown_db),
          cmocka_unit_test_setup_teardown(test_clerk_bulk_import_refused_whole, setup_roles, teardown_db))
