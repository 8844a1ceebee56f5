/* A plan's tasks streamed (read item by item from libyaml's events, each
 * freed once imported) give the store the whole document gives; a plan that
 * cannot be streamed (a key after "tasks", an alias) is still read whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define HEAD                                                                                                   \
	"format: 1\ncampaign:\n  id: mini\n  title: 测试方案\n  period: 2010年10月至2011年12月\n"                 \
	"units:\n  - id: city\n    name: 市局\n    kind: bureau\n    units:\n"                                       \
	"      - {id: liyong, name: 利用科, kind: department}\n      - {id: guihua, name: 规划科, kind: department}\n"
#define T11 "      - id: t1.1\n        title: 子任务\n"
#define M11                                                                                                    \
	"        measures:\n          - {id: t1.1.m1, text: 措施, lead: [liyong]}\n"                              \
	"        outcomes:\n          - {id: t1.1.o1, text: 成果, deadline: 2010年11月底完成}\n"
#define T2 "  - id: t2\n    title: 任务二\n    measures:\n      - {id: t2.m1, text: 措施二, lead: [guihua]}\n"

static char *imported(const char *yaml)
{
	campaign_db *db = open_memory();
	char *dump;
	int rc = campaign_plan_import_string(db, yaml, NULL, "tester", NULL);
	if (rc)
		fprintf(stderr, "%s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
	dump = dump_store(db);
	campaign_close(db);
	return dump;
}

static void test_streamed_as_whole(void **state)
{
	/* "tasks" last everywhere: streamed; a key after a task's "tasks": read whole */
	char *streamed = imported(HEAD "tasks:\n  - id: t1\n    title: 任务\n    tasks:\n" T11 M11 T2);
	char *whole = imported(HEAD "tasks:\n  - id: t1\n    tasks:\n" T11 M11 "    title: 任务\n" T2);
	char *aliased = imported(HEAD "tasks:\n  - id: t1\n    title: &t 任务\n    tasks:\n" T11 M11 T2);
	(void)state;
	assert_non_null(strstr(streamed, "t1.1.o1"));
	assert_non_null(strstr(streamed, "t2.m1"));
	assert_string_equal(streamed, whole);
	assert_string_equal(streamed, aliased);
	free(streamed);
	free(whole);
	free(aliased);
}

static void test_seed_streamed(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_measures_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 35);
	assert_int_equal(campaign_outcomes_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 32);
	campaign_close(db);
}

/* An error in a streamed item names its line and column, and leaves nothing. */
static void test_streamed_error_leaves_nothing(void **state)
{
	campaign_db *db = open_memory();
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_plan_import_string(db, HEAD "tasks:\n  - id: t1\n    title: 任务\n    tasks:\n" T11 M11
	                                                 "      - id: t1.1\n        title: 又一个\n" T2,
	                                             NULL, "tester", NULL),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "<string>:23:13: task: duplicate id \"t1.1\"");
	assert_int_equal(campaign_plan_import_string(db, HEAD "tasks:\n  - id: t1\n    title: 任务\n    tasks:\n" T11 M11
	                                                 "      - 只是文字\n",
	                                             NULL, "tester", NULL),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "<string>:23:9: task must be a mapping, not a scalar");
	assert_int_equal(campaign_campaigns_query(&c, db), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 0);
	assert_int_equal(campaign_tasks_query(&c, db, NULL, NULL), CAMPAIGN_ENOTFOUND);
	campaign_close(db);
}

TEST_MAIN("plan_stream", cmocka_unit_test(test_streamed_as_whole), cmocka_unit_test(test_seed_streamed),
          cmocka_unit_test(test_streamed_error_leaves_nothing))
