/* Who owes an outcome (issue 14) on the seed plan: the owners the plan names,
 * groups expanded, or the leads of the task's measures; the derived group
 * 各牵头科室; the plan's owners survive export; and the supervision list on
 * three dates names exactly the units the document makes responsible. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

/* The owners column of outcome @id. */
static const char *owners_of(campaign_db *db, const char *id, const char *col)
{
	static char out[1024];
	campaign_cursor *c;
	out[0] = '\0';
	assert_int_equal(campaign_outcomes_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "id"), id)) {
			const char *v = campaign_cursor_get(c, col);
			snprintf(out, sizeof out, "%s", v ? v : "NULL");
		}
	campaign_cursor_free(c);
	return out;
}

#define ALL_COUNTIES "shizhong,shawan,wutongqiao,jinkouhe,qianwei,jingyan,jiajiang,muchuan,ebian,mabian,emeishan"

static void test_owners_from_the_document(void **state)
{
	static const struct {
		const char *outcome, *column, *want;
	} cases[] = {
		/* (三)2(5): 监察室、财务室(牵头单位); not 人事科 or 行政审批科 */
		{"t3.2.o4", "owners", "jiancha,caiwu"},
		{"t3.2.o4", "owners_named", "jiancha,caiwu"},
		/* 各县…完成自查自纠工作并上报总结报告: the eleven counties, not 监察室 */
		{"t2.2.o4", "owners", ALL_COUNTIES},
		{"t2.2.o4", "owners_named", "counties"},
		/* 法规科 owes neither 廉政风险源的排查 nor 清理纠正交叉任职 */
		{"t2.1.o1", "owners", "jiancha"},
		{"t3.1.o1", "owners", "renshi"},
		{"t2.1.o2", "owners", "fagui,bangongshi"},
		/* no owners named: the leads of the task's measures, as before */
		{"t1.1.o1", "owners", "liyong"},
		{"t1.1.o1", "owners_named", "NULL"},
		{"t2.2.o1", "owners", "jiancha," ALL_COUNTIES},
	};
	campaign_db *db = open_seed();
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_string_equal(owners_of(db, cases[i].outcome, cases[i].column), cases[i].want);
	campaign_close(db);
}

static void test_derived_group(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	(void)state;
	/* 各牵头科室: the 8 departments that lead a measure; 规划科 耕保科 地籍科 信访科 党委办 机关党办 lead none */
	assert_string_equal(column_joined(campaign_unit_group_members_query(&c, db, NULL, "lead-departments"), &c, "unit", NULL, NULL),
	                    "liyong fagui jiancha kuangguan caiwu bangongshi renshi shenpi ");
	assert_string_equal(column_joined(campaign_unit_groups_query(&c, db, NULL), &c, "derive", NULL, NULL),
	                    "NULL NULL NULL lead-departments NULL NULL ");
	/* its milestone has one share per member */
	assert_string_equal(column_joined(campaign_phase_status_query(&c, db, NULL, "2011-11-01"), &c, "shares", NULL, NULL),
	                    "23 1 11 11 1 1 0 19 11 8 ");
	campaign_close(db);
}

/* A unit's row of the matrix says which of the task's outcomes it owes. */
static void test_matrix_says_what_is_owed(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	(void)state;
	/* 行政审批科 leads 二(三)2(1) and supports 11 measures, and owes none of their tasks' outcomes */
	assert_string_equal(column_joined(campaign_unit_matrix_query(&c, db, NULL, "shenpi"), &c, "outcomes_owed", NULL, NULL),
	                    "NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL ");
	assert_string_equal(column_joined(campaign_unit_matrix_query(&c, db, NULL, "renshi"), &c, "measure", NULL, NULL),
	                    "t2.1.m1 t2.1.m2 t2.1.m3 t2.1.m4 t2.2.m1 t2.2.m2 t2.3.m1 "
	                    "t2.4.m1 t2.4.m2 t2.4.m3 t2.4.m4 t3.1.m1 t3.1.m4 t3.2.m1 t3.2.m3 t3.2.m5 t3.3.m3 t3.4.m1 t3.4.m2 t3.4.m3 ");
	/* 人事科 owes t3.1.o1 and t3.1.o3 (清理纠正交叉任职, 职能转变目标) and t3.2.o2 (交流管理办法), nothing in (二) */
	assert_string_equal(column_joined(campaign_unit_matrix_query(&c, db, NULL, "renshi"), &c, "outcomes_owed", NULL, NULL),
	                    "NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL t3.1.o1,t3.1.o3 t3.1.o1,t3.1.o3 "
	                    "t3.2.o2 t3.2.o2 t3.2.o2 NULL NULL NULL NULL ");
	campaign_close(db);
}

/* The owners and the derived group are written back as the plan said them. */
static void test_export_keeps_owners(void **state)
{
	campaign_db *db = open_seed();
	campaign_buf *y;
	const char *t;
	(void)state;
	assert_int_equal(campaign_plan_export_yaml(&y, db, NULL), CAMPAIGN_OK);
	t = campaign_buf_data(y);
	assert_non_null(strstr(t, "\n- id: lead-departments\n  name: 各牵头科室\n  aliases: [局机关各牵头科室, "
	                          "市局机关各牵头科室]\n  derive: lead-departments\n- id: counties\n"));
	assert_non_null(strstr(t, "deadline: 2010年9月底完成\n      owners: [jiancha, caiwu]\n"));
	assert_non_null(strstr(t, "deadline: 12月中旬完成\n      owners: [counties]\n"));
	/* an outcome that names no owners exports none */
	assert_non_null(strstr(t, "deadline: 2010年11月底完成\n    - id: t1.1.o2"));
	campaign_buf_free(y);
	campaign_close(db);
}

/* The units on the supervision list of @as_of, in its order, " "-joined. */
static const char *supervised(campaign_db *db, const char *as_of)
{
	campaign_cursor *c;
	return column_joined(campaign_supervision_query(&c, db, NULL, as_of), &c, "unit", NULL, NULL);
}

#define COUNTIES "shizhong shawan wutongqiao jinkouhe qianwei jingyan jiajiang muchuan ebian mabian emeishan "

static void test_supervision_names_the_responsible(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	(void)state;
	/* 12-01: 监察室 (t2.1.o1 t2.4.o1 t2.4.o2 t3.2.o4); 市局 (p1.city, p2.inspection); each county
	 * (p1.counties, p1.plans); 财务室 (t3.2.o4); 办公室 (t3.3.o2); 人事科 (t3.1.o1); 利用科 (t1.1.o1);
	 * 矿管科 (t1.2.o1). Not 法规科, 行政审批科 */
	assert_string_equal(supervised(db, "2010-12-01"),
	                    "jiancha city " COUNTIES "caiwu bangongshi renshi liyong kuangguan ");
	/* 12-21: the counties also owe 各县…12月中旬完成 (t2.2.o4); 监察室 does not */
	assert_string_equal(supervised(db, "2010-12-21"),
	                    "jiancha " COUNTIES "city caiwu bangongshi renshi liyong kuangguan ");
	assert_int_equal(campaign_supervision_query(&c, db, NULL, "2010-12-21"), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "outcomes"), "t2.1.o1,t2.4.o1,t2.4.o2,t3.2.o4");
	assert_null(campaign_cursor_get(c, "milestones"));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "unit"), "shizhong");
	assert_string_equal(campaign_cursor_get(c, "outcomes"), "t2.2.o4");
	assert_string_equal(campaign_cursor_get(c, "milestones"), "p1.counties,p1.plans");
	assert_string_equal(campaign_cursor_get(c, "reason"),
	                    "市中区分局 逾期未完成 3 项: t2.2.o4(逾期1天)、节点 p1.counties(逾期51天)、节点 p1.plans(逾期51天)");
	campaign_cursor_free(c);
	/* 2011-07-01: everything due in 2010 and the first half of 2011; 法规科 now for 廉政风险防范措施
	 * (t2.1.o2, 2010年12月); 行政审批科 owes no outcome at all */
	assert_string_equal(supervised(db, "2011-07-01"),
	                    "jiancha bangongshi " COUNTIES "caiwu city renshi liyong kuangguan fagui ");
	campaign_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_owners_from_the_document),
		cmocka_unit_test(test_derived_group),
		cmocka_unit_test(test_matrix_says_what_is_owed),
		cmocka_unit_test(test_export_keeps_owners),
		cmocka_unit_test(test_supervision_names_the_responsible),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
