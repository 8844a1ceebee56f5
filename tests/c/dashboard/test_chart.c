/* Each chart of the dashboard alone: a standalone SVG document (XML
 * declaration, namespace, styles inside), one cell per share in the matrix,
 * the 32 outcomes in the Gantt chart, names escaped, exact errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "

static char *chart(campaign_db *db, const char *kind)
{
	campaign_chart_options o = CAMPAIGN_CHART_OPTIONS_INIT;
	campaign_buf *b;
	char *s;
	o.kind = kind;
	o.as_of = "2010-12-01";
	assert_int_equal(campaign_chart_write_buf(&b, db, NULL, &o), CAMPAIGN_OK);
	s = strdup(campaign_buf_data(b));
	campaign_buf_free(b);
	assert_memory_equal(s, HEAD, strlen(HEAD));
	assert_non_null(strstr(s, "<style>"));
	assert_string_equal(s + strlen(s) - 7, "</svg>\n");
	return s;
}

static int occurrences(const char *s, const char *needle)
{
	int n = 0;
	for (; (s = strstr(s, needle)); s += strlen(needle))
		n++;
	return n;
}

static int outcome_shares(campaign_db *db)
{
	campaign_cursor *c;
	int n = 0;
	assert_int_equal(campaign_share_status_query(&c, db, NULL, "2010-12-01"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		n += !strcmp(campaign_cursor_get(c, "kind"), "outcome");
	campaign_cursor_free(c);
	return n;
}

static void test_charts(void **state)
{
	campaign_db *db = *state;
	char *s = chart(db, "matrix");
	assert_int_equal(occurrences(s, " × t"), outcome_shares(db));
	assert_int_equal(occurrences(s, "class=\"tick o\""), 32);
	EXPECT_HOLDS(s, "<title>监察室 × t3.2.o4：逾期未完成，逾期62天</title>", "按时完成 ✓");
	free(s);
	s = chart(db, "gantt");
	EXPECT_HOLDS(s, "t3.2.o4 ", "class=\"asof\"", "统计日");
	EXPECT_LACKS(s, "<div", "<p ");
	free(s);
	s = chart(db, "coverage");
	EXPECT_HOLDS(s, "自查自纠报送情况（按轮次，单位数）", "整改台账");
	free(s);
}

static void test_errors(void **state)
{
	campaign_db *db = *state;
	campaign_chart_options o = CAMPAIGN_CHART_OPTIONS_INIT;
	campaign_buf *b = NULL;
	expect_error(campaign_chart_write_buf(&b, db, NULL, NULL), CAMPAIGN_EINVALID,
	             "campaign_chart_options is NULL (initialise it with its _INIT or _init())");
	expect_error(campaign_chart_write_buf(&b, db, NULL, &o), CAMPAIGN_EINVALID,
	             "chart \"\" is not one of gantt, matrix, heatmap, coverage");
	o.kind = "pie";
	expect_error(campaign_chart_write_buf(&b, db, NULL, &o), CAMPAIGN_EINVALID,
	             "chart \"pie\" is not one of gantt, matrix, heatmap, coverage");
	o.kind = "heatmap";
	expect_error(campaign_chart_write_buf(&b, db, NULL, &o), CAMPAIGN_ENOTFOUND, NULL);
	o.kind = "gantt", o.as_of = "2010-02-30";
	expect_error(campaign_chart_write_buf(&b, db, NULL, &o), CAMPAIGN_EINVALID, "\"2010-02-30\" is not a date (YYYY-MM-DD)");
	o.as_of = NULL, o.unit = "nobody";
	expect_error(campaign_chart_write_buf(&b, db, NULL, &o), CAMPAIGN_ENOTFOUND, NULL);
	o.unit = NULL;
	expect_error(campaign_chart_write(db, NULL, &o, NULL), CAMPAIGN_EINVALID, "campaign_chart_write: path is NULL");
	expect_error(campaign_chart_write(db, NULL, &o, "/nonexistent/dir/g.svg"), CAMPAIGN_EIO, NULL);
	assert_null(b);
}

static void test_escaped(void **state)
{
	campaign_db *db = open_memory();
	FILE *f = fopen(SEED_PLAN, "rb");
	static char yaml[1 << 20], hostile[1 << 20];
	size_t n = fread(yaml, 1, sizeof yaml - 1, f);
	char *at, *s;
	(void)state;
	fclose(f);
	yaml[n] = 0;
	assert_non_null(at = strstr(yaml, "name: \"监察室\""));
	snprintf(hostile, sizeof hostile, "%.*sname: \"<script>监察室 & \\\"x\\\"\"%s", (int)(at - yaml), yaml,
	         at + strlen("name: \"监察室\""));
	assert_int_equal(campaign_plan_import_string(db, hostile, NULL, "t", NULL), CAMPAIGN_OK);
	s = chart(db, "matrix");
	EXPECT_HOLDS(s, "&lt;script&gt;监察室 &amp; &quot;x&quot;");
	EXPECT_LACKS(s, "<script");
	free(s);
	campaign_close(db);
}

TEST_MAIN("chart", SEED_TEST(test_charts), SEED_TEST(test_errors), cmocka_unit_test(test_escaped))
