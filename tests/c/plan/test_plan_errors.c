/* Plan files that are refused (issue 18, coverage): checks of
 * plan/yaml_import.c met once each, with exact message and position; a
 * refused plan leaves the store without a campaign. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

#define CAMPAIGN_HEAD "format: 1\ncampaign:\n  id: mini\n  title: 测试方案\n  period: \"2010年10月开始,至2011年12月\"\n"
#define UNITS "units:\n  - id: city\n    name: 市局\n    kind: bureau\n"
#define TASKS "tasks:\n  - id: t1\n    title: 任务\n    measures:\n      - {id: t1.m1, text: 措施, lead: [city]}\n"

static void refused(const char *yaml, const char *want)
{
	campaign_db *db;
	campaign_cursor *c;
	int rc;
	assert_int_equal(campaign_open(&db, ":memory:", 0), CAMPAIGN_OK);
	rc = campaign_plan_import_string(db, yaml, "p.yaml", "office", NULL);
	refusal_check(rc, CAMPAIGN_EINVALID, want);
	assert_int_equal(campaign_campaigns_query(&c, db), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	campaign_close(db);
}

static void test_plan_refusals(void **state)
{
	(void)state;
	refused("format: 1\nunits: []\n", "p.yaml:1:1: plan: \"campaign\" is required");
	refused("format: 1\ncampaign:\n  id: mini\n  title: 测试\n  period: 明年\n" UNITS TASKS,
	        "p.yaml:5:11: campaign period: invalid deadline \"明年\": needs a year: 今年/明年/次年/上年 are relative to a "
	        "year, and none was given");
	refused(CAMPAIGN_HEAD "units:\n  - id: city\n    name: 市局\n    kind: bureau\n    aliases: [\"\"]\n" TASKS,
	        "p.yaml:10:15: unit: an alias must be non-empty text");
	refused(CAMPAIGN_HEAD "units:\n  - id: city\n    name: 市局\n    kind: bureau\n    aliases: [\"市局\\n机关\"]\n" TASKS,
	        "p.yaml:10:15: unit: an alias must be one line");
	refused(CAMPAIGN_HEAD UNITS "bodies:\n  - id: g\n    name: 小组\n    members:\n      - {role: 组长}\n" TASKS,
	        "p.yaml:14:9: body member: give a name, a unit or a unit_group");
	refused(CAMPAIGN_HEAD UNITS "bodies:\n  - id: g\n    name: 小组\n    parent: h\n" TASKS,
	        "p.yaml:13:13: body \"g\": unknown parent body \"h\" (list parents first)");
	refused(CAMPAIGN_HEAD UNITS "tasks:\n  - id: t1\n    title: 任务\n    measures:\n"
	                            "      - {id: t1.m1, text: 措施, lead: [{condition: 总是}]}\n",
	        "p.yaml:14:38: responsibility: give unit or unit_group");
	refused(CAMPAIGN_HEAD UNITS "tasks:\n  - id: t1\n    title: 任务\n    measures:\n"
	                            "      - {id: t1.m1, text: 措施, lead: [nowhere]}\n",
	        "p.yaml:14:38: responsibility: unknown unit or unit group \"nowhere\"");
	/* the document's own checks (io/yaml.c) */
	refused(CAMPAIGN_HEAD "units:\n  - {? [id] : city, name: 市局, kind: bureau}\n" TASKS,
	        "p.yaml:7:8: unit: a key must be text");
	refused(CAMPAIGN_HEAD "units:\n  - {id: city, name: \"市\\0局\", kind: bureau}\n" TASKS,
	        "p.yaml:7:22: unit: \"name\" contains a NUL character");
	refused(CAMPAIGN_HEAD UNITS "bodies:\n  - id: g\n    name: 小组\n    members:\n"
	                            "      - {name: 张三, role: 组长, concurrent: [yes]}\n" TASKS,
	        "p.yaml:14:42: body member: \"concurrent\" must be true or false, not a list");
	/* rules and models read their top keys alike */
	{
		campaign_db *db;
		assert_int_equal(campaign_open(&db, ":memory:", 0), CAMPAIGN_OK);
		assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "office", NULL), CAMPAIGN_OK);
		assert_int_equal(campaign_rules_import_string(db, NULL, "- a\n", "r.yaml", "office"), CAMPAIGN_EINVALID);
		assert_string_equal(campaign_error_message(), "r.yaml:1:1: a rules file is a mapping with format, ruleset, rules");
		assert_int_equal(campaign_rules_import_string(db, NULL, "format: 1\nrulez: []\n", "r.yaml", "office"),
		                 CAMPAIGN_EINVALID);
		assert_string_equal(campaign_error_message(), "r.yaml:2:1: unknown key \"rulez\"");
		campaign_close(db);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_plan_refusals), cmocka_unit_test(test_refusals_held)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
