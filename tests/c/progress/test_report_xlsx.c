/* campaign_report_write_xlsx(): the report's sections as sheets of one
 * workbook; a bad date or campaign leaves no file. (The sheets' contents
 * are read back with openpyxl in tests/python/test_report_xlsx.py.) */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

static long file_size(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n;
}

static void test_report_workbook(void **state)
{
	campaign_db *db = *state;
	char path[512];
	tmp_store_path(path, sizeof path, "report.xlsx");
	unlink(path);
	assert_int_equal(campaign_report_write_xlsx(db, NULL, "2011-03-01", path), CAMPAIGN_OK);
	assert_true(file_size(path) > 4000);
	unlink(path);
	expect_error(campaign_report_write_xlsx(db, NULL, "2011-02-30", path), CAMPAIGN_EINVALID, NULL);
	assert_int_equal(file_size(path), -1);
	expect_error(campaign_report_write_xlsx(db, "nope", NULL, path), CAMPAIGN_ENOTFOUND, NULL);
	assert_int_equal(file_size(path), -1);
	expect_error(campaign_report_write_xlsx(db, NULL, NULL, NULL), CAMPAIGN_EINVALID,
	             "campaign_report_write_xlsx: path is NULL");
	expect_error(campaign_report_write_xlsx(db, NULL, NULL, "/nonexistent-dir/r.xlsx"), CAMPAIGN_EIO,
	             "/nonexistent-dir/r.xlsx: cannot write the workbook");
}

TEST_MAIN("report_xlsx", SEED_TEST(test_report_workbook))
