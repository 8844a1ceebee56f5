/* The responsibility matrix on the seed plan: a unit's row (directly,
 * through groups, scoped), a measure's units, the 任务分工表, warnings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "seed_group.h"

/* "measure:role[via][scope]" for each row, ","-joined. */
static char *unit_row(const char *unit)
{
	static char out[4096];
	campaign_cursor *c;
	out[0] = '\0';
	assert_int_equal(campaign_unit_matrix_query(&c, seed, NULL, unit), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *via = campaign_cursor_get(c, "via_group"), *cond = campaign_cursor_get(c, "condition");
		if (*out)
			strcat(out, ",");
		strcat(out, campaign_cursor_get(c, "measure"));
		strcat(out, ":");
		strcat(out, campaign_cursor_get(c, "role"));
		if (via)
			strcat(strcat(strcat(out, "["), via), "]");
		if (cond)
			strcat(strcat(strcat(out, "("), cond), ")");
	}
	campaign_cursor_free(c);
	return out;
}

/* 监察室: every measure the document assigns to it, as lead, as support, and
 * through 各科室 / 其他行政科室; never as support of what it leads. */
static void test_jiancha_row(void **state)
{
	(void)state;
	assert_string_equal(unit_row("jiancha"),
	                    "t1.1.m1:support,t1.2.m1:support,t1.2.m5:support,"
	                    "t2.1.m1:lead,t2.1.m2:lead,t2.1.m3:support[departments],t2.1.m4:lead,"
	                    "t2.2.m1:lead(局机关),t2.2.m2:lead(局机关),t2.3.m1:lead,"
	                    "t2.4.m1:lead,t2.4.m2:lead,t2.4.m3:lead,t2.4.m4:lead,"
	                    "t3.1.m1:support,t3.1.m2:support,t3.2.m1:support[other-departments],t3.2.m2:lead,"
	                    "t3.2.m4:support,t3.2.m5:lead,t3.3.m2:support,t3.3.m3:support[departments],"
	                    "t3.4.m1:lead,t3.4.m2:lead");
}

static void test_scoped_and_group_rows(void **state)
{
	campaign_cursor *c;
	(void)state;
	/* 法规科 leads t2.1.m3 only for 涉及政策法规 */
	assert_non_null(strstr(unit_row("fagui"), "t2.1.m3:lead(涉及政策法规)"));
	/* a county bureau owes the self-inspection through the group, as written */
	assert_string_equal(unit_row("emeishan"), "t2.2.m1:lead[counties](各地),t2.2.m2:lead[counties](各地),"
	                                          "t3.2.m5:support[counties]");
	assert_int_equal(campaign_unit_matrix_query(&c, seed, NULL, "t2.2.m1.x"), CAMPAIGN_ENOTFOUND);
	assert_int_equal(campaign_unit_matrix_query(&c, seed, NULL, NULL), CAMPAIGN_EINVALID);
	/* the written names stay: 纪监室 for t3.1.m2 */
	assert_int_equal(campaign_unit_matrix_query(&c, seed, NULL, "jiancha"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "measure"), "t3.1.m2"))
			assert_string_equal(campaign_cursor_get(c, "written"), "纪监室");
	campaign_cursor_free(c);
}

static void test_measure_units(void **state)
{
	campaign_cursor *c;
	int leads = 0, supports = 0;
	(void)state;
	/* t2.2.m1: 11 county bureaus and 监察室 lead; the departments and affiliates support */
	assert_int_equal(campaign_measure_units_query(&c, seed, NULL, "t2.2.m1"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (!strcmp(campaign_cursor_get(c, "role"), "lead"))
			leads++;
		else
			supports++;
		assert_true(leads > 0); /* leads come first */
	}
	campaign_cursor_free(c);
	assert_int_equal(leads, 12);
	assert_int_equal(supports, 14 + 3 - 1); /* every department but 监察室, which leads, and 3 affiliates */
}

static void test_matrix_table(void **state)
{
	campaign_cursor *c;
	int n = 0;
	(void)state;
	assert_int_equal(campaign_matrix_query(&c, seed, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		n++;
		assert_int_equal(campaign_cursor_int(c, 0), n);
		if (n == 1)
			expect_columns(c, "lead", "利用科", "support", "规划科、耕保科、地籍科、法规科、监察室、信访科、交易中心",
			               "deadline_text", "2010年11月底完成；2010年底前完成；2011年底前完成", NULL);
		if (!strcmp(campaign_cursor_get(c, "measure"), "t2.1.m3"))
			assert_string_equal(campaign_cursor_get(c, "lead"), "法规科(涉及政策法规)、办公室(涉及机关内部管理)");
		if (!strcmp(campaign_cursor_get(c, "measure"), "t2.3.m1"))
			assert_null(campaign_cursor_get(c, "deadline_text"));
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 35);
}

static void test_warnings(void **state)
{
	campaign_cursor *c;
	char no_lead[256] = "", scoped[256] = "";
	int idle = 0;
	(void)state;
	assert_int_equal(campaign_plan_warnings_query(&c, seed, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *kind = campaign_cursor_get(c, "kind"), *obj = campaign_cursor_get(c, "object");
		if (!strcmp(kind, "measure_without_lead"))
			strcat(strcat(no_lead, obj), " ");
		else if (!strcmp(kind, "scoped_lead"))
			strcat(strcat(scoped, obj), " ");
		else if (!strcmp(kind, "deadline_before_campaign"))
			assert_string_equal(obj, "t3.2.o4"); /* (三)2(5), due 2010年9月底: tests/c/core/test_dates.c */
		else {
			assert_string_equal(kind, "unit_without_measure");
			assert_string_equal(obj, "city"); /* the bureau itself; every unit under it has work */
			assert_string_equal(campaign_cursor_get(c, "message"), "乐山市国土资源局 未承担任何措施");
			idle++;
		}
	}
	campaign_cursor_free(c);
	assert_string_equal(no_lead, "t1.2.m2 t1.2.m3 t1.2.m4 t1.2.m5 ");
	assert_string_equal(scoped, "t2.1.m3 t2.1.m3 t2.2.m1 t2.2.m1 t2.2.m2 t2.2.m2 ");
	assert_int_equal(idle, 1);
}

TEST_MAIN_AROUND("matrix", setup, teardown,
                 cmocka_unit_test(test_jiancha_row),
                 cmocka_unit_test(test_scoped_and_group_rows),
                 cmocka_unit_test(test_measure_units),
                 cmocka_unit_test(test_matrix_table),
                 cmocka_unit_test(test_warnings))
