/* The seed plan, whole: counts, responsibilities and deadlines checked
 * against the document (shared/seed/000_67549c9e93c22025.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "seed_group.h"

static void test_counts(void **state)
{
	campaign_cursor *c;
	int areas = 0, tasks = 0;
	(void)state;
	assert_int_equal(campaign_tasks_query(&c, seed, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (campaign_cursor_int(c, campaign_cursor_column_index(c, "depth")) == 0)
			areas++;
		else
			tasks++;
	}
	campaign_cursor_free(c);
	assert_int_equal(areas, 3);
	assert_int_equal(tasks, 10);
	assert_int_equal(campaign_measures_query(&c, seed, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 35);
	assert_int_equal(campaign_outcomes_query(&c, seed, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 32);
	assert_int_equal(campaign_phases_query(&c, seed, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 4);
	assert_int_equal(campaign_campaigns_query(&c, seed), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 1);
	/* subtrees: area (二) has 4 tasks; task (一)1 has 4 measures and 3 outcomes */
	assert_int_equal(campaign_tasks_query(&c, seed, NULL, "t2"), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 4);
	assert_int_equal(campaign_measures_query(&c, seed, NULL, "t1.1"), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 4);
	assert_int_equal(campaign_outcomes_query(&c, seed, NULL, "t1.2"), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 4);
}

static void test_campaign_fields(void **state)
{
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_campaigns_query(&c, seed), CAMPAIGN_OK);
	expect_row(c, "id", "leshan-ltyg-2010", "basis", "川国土资党委〔2010〕5号", "period_first", "2010-10-01",
	           "period_last", "2011-12-31", "imported_by", "tester", NULL);
	assert_non_null(strstr(campaign_cursor_get(c, "summary"), "深化国土资源管理制度改革"));
	assert_non_null(strstr(campaign_cursor_get(c, "requirements"), "11月初市局领导将带队"));
	assert_int_equal(campaign_cursor_column_type(c, campaign_cursor_column_index(c, "period_first")),
	                 CAMPAIGN_COLUMN_DATE);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
}

/* "L:a,b[cond];S:c" for a measure, names as written. */
static char *responsibility(const char *measure)
{
	static char out[1100];
	campaign_cursor *c;
	char lead[512] = "", support[512] = "";
	assert_int_equal(campaign_responsibilities_query(&c, seed, NULL, measure), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		char *dst = strcmp(campaign_cursor_get(c, "role"), "lead") ? support : lead;
		const char *cond = campaign_cursor_get(c, "condition");
		if (*dst)
			strcat(dst, ",");
		strcat(dst, campaign_cursor_get(c, "name"));
		if (cond) {
			strcat(dst, "[");
			strcat(dst, cond);
			strcat(dst, "]");
		}
	}
	campaign_cursor_free(c);
	snprintf(out, sizeof out, "L:%s;S:%s", lead, support);
	return out;
}

static void test_responsibilities(void **state)
{
	/* each measure's "L:leads;S:supports", by name, [condition] as written */
	static const struct {
		const char *measure, *want;
	} cases[] = {
		{"t1.1.m1", "L:利用科;S:规划科,耕保科,地籍科,法规科,监察室,信访科,交易中心"},
		{"t1.1.m4", "L:利用科;S:规划科,耕保科,交易中心"},
		{"t1.2.m1", "L:矿管科;S:法规科,监察室,信访科,执法支队"},
		/* the document marks no lead here: kept as written */
		{"t1.2.m2", "L:;S:矿管科,财务室,交易中心"},
		{"t1.2.m5", "L:;S:矿管科,财务室,监察室,交易中心"},
		{"t2.1.m3", "L:法规科[涉及政策法规],办公室[涉及机关内部管理];S:各科室,直属单位"},
		{"t2.2.m1", "L:各国土资源局(分局)[各地],监察室[局机关];S:各科室[局机关],直属单位[局机关]"},
		{"t2.3.m1", "L:监察室;S:其他行政科室"},
		{"t2.4.m2", "L:监察室;S:党委办,机关党办,人事科,信息中心"},
		{"t3.1.m2", "L:矿管科;S:财务室,纪监室"},
		{"t3.2.m3", "L:人事科;S:"},
		{"t3.2.m5", "L:监察室,财务室;S:各科室,直属单位,各市县(市、区)国土资源局(分局)"},
		{"t3.3.m1", "L:办公室;S:利用科,矿管科,规划科,地籍科,法规科,信息中心"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(responsibility(cases[i].measure), cases[i].want);
}

static void test_responsibility_ids(void **state)
{
	campaign_cursor *c;
	(void)state;
	/* 纪监室 is written as such but resolves to the unit 监察室 */
	assert_int_equal(campaign_responsibilities_query(&c, seed, NULL, "t3.1.m2"), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "unit"), "jiancha");
	assert_null(campaign_cursor_get(c, "unit_group"));
	campaign_cursor_free(c);
}

static void expect_deadline(const char *outcome, const char *text, const char *first, const char *last)
{
	campaign_cursor *c;
	int found = 0;
	assert_int_equal(campaign_outcomes_query(&c, seed, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (strcmp(campaign_cursor_get(c, "id"), outcome))
			continue;
		found = 1;
		if (!text) {
			assert_null(campaign_cursor_get(c, "deadline_text"));
			assert_null(campaign_cursor_get(c, "last"));
			continue;
		}
		assert_string_equal(campaign_cursor_get(c, "deadline_text"), text);
		assert_string_equal(campaign_cursor_get(c, "first"), first);
		assert_string_equal(campaign_cursor_get(c, "last"), last);
	}
	campaign_cursor_free(c);
	assert_true(found);
}

static void test_deadlines(void **state)
{
	(void)state;
	expect_deadline("t1.1.o1", "2010年11月底完成", "2010-11-21", "2010-11-30");
	expect_deadline("t1.1.o2", "2010年底前完成", "2010-12-01", "2010-12-31");
	expect_deadline("t1.1.o3", "2011年底前完成", "2011-12-01", "2011-12-31");
	expect_deadline("t1.2.o2", "2011年完成", "2011-01-01", "2011-12-31");
	expect_deadline("t2.1.o2", "2010年12月完成", "2010-12-01", "2010-12-31");
	expect_deadline("t2.1.o3", "2011年6月底完成", "2011-06-21", "2011-06-30");
	expect_deadline("t2.2.o4", "12月中旬完成", "2010-12-11", "2010-12-20");
	expect_deadline("t2.2.o1", NULL, NULL, NULL);
	expect_deadline("t2.4.o1", "2010年10月完成", "2010-10-01", "2010-10-31");
	expect_deadline("t3.2.o1", "2011年2月底前完成", "2011-02-21", "2011-02-28");
	expect_deadline("t3.2.o4", "2010年9月底完成", "2010-09-21", "2010-09-30");
	expect_deadline("t3.3.o1", "2011年9月底完成", "2011-09-21", "2011-09-30");
	expect_deadline("t3.4.o3", NULL, NULL, NULL);
}

static void test_phases_and_milestones(void **state)
{
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_phases_query(&c, seed, NULL), CAMPAIGN_OK);
	expect_row(c, "name", "动员部署", NULL);
	expect_row(c, "name", "自查自纠", "first", "2010-10-01", "last", "2010-12-31", NULL);
	expect_row(c, "name", "建章立制", "last", "2011-06-30", NULL);
	campaign_cursor_free(c);
	/* the county bureaus' milestone: 10月底各县完成动员部署, for a group */
	assert_int_equal(campaign_milestones_query(&c, seed, NULL, "p1"), CAMPAIGN_OK);
	expect_row(c, "deadline_text", "10月中旬", "unit", "city", NULL);
	expect_row(c, "first", "2010-10-21", "last", "2010-10-31", "unit_group", "counties", NULL);
	campaign_cursor_free(c);
}

static void test_units_groups_bodies(void **state)
{
	campaign_cursor *c;
	int subordinate = 0, n = 0;
	(void)state;
	assert_int_equal(campaign_units_query(&c, seed, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		n++;
		if (!strcmp(campaign_cursor_get(c, "kind"), "subordinate_bureau"))
			subordinate++;
		if (!strcmp(campaign_cursor_get(c, "id"), "jiancha"))
			assert_string_equal(campaign_cursor_get(c, "aliases"), "纪检监察室\n纪监室");
	}
	campaign_cursor_free(c);
	assert_int_equal(subordinate, 11);
	assert_true(n > 25);
	assert_int_equal(campaign_unit_group_members_query(&c, seed, NULL, "counties"), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 11);
	assert_int_equal(campaign_unit_group_members_query(&c, seed, NULL, "affiliates"), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 3);
	assert_int_equal(campaign_unit_group_members_query(&c, seed, NULL, "nope"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unknown unit group \"nope\"");
	assert_int_equal(campaign_body_members_query(&c, seed, NULL, "leading-group"), CAMPAIGN_OK);
	expect_row(c, "name", "赵发澍", "role", "组长", NULL);
	campaign_cursor_free(c);
	assert_int_equal(campaign_bodies_query(&c, seed, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	expect_row(c, "parent", "leading-group", "seat", "jiancha", NULL);
	campaign_cursor_free(c);
}

static void test_query_errors(void **state)
{
	campaign_cursor *c = NULL;
	(void)state;
	assert_int_equal(campaign_measures_query(&c, seed, "no-such", NULL), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "no campaign with id \"no-such\"");
	assert_null(c);
	assert_int_equal(campaign_measures_query(&c, seed, NULL, "t9"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "no task with id \"t9\"");
	assert_int_equal(campaign_measures_query(NULL, seed, NULL, NULL), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_measures_query(&c, NULL, NULL, NULL), CAMPAIGN_EINVALID);
	assert_null(c);
	assert_int_equal(campaign_cursor_next(NULL), CAMPAIGN_EINVALID);
	campaign_cursor_free(NULL);
}

static void test_changes_record_actor(void **state)
{
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_changes_query(&c, seed), CAMPAIGN_OK);
	expect_row(c, "actor", "tester", "operation", "plan.import", "campaign", "leshan-ltyg-2010", NULL);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
}

TEST_MAIN_AROUND("plan", setup, teardown,
                 cmocka_unit_test(test_counts),
                 cmocka_unit_test(test_campaign_fields),
                 cmocka_unit_test(test_responsibilities),
                 cmocka_unit_test(test_responsibility_ids),
                 cmocka_unit_test(test_deadlines),
                 cmocka_unit_test(test_phases_and_milestones),
                 cmocka_unit_test(test_units_groups_bodies),
                 cmocka_unit_test(test_query_errors),
                 cmocka_unit_test(test_changes_record_actor))
