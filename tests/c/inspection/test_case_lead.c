/* Case leads on the seed plan: from a finding or a citizen report, referral
 * and outcome; the reporter and the details are found by no ordinary query
 * and only by the confidential call, whose every read is logged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "insp_test.h"

#define REPORTER "王秘密"
#define CONTACT "13900001111"
#define DETAILS "举报马边局某副局长收受开发商贿赂"

static campaign_db *open_leads(void)
{
	campaign_db *db = open_seed();
	assert_int_equal(campaign_catalogue_import_file(db, NULL, CATALOGUE("ten-categories.yaml"), "office"), 1);
	ok(campaign_inspection_round_add(db, NULL, ROUND("self-2010", NULL, "counties", "2010-10-15", "2010-12-20",
	                                                 "12月中旬"), "office"));
	ok(campaign_finding_add(NULL, db, NULL, FINDING("F-M", "mabian", "ten-categories/c8", "citizen_report", NULL,
	                                                "评估中介串通", NULL, "2010-11-20", NULL), "office"));
	ok(campaign_rectification_add(NULL, db, NULL, RECTIFICATION("R-M", "F-M", NULL, "清查评估项目", "2011-01-31", "马边局局长",
	                                                            "全部清查"), "office"));
	ok(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD("L-1", NULL, "mabian", "2010-11-18", DETAILS, REPORTER,
	                                                    CONTACT), "office"));
	ok(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD("L-2", "F-M", NULL, "2010-11-21", "评估费去向不明", NULL, NULL),
	                          "office"));
	return db;
}

/* Every ordinary query and export, searched for @needle. */
static int ordinary_outputs_hold(campaign_db *db, const char *needle)
{
	campaign_cursor *c;
	campaign_buf *b;
	char *dump = dump_store(db);
	int found = strstr(dump, needle) != NULL;
	free(dump);
#define SEARCH(call)                     \
	ok(call);                            \
	found |= cursor_holds(c, needle);
	SEARCH(campaign_case_leads_query(&c, db, NULL, NULL))
	SEARCH(campaign_findings_query(&c, db, NULL, NULL, NULL))
	SEARCH(campaign_rectifications_query(&c, db, NULL, NULL, NULL))
	SEARCH(campaign_rectifications_overdue_query(&c, db, NULL, "2011-12-31"))
	SEARCH(campaign_rectification_ledger_query(&c, db, NULL, NULL, "2011-12-31"))
	SEARCH(campaign_inspection_rounds_query(&c, db, NULL, NULL, NULL, "2011-12-31"))
	SEARCH(campaign_inspection_missing_query(&c, db, NULL, NULL, "2011-12-31"))
	SEARCH(campaign_catalogues_query(&c, db, NULL))
	SEARCH(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL))
#undef SEARCH
	ok(campaign_plan_export_yaml(&b, db, NULL));
	found |= strstr(campaign_buf_data(b), needle) != NULL;
	campaign_buf_free(b);
	return found;
}

static void test_leads_referred_and_resolved(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int before;
	ok(campaign_case_lead_refer(db, NULL, CASE_LEAD_REFER("L-1", "discipline", "乐山市纪委", "2010-11-25",
	                                                      "乐国土监〔2010〕5号"), "office"));
	before = audit_entries(db);
	assert_int_equal(campaign_case_lead_refer(db, NULL, CASE_LEAD_REFER("L-1", "procuratorate", "乐山市检察院",
	                                                                    "2010-11-26", NULL), "office"),
	                 CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(), "case lead \"L-1\" was referred on 2010-11-25");
	assert_int_equal(campaign_case_lead_refer(db, NULL, CASE_LEAD_REFER("L-2", "police", "公安局", "2010-11-26", NULL),
	                                          "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "body_kind \"police\" is not one of discipline, supervision, procuratorate");
	assert_int_equal(campaign_case_lead_refer(db, NULL, CASE_LEAD_REFER("L-2", "supervision", "市监察局", "2010-11-01",
	                                                                    NULL), "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "referral date 2010-11-01 is before the lead was received (2010-11-21)");
	assert_int_equal(campaign_case_lead_resolve(db, NULL, CASE_LEAD_RESOLVE("L-1", "filed", "2010-11-20", NULL),
	                                            "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD("L-1", NULL, NULL, "2010-11-18", "x", NULL,
	                                                                  NULL), "office"), CAMPAIGN_ECONFLICT);
	assert_int_equal(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD("L-3", "F-X", NULL, "2010-11-18", "x", NULL,
	                                                                  NULL), "office"), CAMPAIGN_ENOTFOUND);
	assert_int_equal(audit_entries(db), before);
	ok(campaign_case_lead_resolve(db, NULL, CASE_LEAD_RESOLVE("L-1", "sanctioned", "2011-01-10", "给予党内严重警告处分"),
	                              "office"));
	assert_int_equal(campaign_case_lead_resolve(db, NULL, CASE_LEAD_RESOLVE("L-1", "other", "2011-01-11", NULL),
	                                            "office"), CAMPAIGN_ECONFLICT);
	ok(campaign_case_leads_query(&c, db, NULL, "mabian"));
	EXPECT_ROW(c, "id", "L-1", "source", "citizen_report", "status", "resolved", "body_kind_label", "纪检",
	           "body", "乐山市纪委", "referral_ref", "乐国土监〔2010〕5号", "outcome_label", "给予处分");
	EXPECT_ROW(c, "id", "L-2", "source", "finding", "finding", "F-M", "status", "open");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
}

static void test_confidential_only_through_the_confidential_call(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int reads = 0;
	ok(campaign_case_lead_resolve(db, NULL, CASE_LEAD_RESOLVE("L-1", "filed", "2010-12-01", "立案编号乐纪〔2010〕12号"),
	                              "office"));
	assert_false(ordinary_outputs_hold(db, REPORTER));
	assert_false(ordinary_outputs_hold(db, CONTACT));
	assert_false(ordinary_outputs_hold(db, DETAILS));
	assert_false(ordinary_outputs_hold(db, "乐纪〔2010〕12号"));
	/* the confidential call shows them, and the read is logged */
	ok(campaign_case_lead_confidential_query(&c, db, NULL, "L-1", "杨建琼"));
	EXPECT_ROW(c, "reporter", REPORTER, "reporter_contact", CONTACT, "details", DETAILS,
	           "outcome_note", "立案编号乐纪〔2010〕12号");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	ok(campaign_audit_query(&c, db, "L-1", "杨建琼", NULL, NULL));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		reads += !strcmp(campaign_cursor_get(c, "operation"), "case_lead.read_confidential");
	campaign_cursor_free(c);
	assert_int_equal(reads, 1);
	/* without an actor, or on a read-only handle, there is no read */
	assert_int_equal(campaign_case_lead_confidential_query(&c, db, NULL, NULL, NULL), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_case_lead_confidential_query(&c, db, NULL, "L-9", "杨建琼"), CAMPAIGN_ENOTFOUND);
}

static void test_confidential_read_needs_access(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c = NULL;
	int before, denied = 0;
	ok(campaign_role_grant(db, "office", "supervision_office", NULL, NULL, "admin"));
	ok(campaign_role_grant(db, "杨建琼", "leadership", NULL, NULL, "office"));
	ok(campaign_role_grant(db, "马边clerk", "unit_clerk", NULL, "mabian", "office"));
	before = audit_entries(db);
	assert_int_equal(campaign_case_lead_confidential_query(&c, db, NULL, NULL, "马边clerk"), CAMPAIGN_EPERM);
	assert_null(c);
	assert_int_equal(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD("L-9", NULL, NULL, "2010-11-18", "x", NULL,
	                                                                  NULL), "马边clerk"), CAMPAIGN_EPERM);
	ok(campaign_audit_query(&c, db, NULL, "马边clerk", NULL, NULL));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		denied += !strcmp(campaign_cursor_get(c, "operation"), "denied");
	campaign_cursor_free(c);
	assert_int_equal(denied, 2);
	assert_int_equal(audit_entries(db), before + 2);
	ok(campaign_case_lead_confidential_query(&c, db, NULL, NULL, "杨建琼"));
	assert_int_equal(count_rows(c), 2);
}

TEST_MAIN("case_lead",
          STORE_TEST(test_leads_referred_and_resolved, open_leads),
          STORE_TEST(test_confidential_only_through_the_confidential_call, open_leads),
          STORE_TEST(test_confidential_read_needs_access, open_leads))
