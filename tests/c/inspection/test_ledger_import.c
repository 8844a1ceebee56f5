/* Bulk import of a rectification ledger: all rows or none, a bad row named. */
#include <stdio.h>
#include <string.h>
#include "insp_test.h"

static int ledger_rows(campaign_db *db)
{
	campaign_cursor *c;
	return count_query(campaign_rectifications_query(&c, db, NULL, NULL, NULL), &c);
}

static campaign_db *with_findings(void)
{
	campaign_db *db = open_seed();
	assert_true(campaign_catalogue_import_file(db, NULL, CATALOGUE("ten-categories.yaml"), "office") > 0);
	assert_true(campaign_catalogue_import_file(db, NULL, CATALOGUE("five-behaviours.yaml"), "office") > 0);
	assert_int_equal(campaign_findings_import_file(db, NULL, INSP("findings.csv"), NULL, "office"), CAMPAIGN_OK);
	return db;
}

static void test_ledger_csv_and_yaml(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_rectifications_import_file(db, NULL, INSP("ledger.csv"), NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_rectifications_import_file(db, NULL, INSP("ledger.yaml"), NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(ledger_rows(db), 3);
	assert_int_equal(campaign_rectifications_query(&c, db, NULL, "F-102", NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "id", "R-102", "measure", "收缴\"小金库\"资金");
	/* no problem given: the finding's description stands in */
	assert_string_equal(campaign_cursor_get(c, "problem"), "设\"小金库\",滥支乱花");
	assert_string_equal(campaign_cursor_get(c, "status_label"), "未整改");
	campaign_cursor_free(c);
}

static void test_bad_row_writes_nothing(void **state)
{
	campaign_db *db = *state;
	char want[512];
	assert_int_equal(campaign_rectifications_import_file(db, NULL, INSP("ledger-bad.csv"), NULL, "office"), CAMPAIGN_EINVALID);
	snprintf(want, sizeof want, "%s:3:", INSP("ledger-bad.csv"));
	assert_memory_equal(campaign_error_message(), want, strlen(want));
	EXPECT_HOLDS(campaign_error_message(), "row 2:", "2011-02-30");
	assert_int_equal(ledger_rows(db), 0);
	assert_int_equal(campaign_rectifications_import_file(db, NULL, INSP("ledger.txt"), NULL, "office"), CAMPAIGN_EINVALID);
}

TEST_MAIN("ledger_import",
          STORE_TEST(test_ledger_csv_and_yaml, with_findings),
          STORE_TEST(test_bad_row_writes_nothing, with_findings))
