/* Typical cases for public release: resolved leads from findings, with only
 * public fields and the people's names masked wherever they stand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "insp_test.h"

#define PEOPLE "王𠀋明、欧阳修、Smith"
#define DESCRIPTION "王𠀋明收受评估中介贿赂，欧阳修知情不报，Smith 经手转账；王𠀋明已退赃"

static campaign_db *open_cases(void)
{
	campaign_db *db = open_seed();
	assert_int_equal(campaign_catalogue_import_file(db, NULL, CATALOGUE("ten-categories.yaml"), "office"), 1);
	ok(campaign_finding_add(NULL, db, NULL, FINDING("F-M", "mabian", "ten-categories/c8", "investigated", PEOPLE,
	                                                DESCRIPTION, NULL, "2010-11-20", NULL), "office"));
	ok(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD("L-1", "F-M", NULL, "2010-11-21", "举报人说的秘密", "赵举报", "139"),
	                          "office"));
	ok(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD("L-2", "F-M", NULL, "2010-11-22", "未结", NULL, NULL), "office"));
	ok(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD("L-3", NULL, "mabian", "2010-11-22", "群众举报", NULL, NULL),
	                          "office"));
	ok(campaign_case_lead_refer(db, NULL, CASE_LEAD_REFER("L-1", "discipline", "乐山市纪委", "2010-11-25", NULL), "office"));
	ok(campaign_case_lead_resolve(db, NULL, CASE_LEAD_RESOLVE("L-1", "sanctioned", "2010-12-01", "秘密的处理意见"),
	                              "office"));
	ok(campaign_case_lead_resolve(db, NULL, CASE_LEAD_RESOLVE("L-3", "cleared", "2010-12-02", NULL), "office"));
	return db;
}

static void test_only_resolved_from_findings_masked(void **state)
{
	campaign_db *db = open_cases();
	campaign_cursor *c;
	int before = audit_entries(db);
	(void)state;
	ok(campaign_typical_cases_query(&c, db, NULL, NULL, "office"));
	EXPECT_ROW(c, "id", "L-1", "unit", "mabian", "outcome", "sanctioned", "outcome_label", "给予处分", "outcome_on",
	           "2010-12-01", "body", "乐山市纪委", "found_on", "2010-11-20", "people", "王某、欧阳某、S.", "found",
	           "王某收受评估中介贿赂，欧阳某知情不报，S. 经手转账；王某已退赃");
	assert_non_null(campaign_cursor_get(c, "category"));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	/* logged; no confidential text in any column */
	assert_int_equal(audit_entries(db), before + 1);
	ok(campaign_typical_cases_query(&c, db, NULL, NULL, "office"));
	assert_false(cursor_holds(c, "秘密"));
	ok(campaign_typical_cases_query(&c, db, NULL, NULL, "office"));
	assert_false(cursor_holds(c, "𠀋"));
	campaign_close(db);
}

static void test_filters_and_errors(void **state)
{
	campaign_db *db = open_cases();
	campaign_typical_cases_options o = CAMPAIGN_TYPICAL_CASES_OPTIONS_INIT;
	campaign_cursor *c = NULL;
	int before;
	(void)state;
	o.from = "2010-12-02";
	assert_int_equal(count_query(campaign_typical_cases_query(&c, db, NULL, &o, "office"), &c), 0);
	o.from = NULL;
	o.to = "2010-12-01";
	o.unit = "mabian";
	assert_int_equal(count_query(campaign_typical_cases_query(&c, db, NULL, &o, "office"), &c), 1);
	before = audit_entries(db);
	o.to = "2010-13-01";
	expect_error(campaign_typical_cases_query(&c, db, NULL, &o, "office"), CAMPAIGN_EINVALID, NULL);
	assert_null(c);
	o.to = NULL;
	o.version = 99;
	expect_error(campaign_typical_cases_query(&c, db, NULL, &o, "office"), CAMPAIGN_EINVALID, NULL);
	o.version = CAMPAIGN_TYPICAL_CASES_OPTIONS_VERSION;
	o.unit = "nowhere";
	expect_error(campaign_typical_cases_query(&c, db, NULL, &o, "office"), CAMPAIGN_ENOTFOUND, NULL);
	assert_int_equal(audit_entries(db), before);
	campaign_close(db);
}

TEST_MAIN("typical", cmocka_unit_test(test_only_resolved_from_findings_masked), cmocka_unit_test(test_filters_and_errors))
