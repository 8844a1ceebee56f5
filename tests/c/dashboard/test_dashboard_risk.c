/* The dashboard's risk section: the grade distribution of all points, by
 * unit and by business area (risk type), from one pass over
 * campaign_risk_distribution_query(); a finding without a category is one
 * row of the findings table, not one row per finding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define SRC(f) CAMPAIGN_SOURCE_DIR "/" f

static char *page(campaign_db *db)
{
	campaign_dashboard_options o = CAMPAIGN_DASHBOARD_OPTIONS_INIT;
	campaign_buf *b;
	char *s;
	o.as_of = "2010-12-01";
	assert_int_equal(campaign_dashboard_write_buf(&b, db, NULL, &o), CAMPAIGN_OK);
	s = strdup(campaign_buf_data(b));
	campaign_buf_free(b);
	return s;
}

static void test_grades_by_area(void **state)
{
	campaign_db *db = *state;
	char *s;
	assert_int_equal(campaign_risk_model_import_file(db, NULL, SRC("examples/models/matrix-5x5.yaml"), "office"), 1);
	assert_int_equal(campaign_risk_register_import_file(db, NULL, SRC("examples/risk/register.csv"), NULL, "office"), 13);
	s = page(db);
	EXPECT_HOLDS(s,
	             "<h3>风险等级分布（风险点数）</h3><div class=\"scroll\"><table class=\"tally\"><tr><th></th>"
	             "<th>一级风险</th><th>二级风险</th><th>三级风险</th><th>合计</th></tr>\n"
	             "<tr><th>全部风险点</th><td>5</td><td>6</td><td>2</td><td class=\"total\">13</td></tr>",
	             "<h3>各业务领域（风险类别）风险等级分布（风险点数）</h3>",
	             "<tr><th>业务流程</th><td>3</td><td>2</td><td>0</td><td class=\"total\">5</td></tr>",
	             "<tr><th>岗位职责</th><td>0</td><td>3</td><td>0</td><td class=\"total\">3</td></tr>",
	             "<tr><th>利用科</th><td>1</td><td>1</td><td>0</td><td class=\"total\">2</td></tr>");
	free(s);
}

static int occurrences(const char *s, const char *needle)
{
	int n = 0;
	for (; (s = strstr(s, needle)); s += strlen(needle))
		n++;
	return n;
}

static void test_uncategorised_findings_one_row(void **state)
{
	campaign_db *db = *state;
	char *s;
	for (int i = 0; i < 3; i++) {
		char id[8];
		snprintf(id, sizeof id, "F%d", i);
		assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING(id, "mabian", NULL, "investigated", NULL, "问题",
		                                                              NULL, "2010-11-20", NULL), "tester"),
		                 CAMPAIGN_OK);
	}
	s = page(db);
	assert_int_equal(occurrences(s, "<tr><th>（未注明）</th>"), 1);
	free(s);
}

TEST_MAIN("dashboard_risk", SEED_TEST(test_grades_by_area), SEED_TEST(test_uncategorised_findings_one_row))
