/* Workbooks that are read otherwise or refused (issue 18, coverage): the
 * 1904 date system, a zip that is no workbook, a cell reference that is not
 * one, a shared string that is not there (fixtures from
 * tests/data/xlsx/make_variants.py); a refused file writes no report. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

#define XLSX(f) CAMPAIGN_SOURCE_DIR "/tests/data/xlsx/" f

static const char *joined(campaign_db *db, const char *col)
{
	campaign_cursor *c;
	return column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, col, NULL, NULL);
}

static void refused(campaign_db *db, const char *path, const char *want)
{
	char msg[600];
	snprintf(msg, sizeof msg, "%s: %s", path, want);
	assert_int_equal(campaign_progress_import_file(db, NULL, path, NULL, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), msg);
	assert_int_equal(progress_reports(db), 0);
}

/* serials counted from 1904-01-01: the same days as progress.xlsx's from 1900 */
static void test_date1904(void **state)
{
	campaign_db *db = *state;
	assert_int_equal(campaign_progress_import_file(db, NULL, XLSX("date1904.xlsx"), NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 3);
	assert_string_equal(joined(db, "reported_on"), "2010-11-15 2010-11-20 2010-11-30 ");
}

static void test_refused(void **state)
{
	campaign_db *db = *state;
	refused(db, XLSX("noworkbook.xlsx"), "not an xlsx workbook (no xl/workbook.xml)");
	refused(db, XLSX("badref.xlsx"), "进度!B2: a cell's reference \"2B\" is not a cell");
	refused(db, XLSX("badshared.xlsx"), "进度!B2: shared string \"99\" is not in the workbook");
	refused(db, XLSX("nosheet.xlsx"), "xl/worksheets/sheet1.xml: no such member in the zip");
}

TEST_MAIN("xlsx_errors", SEED_TEST(test_date1904), SEED_TEST(test_refused))
