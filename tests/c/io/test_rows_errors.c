/* Bulk imports and exports that are refused (issue 18, coverage): the row
 * sources' checks (io/rows.c), an import stopped by its progress callback,
 * the xlsx writer's argument checks and a plan document without a period;
 * each with its exact code and message, and no report written by a refused
 * import. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static long long reports(campaign_db *db)
{
	campaign_cursor *c;
	long long n = 0;
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		n++;
	campaign_cursor_free(c);
	return n;
}

static void refused(campaign_db *db, const char *text, const char *name, const campaign_rows_import_options *o,
                    const char *want)
{
	long long before = reports(db);
	int rc = campaign_progress_import_string(db, NULL, text, name, o, "office");
	refusal_check(rc, CAMPAIGN_EINVALID, want);
	assert_int_equal(reports(db), before);
}

#define HEADER "outcome,unit,status,percent,date,note,evidence\n"
#define ROW "t1.1.o1,liyong,in_progress,50,2010-11-15,过半,\n"

static int stop_at_first(void *user, long rows, long long done, long long total)
{
	(void)done, (void)total;
	*(long *)user = rows;
	return 1;
}

static void test_row_sources(void **state)
{
	campaign_db *db = *state;
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	long seen = -1;
	refused(db, "outcome,status,percent,date,note,evidence\nt1.1.o1,in_progress,50,2010-11-15,过半,\n", "p.csv", NULL,
	        "p.csv:1:1: the header lacks the column \"unit\"");
	refused(db, HEADER "t1.1.o1,,in_progress,50,2010-11-15,过半,\n", "p.csv", NULL, "p.csv:2:1: row 1: unit is required");
	refused(db, "outcome: t1.1.o1\n", "p.yaml", NULL, "p.yaml:1:1: expected a list of reports");
	refused(db, "- [t1.1.o1]\n", "p.yaml", NULL, "p.yaml:1:3: report 1 must be a mapping");
	o.progress = stop_at_first, o.user = &seen;
	refused(db, HEADER ROW, "p.csv", &o, "p.csv: import stopped");
	assert_true(seen >= 0);
}

/* A YAML list with an alias is read whole, not streamed (an alias may point into an item already freed):
   the aliased report is imported twice, with its fields */
static void test_yaml_alias(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 "- &r {outcome: t1.1.o1, unit: liyong, status: in_progress, percent: 50, "
	                                                 "date: 2010-11-15}\n- *r\n",
	                                                 "p.yaml", NULL, "office"),
	                 CAMPAIGN_OK);
	assert_int_equal(reports(db), 2);
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "outcome", "t1.1.o1", "unit", "liyong", "percent", "50", "reported_on", "2010-11-15");
	EXPECT_ROW(c, "outcome", "t1.1.o1", "unit", "liyong", "percent", "50", "reported_on", "2010-11-15");
	campaign_cursor_free(c);
}

static void test_xlsx_writer_arguments(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_cursor_write_xlsx(NULL, "/tmp/x.xlsx", NULL, NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_cursor_write_xlsx: cursor is NULL");
	assert_int_equal(campaign_units_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_write_xlsx(c, NULL, NULL, NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_cursor_write_xlsx: path is NULL");
	assert_int_equal(campaign_cursor_write_xlsx(c, "/tmp/x.xlsx", "\xff", NULL, NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_cursor_write_xlsx: the sheet name is not UTF-8");
	assert_int_equal(campaign_cursor_write_xlsx(c, "/tmp/x.xlsx", NULL, "id", "\xff"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_cursor_write_xlsx: titles are not UTF-8");
	campaign_cursor_free(c);
}

static void test_document_arguments(void **state)
{
	campaign_document_options o = CAMPAIGN_DOCUMENT_OPTIONS_INIT;
	campaign_buf *yaml = NULL;
	char path[256];
	FILE *f;
	(void)state;
	assert_int_equal(campaign_plan_from_document_report(NULL, "x.txt", NULL), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_plan_from_document_report: NULL out");
	o.version = 99;
	assert_int_equal(campaign_plan_from_document_yaml(&yaml, "x.txt", &o), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_plan_from_document: unknown options version 99");
	tmp_store_path(path, sizeof path, "noperiod.txt");
	assert_non_null(f = fopen(path, "w"));
	fputs("关于开展专项工作的实施方案\n\n一、主要任务\n(一)加强组织领导。\n1.成立领导小组,负责统筹协调。\n", f);
	fclose(f);
	assert_int_equal(campaign_plan_from_document_yaml(&yaml, path, NULL), CAMPAIGN_EINVALID);
	{
		char want[512];
		snprintf(want, sizeof want, "%s: no campaign period found (a line such as 2010年10月开始,至2011年12月)", path);
		assert_string_equal(campaign_error_message(), want);
	}
	assert_null(yaml);
	remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {SEED_TEST(test_row_sources), SEED_TEST(test_yaml_alias), SEED_TEST(test_xlsx_writer_arguments),
	                                   cmocka_unit_test(test_document_arguments), cmocka_unit_test(test_refusals_held)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
