/* xlsx in (issue 15 item 2): workbooks through the one import pipeline --
 * openpyxl's (inline strings, a date style), libxlsxwriter's (our own
 * listings: shared strings, dates) -- first sheet or a named one, cells
 * named Sheet!A1 in errors, and damaged files refused with nothing written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define XLSX(f) CAMPAIGN_SOURCE_DIR "/tests/data/xlsx/" f
#define CATALOGUE(f) CAMPAIGN_SOURCE_DIR "/examples/catalogues/" f
#define INSP(f) CAMPAIGN_SOURCE_DIR "/tests/data/inspection/" f
#define NOTE "=1+1 \xF0\xA0\x80\x8B 中文" /* a formula-looking text, U+2000B (non-BMP) and Chinese */

static const char *joined(campaign_db *db, const char *col)
{
	campaign_cursor *c;
	return column_joined(campaign_progress_history_query(&c, db, NULL, NULL, NULL), &c, col, NULL, NULL);
}

/* openpyxl's workbook: the first sheet; a date cell, a text date, a bare serial; text byte for byte. */
static void test_openpyxl_first_sheet(void **state)
{
	campaign_db *db = *state;
	assert_int_equal(campaign_progress_import_file(db, NULL, XLSX("progress.xlsx"), NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 3);
	assert_string_equal(joined(db, "reported_on"), "2010-11-15 2010-11-20 2010-11-30 ");
	assert_string_equal(joined(db, "note"), NOTE " NULL 序列号日期 "); /* the empty cell is absent */
	assert_string_equal(joined(db, "unit"), "kuangguan kuangguan kuangguan "); /* 矿管科, the unit's name, too */
	assert_string_equal(joined(db, "percent"), "10 20 100 ");
}

/* A named sheet; its bad cell named as Excel names it; nothing written, in a dry run too. */
static void test_named_sheet(void **state)
{
	campaign_db *db = *state;
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	o.sheet = "第二批";
	expect_error(campaign_progress_import_file(db, NULL, XLSX("progress.xlsx"), &o, "office"), CAMPAIGN_EINVALID,
	             XLSX("progress.xlsx") ": 第二批!D3: row 2: percent 130 is not in 0..100");
	assert_int_equal(campaign_error_line(), 3);
	assert_int_equal(campaign_error_column(), 4);
	o.dry_run = 1;
	expect_error(campaign_progress_import_file(db, NULL, XLSX("progress.xlsx"), &o, "office"), CAMPAIGN_EINVALID,
	             XLSX("progress.xlsx") ": 第二批!D3: row 2: percent 130 is not in 0..100");
	assert_int_equal(progress_reports(db), 0);
	o.sheet = "无此表";
	expect_error(campaign_progress_import_file(db, NULL, XLSX("progress.xlsx"), &o, "office"), CAMPAIGN_EINVALID,
	             XLSX("progress.xlsx") ": no sheet \"无此表\" (the workbook has \"进度\", \"第二批\")");
	o.sheet = "\xff";
	expect_error(campaign_progress_import_file(db, NULL, XLSX("progress.xlsx"), &o, "office"), CAMPAIGN_EINVALID,
	             XLSX("progress.xlsx") ": the sheet name is not UTF-8");
	assert_int_equal(progress_reports(db), 0);
}

/* Options of version 1 (before sheet) are still read: the first sheet. */
static void test_options_version_1(void **state)
{
	campaign_db *db = *state;
	struct {
		unsigned int version;
		int dry_run, error_limit;
		campaign_import_progress_fn progress;
		campaign_import_error_fn error;
		void *user;
		const char *model, *encoding;
	} v1 = {1, 1, 0, NULL, NULL, NULL, NULL, NULL};
	assert_int_equal(campaign_rows_import_options_init((campaign_rows_import_options *)&v1, 1), CAMPAIGN_OK);
	assert_int_equal(v1.version, 1);
	v1.dry_run = 1;
	assert_int_equal(campaign_progress_import_file(db, NULL, XLSX("progress.xlsx"),
	                                               (const campaign_rows_import_options *)&v1, "office"),
	                 CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 0); /* a dry run */
	v1.version = 3;
	expect_error(campaign_progress_import_file(db, NULL, XLSX("progress.xlsx"),
	                                           (const campaign_rows_import_options *)&v1, "office"),
	             CAMPAIGN_EINVALID, "campaign_rows_import_options: unknown version 3 (this library knows 2)");
}

/* Damaged workbooks: clear errors, nothing written. */
static void test_damaged(void **state)
{
	campaign_db *db = *state;
	expect_error(campaign_progress_import_file(db, NULL, XLSX("malformed.xlsx"), NULL, "office"), CAMPAIGN_EINVALID,
	             NULL);
	assert_non_null(strstr(campaign_error_message(), XLSX("malformed.xlsx") ": xl/worksheets/sheet1.xml: line 1: "));
	expect_error(campaign_progress_import_file(db, NULL, XLSX("bomb.xlsx"), NULL, "office"), CAMPAIGN_EINVALID,
	             XLSX("bomb.xlsx") ": xl/worksheets/sheet1.xml: compressed 1028:1, more than 500:1 (a zip bomb?)");
	expect_error(campaign_progress_import_file(db, NULL, XLSX("notzip.xlsx"), NULL, "office"), CAMPAIGN_EINVALID,
	             XLSX("notzip.xlsx") ": not a zip (Not a zip archive)");
	expect_error(campaign_progress_import_file(db, NULL, XLSX("missing.xlsx"), NULL, "office"), CAMPAIGN_EIO,
	             XLSX("missing.xlsx") ": cannot open");
	/* a workbook is a file: a string cannot hold one */
	expect_error(campaign_progress_import_string(db, NULL, "x", "p.xlsx", NULL, "office"), CAMPAIGN_EINVALID,
	             "p.xlsx: an xlsx workbook is read from a file, not a string");
	assert_int_equal(progress_reports(db), 0);
}

static void tmp_xlsx(char *path, size_t n, const char *name)
{
	snprintf(path, n, "/tmp/campaign-xlsx-in-%d-%s.xlsx", (int)getpid(), name);
}

/* Our own listing re-imports: the progress history as a workbook (every column, shared strings, date cells). */
static void test_history_round_trip(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	char path[256];
	tmp_xlsx(path, sizeof path, "history");
	assert_int_equal(campaign_progress_import_file(db, NULL, XLSX("progress.xlsx"), NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_write_xlsx(c, path, "历史", NULL, NULL), CAMPAIGN_OK);
	campaign_cursor_free(c);
	assert_int_equal(campaign_progress_import_file(db, NULL, path, NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(progress_reports(db), 6);
	/* the history in date order: each report twice */
	assert_string_equal(joined(db, "note"), NOTE " " NOTE " NULL NULL 序列号日期 序列号日期 ");
	assert_string_equal(joined(db, "reported_on"),
	                    "2010-11-15 2010-11-15 2010-11-20 2010-11-20 2010-11-30 2010-11-30 ");
	remove(path);
}

static campaign_db *with_findings(void)
{
	campaign_db *db = open_seed();
	assert_true(campaign_catalogue_import_file(db, NULL, CATALOGUE("ten-categories.yaml"), "office") > 0);
	assert_true(campaign_catalogue_import_file(db, NULL, CATALOGUE("five-behaviours.yaml"), "office") > 0);
	assert_int_equal(campaign_findings_import_file(db, NULL, INSP("findings.csv"), NULL, "office"), CAMPAIGN_OK);
	return db;
}

/* The rectification ledger as a workbook (its importer's columns) into a second store. */
static void test_ledger_round_trip(void **state)
{
	campaign_db *db = *state, *other = with_findings();
	campaign_cursor *c;
	char path[256], *a, *b;
	const char *cols = "id,finding,problem,measure,deadline,responsible,criterion";
	tmp_xlsx(path, sizeof path, "ledger");
	assert_int_equal(campaign_rectifications_import_file(db, NULL, INSP("ledger.csv"), NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_rectifications_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_write_xlsx(c, path, NULL, cols, NULL), CAMPAIGN_OK);
	campaign_cursor_free(c);
	assert_int_equal(campaign_rectifications_import_file(other, NULL, path, NULL, "office"), CAMPAIGN_OK);
	a = strdup(column_joined(campaign_rectifications_query(&c, db, NULL, NULL, NULL), &c, "measure", NULL, NULL));
	b = strdup(column_joined(campaign_rectifications_query(&c, other, NULL, NULL, NULL), &c, "measure", NULL, NULL));
	assert_string_equal(a, "限期追缴出让金 收缴\"小金库\"资金 ");
	assert_string_equal(a, b);
	free(a);
	free(b);
	campaign_close(other);
	remove(path);
}

TEST_MAIN("xlsx_in", SEED_TEST(test_openpyxl_first_sheet), SEED_TEST(test_named_sheet),
          SEED_TEST(test_options_version_1), SEED_TEST(test_damaged), SEED_TEST(test_history_round_trip),
          STORE_TEST(test_ledger_round_trip, with_findings))
