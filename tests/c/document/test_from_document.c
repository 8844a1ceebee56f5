/* A plan drafted from its document (issue 21): the seed's text gives the
 * hand encoding's tasks, measures with their lead and supporting units and
 * outcomes with their deadlines; a county plan in UTF-8 and GB18030 (items
 * run together, 牵头单位:X;配合单位:Y, ①②) drafts the same plan; the YAML
 * imports, quotes and Chinese text round-trip; the report names each line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define DOC(f) CAMPAIGN_SOURCE_DIR "/tests/data/document/" f

/* Drafts @path and imports it into a fresh store; the report in *report when asked. */
static campaign_db *draft_store(const char *path, const char *encoding, char **report)
{
	campaign_document_options opts;
	campaign_buf *yaml = NULL, *rep = NULL;
	campaign_db *db = open_memory();
	assert_int_equal(campaign_document_options_init(&opts, CAMPAIGN_DOCUMENT_OPTIONS_VERSION), CAMPAIGN_OK);
	opts.encoding = encoding;
	opts.campaign = "leshan-ltyg-2010";
	assert_int_equal(campaign_plan_from_document(&yaml, &rep, path, &opts), CAMPAIGN_OK);
	int rc = campaign_plan_import_string(db, campaign_buf_data(yaml), "<draft>", "tester", NULL);
	if (rc)
		fprintf(stderr, "draft import: %s\n", campaign_error_message());
	assert_int_equal(rc, CAMPAIGN_OK);
	if (report)
		*report = strdup(campaign_buf_data(rep));
	campaign_buf_free(yaml);
	campaign_buf_free(rep);
	return db;
}

/* The rows of a query writing the cursor c (the call runs before c is read). */
#define ROWS(call) (assert_int_equal(call, CAMPAIGN_OK), count_rows(c))

static void test_seed_counts(void **state)
{
	campaign_cursor *c;
	char *report;
	campaign_db *db = draft_store(DOC("leshan-2010.txt"), NULL, &report);
	(void)state;
	assert_int_equal(ROWS(campaign_tasks_query(&c, db, NULL, NULL)), 13); /* 3 areas, 10 tasks */
	assert_int_equal(ROWS(campaign_measures_query(&c, db, NULL, NULL)), 35);
	assert_int_equal(ROWS(campaign_outcomes_query(&c, db, NULL, NULL)), 32);
	assert_int_equal(ROWS(campaign_phases_query(&c, db, NULL)), 4);
	assert_non_null(strstr(report, "# Drafted plan: 3 areas, 10 tasks, 35 measures, 32 outcomes (27 with a deadline), 4 phases"));
	assert_non_null(strstr(report, "L9: measure t1.1.m1\n"));
	assert_non_null(strstr(report, "L10: responsibility of measure t1.1.m1\n"));
	assert_non_null(strstr(report, "## Lines not placed\n(none)\n"));
	assert_non_null(strstr(report, "L156: phase 动员部署 has no period of its own: its first date 2010年10月中旬 taken"));
	free(report);
	campaign_close(db);
}

/* "role unit condition|..." for every responsibility of @measure. */
static char *resp_of(campaign_db *db, const char *measure)
{
	static char out[2][2048];
	static int k;
	campaign_cursor *c;
	char *o = out[k++ & 1];
	o[0] = 0;
	assert_int_equal(campaign_responsibilities_query(&c, db, NULL, measure), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *u = campaign_cursor_get(c, "unit"), *cond = campaign_cursor_get(c, "condition");
		snprintf(o + strlen(o), 2048 - strlen(o), "%s %s %s|", campaign_cursor_get(c, "role"),
		         u ? u : campaign_cursor_get(c, "unit_group"), cond ? cond : "-");
	}
	campaign_cursor_free(c);
	return o;
}

/* Every measure of the hand encoding: same text, same leads and supports (unit or group, condition). */
static void test_seed_measures_equal_hand_encoding(void **state)
{
	campaign_db *hand = open_seed(), *db = draft_store(DOC("leshan-2010.txt"), "utf-8", NULL);
	campaign_cursor *h, *c;
	int n = 0;
	(void)state;
	assert_int_equal(campaign_measures_query(&h, hand, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_measures_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(h) == CAMPAIGN_OK) {
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
		assert_string_equal(campaign_cursor_get(c, "id"), campaign_cursor_get(h, "id"));
		assert_string_equal(campaign_cursor_get(c, "text"), campaign_cursor_get(h, "text"));
		assert_string_equal(resp_of(db, campaign_cursor_get(c, "id")), resp_of(hand, campaign_cursor_get(h, "id")));
		n++;
	}
	assert_int_equal(n, 35);
	campaign_cursor_free(h), campaign_cursor_free(c);
	/* a few by their words */
	assert_string_equal(resp_of(db, "t1.1.m2"), "lead liyong -|support guihua -|support gengbao -|");
	assert_string_equal(resp_of(db, "t1.2.m2"), "support kuangguan -|support caiwu -|support jiaoyi -|");
	assert_string_equal(resp_of(db, "t2.1.m3"), "lead fagui 涉及政策法规|lead bangongshi 涉及机关内部管理|"
	                                            "support departments -|support affiliates -|");
	assert_string_equal(resp_of(db, "t2.2.m1"), "lead counties 各地|lead jiancha 局机关|support departments 局机关|"
	                                            "support affiliates 局机关|");
	assert_string_equal(resp_of(db, "t3.2.m3"), "lead renshi -|");
	assert_string_equal(resp_of(db, "t3.2.m5"), "lead jiancha -|lead caiwu -|support departments -|"
	                                            "support affiliates -|support counties -|");
	assert_int_equal(campaign_measures_query(&c, db, NULL, "t2.3"), CAMPAIGN_OK);
	expect_row(c, "id", "t2.3.m1", "label", NULL, NULL);
	assert_true(!strncmp(campaign_cursor_get(c, "text"), "结合国土资源管理实际,按照干部管理权限", strlen("结合国土资源管理实际,按照干部管理权限")));
	campaign_cursor_free(c);
	campaign_close(hand), campaign_close(db);
}

/* Steps both cursors together (then frees them): every row of @h has its twin in @c, equal in @cols. */
static int same_rows(campaign_cursor *h, campaign_cursor *c, const char *const *cols, size_t ncols)
{
	int n = 0;
	while (campaign_cursor_next(h) == CAMPAIGN_OK) {
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
		for (size_t i = 0; i < ncols; i++) {
			const char *a = campaign_cursor_get(h, cols[i]), *b = campaign_cursor_get(c, cols[i]);
			assert_string_equal(b ? b : "NULL", a ? a : "NULL");
		}
		n++;
	}
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(h), campaign_cursor_free(c);
	return n;
}

/* Every task (3 areas, 10 tasks: label, title, objective) and every outcome (text, deadline, first and last days). */
static void test_seed_tasks_outcomes_equal_hand_encoding(void **state)
{
	campaign_db *hand = open_seed(), *db = draft_store(DOC("leshan-2010.txt"), NULL, NULL);
	campaign_cursor *h, *c;
	static const char *const tcols[] = {"id", "parent", "depth", "label", "title", "objective"};
	static const char *const ocols[] = {"id", "task", "label", "text", "deadline_text", "first", "last"};
	(void)state;
	assert_int_equal(campaign_tasks_query(&h, hand, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_tasks_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(same_rows(h, c, tcols, 6), 13);
	assert_int_equal(campaign_outcomes_query(&h, hand, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_outcomes_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(same_rows(h, c, ocols, 7), 32);
	assert_int_equal(campaign_outcomes_query(&c, db, NULL, "t1.1"), CAMPAIGN_OK);
	expect_row(c, "id", "t1.1.o1", "deadline_text", "2010年11月底完成", "first", "2010-11-21", "last", "2010-11-30", NULL);
	campaign_cursor_free(c);
	assert_int_equal(campaign_outcomes_query(&c, db, NULL, "t2.2"), CAMPAIGN_OK);
	expect_row(c, "id", "t2.2.o1", "deadline_text", NULL, NULL);
	expect_row(c, "id", "t2.2.o2", NULL);
	expect_row(c, "id", "t2.2.o3", NULL);
	expect_row(c, "id", "t2.2.o4", "deadline_text", "12月中旬完成", "first", "2010-12-11", "last", "2010-12-20", NULL);
	campaign_cursor_free(c);
	campaign_close(hand), campaign_close(db);
}

/* Milestone @id of @phase has @text and is owed by @owner (a unit or a group). */
static void milestone_is(campaign_db *db, const char *phase, const char *id, const char *text, const char *owner)
{
	campaign_cursor *c;
	int found = 0;
	assert_int_equal(campaign_milestones_query(&c, db, NULL, phase), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "id"), id)) {
			const char *u = campaign_cursor_get(c, "unit");
			found = 1;
			assert_string_equal(campaign_cursor_get(c, "text"), text);
			assert_string_equal(u ? u : campaign_cursor_get(c, "unit_group"), owner);
		}
	campaign_cursor_free(c);
	assert_true(found);
}

static void test_seed_campaign_and_phases(void **state)
{
	campaign_db *db = draft_store(DOC("leshan-2010.txt"), NULL, NULL);
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_campaigns_query(&c, db), CAMPAIGN_OK);
	expect_row(c, "id", "leshan-ltyg-2010", "basis", "川国土资党委〔2010〕5号",
	           "basis_title", "关于全省国土资源系统开展“两整治一改革”专项行动的通知",
	           "period_text", "2010年10月开始,至2011年12月", NULL);
	campaign_cursor_free(c);
	assert_int_equal(campaign_phases_query(&c, db, NULL), CAMPAIGN_OK);
	expect_row(c, "id", "p1", "name", "动员部署", "focus", "宣传动员、成立领导机构、制定工作方案", NULL);
	expect_row(c, "id", "p2", "name", "自查自纠", "period_text", "2010年10月至2010年底", NULL);
	expect_row(c, "id", "p3", "name", "建章立制", "period_text", "2011年1月至2011年6月底", "focus", "纠正问题、完善制度", NULL);
	expect_row(c, "id", "p4", "name", "巩固成果", "period_text", "2011年7月至2011年12月", NULL);
	campaign_cursor_free(c);
	milestone_is(db, "p1", "p1.m1", "市局完成动员部署", "city");
	milestone_is(db, "p1", "p1.m2", "各县(市、区)国土资源局(分局)完成动员部署", "counties");
	assert_int_equal(campaign_body_members_query(&c, db, NULL, "body2"), CAMPAIGN_OK);
	expect_row(c, "name", "张雷", "role", "主任", "concurrent", "1", NULL);
	campaign_cursor_free(c);
	campaign_close(db);
}

/* The county plan: the same draft from UTF-8 and from GB18030. */
static void test_county_plan_both_encodings(void **state)
{
	campaign_buf *a, *b;
	campaign_document_options gb = CAMPAIGN_DOCUMENT_OPTIONS_INIT;
	campaign_db *db = draft_store(DOC("county-2012.txt"), NULL, NULL);
	campaign_cursor *c;
	(void)state;
	gb.encoding = "gb18030";
	assert_int_equal(campaign_plan_from_document_yaml(&a, DOC("county-2012.txt"), NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_from_document_yaml(&b, DOC("county-2012.gb18030.txt"), &gb), CAMPAIGN_OK);
	assert_string_equal(campaign_buf_data(b), campaign_buf_data(a));
	campaign_buf_free(b);
	assert_int_equal(campaign_plan_from_document_yaml(&b, DOC("county-2012.gb18030.txt"), NULL), CAMPAIGN_OK);
	assert_string_equal(campaign_buf_data(b), campaign_buf_data(a)); /* auto: not UTF-8, so GB18030 */
	campaign_buf_free(a), campaign_buf_free(b);
	/* 主要措施:(1)…(2)…(3)… is three measures; 牵头单位:X;配合单位:Y after them applies to all three */
	assert_int_equal(campaign_measures_query(&c, db, NULL, "t1"), CAMPAIGN_OK);
	expect_row(c, "id", "t1.m1", "label", "(1)", "text", "清理2011年以来的土地审批案卷。", NULL);
	expect_row(c, "id", "t1.m2", "label", "(2)", "text", "建立审批台账,实行“一案一档”。", NULL);
	expect_row(c, "id", "t1.m3", "label", "(3)", "text", "公开审批结果。", NULL);
	campaign_cursor_free(c);
	assert_string_equal(resp_of(db, "t1.m3"), "lead u01 -|support u02 -|support bangongshi -|");
	assert_string_equal(resp_of(db, "t2.m1"), "lead u03 -|support jiancha -|support u04 -|");
	assert_int_equal(campaign_outcomes_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	expect_row(c, "id", "t1.o1", "deadline_text", "2012年6月底前完成", "last", "2012-06-30", NULL);
	expect_row(c, "id", "t2.o1", "label", "①", "last", "2012-09-30", NULL);
	expect_row(c, "id", "t2.o2", "first", "2012-10-01", "last", "2012-12-31", NULL);
	campaign_cursor_free(c);
	milestone_is(db, "p3", "p3.m1", "办公室于12月中旬前上报总结报告", "bangongshi");
	campaign_close(db);
}

/* Full-width punctuation and the other notations: (责任单位:A、B) with no roles (all lead),
 * [牵头单位:X;责任单位:Y] (责任单位 after 牵头 supports), 由X牵头,Y配合; 人力资源和社会保障局 is one name;
 * phases written "DATE为NAME阶段" and "2、NAME(DATE)". */
static void test_fullwidth_notations(void **state)
{
	campaign_db *db = draft_store(DOC("city-fullwidth.txt"), NULL, NULL);
	campaign_cursor *c;
	(void)state;
	assert_int_equal(campaign_campaigns_query(&c, db), CAMPAIGN_OK);
	expect_row(c, "issuer", "某市人力资源和社会保障局", "period_text", "2011年3月开始，至2011年12月结束", NULL);
	campaign_cursor_free(c);
	assert_string_equal(resp_of(db, "t1.1.m1"), "lead bangongshi -|lead renshi -|");
	assert_string_equal(resp_of(db, "t1.1.m2"), "lead jiancha -|support bangongshi -|support fagui -|");
	assert_string_equal(resp_of(db, "t1.1.m3"), "lead renshi -|support bangongshi -|support xinxi -|");
	assert_int_equal(campaign_measures_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	expect_row(c, "label", "（1）", "text", "组织各科室排查岗位职责风险。", NULL);
	expect_row(c, "text", "汇总风险清单，报局党组审定。", NULL);
	campaign_cursor_free(c);
	assert_int_equal(campaign_phases_query(&c, db, NULL), CAMPAIGN_OK);
	expect_row(c, "name", "动员部署", "period_text", "2011年3月至2011年4月", NULL);
	expect_row(c, "name", "集中整治", "first", "2011-05-01", "last", "2011-09-30", NULL);
	expect_row(c, "name", "总结提高", "period_text", "2011年10月至2011年12月", NULL);
	campaign_cursor_free(c);
	campaign_close(db);
}

/* A document of work steps only: phases and milestones, no task or measure. */
static void test_steps_only(void **state)
{
	campaign_db *db = draft_store(DOC("steps-only.txt"), NULL, NULL);
	campaign_cursor *c;
	(void)state;
	assert_int_equal(ROWS(campaign_measures_query(&c, db, NULL, NULL)), 0);
	assert_int_equal(ROWS(campaign_tasks_query(&c, db, NULL, NULL)), 0);
	assert_int_equal(ROWS(campaign_phases_query(&c, db, NULL)), 2);
	milestone_is(db, "p2", "p2.m1", "办公室于6月底前上报总结报告", "bangongshi");
	campaign_close(db);
}

/* Quotes, backslashes, colons and # in the document's words come back byte for byte. */
static void test_quotes_round_trip(void **state)
{
	static const char text[] =
		"某局\"两查\": #1 \\专项\\ 方案\n一、任务分解\n1. 规范“审批”: #行为\n具体措施:\n(1)公开\"结果\": a #b\n"
		"责任单位:办公室\n二、工作步骤\n2012年3月开始,至2012年12月。\n";
	char path[256];
	FILE *f;
	campaign_db *db;
	campaign_cursor *c;
	(void)state;
	tmp_store_path(path, sizeof path, "quotes.txt");
	assert_non_null(f = fopen(path, "wb"));
	fputs(text, f);
	fclose(f);
	db = draft_store(path, NULL, NULL);
	assert_int_equal(campaign_campaigns_query(&c, db), CAMPAIGN_OK);
	expect_row(c, "title", "某局\"两查\": #1 \\专项\\ 方案", "issuer", "某局", NULL);
	campaign_cursor_free(c);
	assert_int_equal(campaign_tasks_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	expect_row(c, "id", "t1", "title", "规范“审批”: #行为", NULL);
	campaign_cursor_free(c);
	assert_int_equal(campaign_measures_query(&c, db, NULL, NULL), CAMPAIGN_OK);
	expect_row(c, "id", "t1.m1", "text", "公开\"结果\": a #b", NULL);
	campaign_cursor_free(c);
	assert_string_equal(resp_of(db, "t1.m1"), "lead bangongshi -|");
	campaign_close(db);
	remove(path);
}

static void test_errors(void **state)
{
	campaign_buf *y = NULL;
	campaign_document_options o = CAMPAIGN_DOCUMENT_OPTIONS_INIT;
	(void)state;
	o.encoding = "latin1";
	expect_error(campaign_plan_from_document_yaml(&y, DOC("county-2012.txt"), &o), CAMPAIGN_EINVALID,
	             "unknown encoding \"latin1\" (auto, utf-8 or gb18030)");
	o.encoding = "utf-8";
	expect_error(campaign_plan_from_document_yaml(&y, DOC("county-2012.gb18030.txt"), &o), CAMPAIGN_EINVALID, NULL);
	assert_non_null(strstr(campaign_error_message(), "the document is not UTF-8: bad byte at offset"));
	expect_error(campaign_plan_from_document_yaml(&y, DOC("absent.txt"), NULL), CAMPAIGN_EIO, NULL);
	expect_error(campaign_plan_from_document_yaml(&y, SEED_PLAN, NULL), CAMPAIGN_EINVALID, NULL);
	assert_non_null(strstr(campaign_error_message(), "no task, measure or phase found in the document"));
	expect_error(campaign_plan_from_document(NULL, NULL, DOC("county-2012.txt"), NULL), CAMPAIGN_EINVALID, NULL);
	assert_null(y);
	expect_error(campaign_document_options_init(&o, 99), CAMPAIGN_EINVALID, NULL);
}

TEST_MAIN("document", cmocka_unit_test(test_seed_counts), cmocka_unit_test(test_seed_measures_equal_hand_encoding),
          cmocka_unit_test(test_seed_tasks_outcomes_equal_hand_encoding), cmocka_unit_test(test_seed_campaign_and_phases),
          cmocka_unit_test(test_county_plan_both_encodings), cmocka_unit_test(test_fullwidth_notations), cmocka_unit_test(test_steps_only), cmocka_unit_test(test_quotes_round_trip),
          cmocka_unit_test(test_errors))
