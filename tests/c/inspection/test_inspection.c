/* Self-inspection on the seed plan: catalogues and their versions, a round
 * for every county bureau and the bureaus that did not report, findings and
 * their leniency, concealment, bulk import that writes all or nothing, and
 * the indexes behind the hot queries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "insp_test.h"

/* The seed plan with both catalogues and a round for every county bureau
 * (window 2010-10-15..2010-12-20, report by 12月中旬) and one for 监察室. */
static campaign_db *open_inspection(void)
{
	campaign_db *db = open_seed();
	assert_int_equal(campaign_catalogue_import_file(db, NULL, CATALOGUE("ten-categories.yaml"), "office"), 1);
	assert_int_equal(campaign_catalogue_import_file(db, NULL, CATALOGUE("five-behaviours.yaml"), "office"), 1);
	ok(campaign_inspection_round_add(db, NULL, ROUND("self-2010", NULL, "counties", "2010-10-15", "2010-12-20",
	                                                 "12月中旬"), "office"));
	ok(campaign_inspection_round_add(db, NULL, ROUND("self-2010-jiancha", "jiancha", NULL, "2010-10-15",
	                                                 "2010-12-20", "2010-12-20"), "office"));
	return db;
}

/* Column @col of the only row of @c (copied), freeing the cursor. */
static char *only(campaign_cursor *c, const char *col)
{
	char *v;
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	v = strdup(campaign_cursor_get(c, col) ? campaign_cursor_get(c, col) : "(null)");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	return v;
}

static char *finding_field(campaign_db *db, const char *id, const char *col)
{
	campaign_cursor *c;
	ok(campaign_findings_query(&c, db, NULL, NULL, id));
	return only(c, col);
}

static void assert_field(campaign_db *db, const char *id, const char *col, const char *want)
{
	char *v = finding_field(db, id, col);
	assert_string_equal(v, want);
	free(v);
}

/* assert_field for each finding, column, value triple of @t, up to a NULL finding. */
static void expect_fields(campaign_db *db, const char *const *t)
{
	for (size_t i = 0; t[i]; i += 3)
		assert_field(db, t[i], t[i + 1], t[i + 2]);
}

static void test_catalogues_and_versions(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int n = 0, before;
	char *changed;
	FILE *f;
	ok(campaign_violation_categories_query(&c, db, NULL, "ten-categories", 0));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (n == 3) {
			assert_string_equal(campaign_cursor_get(c, "ref"), "ten-categories@1/c4");
			assert_string_equal(campaign_cursor_get(c, "label"), "四");
			assert_string_equal(campaign_cursor_get(c, "text"),
			                    "在土地调查、土地确权登记发证和勘查、采矿许可证发放中违规操作、弄虚作假等行为");
		}
		n++;
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 10);
	ok(campaign_violation_categories_query(&c, db, NULL, "five-behaviours", 0));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "consequence"), "suspension_or_removal");
	campaign_cursor_free(c);
	/* the same file again changes nothing */
	before = audit_entries(db);
	assert_int_equal(campaign_catalogue_import_file(db, NULL, CATALOGUE("ten-categories.yaml"), "office"), 1);
	ok(campaign_catalogues_query(&c, db, NULL));
	assert_int_equal(count_rows(c), 2);
	/* a finding keeps the version it was recorded in */
	ok(campaign_finding_add(NULL, db, NULL, FINDING("F-1", "emeishan", "ten-categories/c1", "self_reported", NULL,
	                                                "低价出让", NULL, "2010-11-01", NULL), "clerk"));
	/* a changed catalogue is a new version */
	f = fopen(CATALOGUE("ten-categories.yaml"), "rb");
	assert_non_null(f);
	changed = calloc(1, 65536);
	assert_true(fread(changed, 1, 65535, f) > 0);
	fclose(f);
	strcat(changed, "  - id: c11\n    text: \"其他违反党风廉政规定的行为\"\n");
	assert_int_equal(campaign_catalogue_import_string(db, NULL, changed, "ten.yaml", "office"), 2);
	assert_int_equal(campaign_catalogue_import_string(db, NULL, changed, "ten.yaml", "office"), 2);
	free(changed);
	ok(campaign_violation_categories_query(&c, db, NULL, "ten-categories", 0));
	assert_int_equal(count_rows(c), 11);
	ok(campaign_violation_categories_query(&c, db, NULL, "ten-categories", 1));
	assert_int_equal(count_rows(c), 10);
	ok(campaign_finding_add(NULL, db, NULL, FINDING("F-2", "emeishan", "ten-categories/c11", "self_reported", NULL,
	                                                "其他", NULL, "2010-11-02", NULL), "clerk"));
	assert_field(db, "F-1", "version", "1");
	assert_field(db, "F-2", "version", "2");
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F-3", "emeishan", "ten-categories@1/c11",
	                                                              "self_reported", NULL, "其他", NULL, "2010-11-02",
	                                                              NULL), "clerk"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "no category \"ten-categories@1/c11\"");
	/* a bad catalogue is refused with its position and writes nothing */
	before = audit_entries(db);
	assert_int_equal(campaign_catalogue_import_file(db, NULL, INSP("catalogue-bad.yaml"), "office"), CAMPAIGN_EINVALID);
	assert_non_null(strstr(campaign_error_message(), "catalogue-bad.yaml:8:5: duplicate category id \"c1\""));
	assert_int_equal(campaign_error_line(), 8);
	assert_int_equal(audit_entries(db), before);
}

static void test_group_round_and_missing_reports(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int n = 0, before;
	/* a group round is one round per county bureau, deadline 12月中旬 → 2010-12-20 */
	ok(campaign_inspection_rounds_query(&c, db, NULL, "self-2010", NULL, "2010-12-01"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (n == 0) {
			EXPECT_COLUMNS(c, "id", "self-2010/shizhong", "unit_name", "市中区分局", "unit_group", "counties",
			               "deadline", "2010-12-20", "deadline_text", "12月中旬", "status", "open");
		}
		n++;
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 11);
	ok(campaign_inspection_round_submit(db, NULL, ROUND_SUBMIT("self-2010/emeishan", "2010-12-15", "峨国土资〔2010〕88号",
	                                                           NULL), "clerk"));
	ok(campaign_inspection_round_submit(db, NULL, ROUND_SUBMIT("self-2010/mabian", "2010-12-25", NULL, "补报"),
	                                    "clerk"));
	/* a second report, a report before the window: refused, nothing written */
	before = audit_entries(db);
	assert_int_equal(campaign_inspection_round_submit(db, NULL, ROUND_SUBMIT("self-2010/emeishan", "2010-12-16",
	                                                                         NULL, NULL), "clerk"),
	                 CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(),
	                    "round \"self-2010/emeishan\" was reported on 2010-12-15 as 峨国土资〔2010〕88号");
	assert_int_equal(campaign_inspection_round_submit(db, NULL, ROUND_SUBMIT("self-2010/shawan", "2010-10-01", NULL,
	                                                                         NULL), "clerk"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_inspection_round_add(db, NULL, ROUND("self-2010", NULL, "counties", "2010-10-15",
	                                                               "2010-12-20", "2010-12-20"), "office"),
	                 CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(), "round \"self-2010/shizhong\" exists already");
	assert_int_equal(campaign_inspection_round_add(db, NULL, ROUND("r", "jiancha", "counties", "2010-10-15",
	                                                               "2010-12-20", "2010-12-20"), "office"),
	                 CAMPAIGN_EINVALID);
	assert_int_equal(campaign_inspection_round_add(db, NULL, ROUND("r", "jiancha", NULL, "2010-10-15", "2010-12-20",
	                                                               "2010-10-01"), "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the deadline 2010-10-01 is before the window begins (2010-10-15)");
	assert_int_equal(audit_entries(db), before);
	/* on the deadline nobody is missing yet */
	ok(campaign_inspection_missing_query(&c, db, NULL, NULL, "2010-12-20"));
	assert_int_equal(count_rows(c), 0);
	/* the day after, the ten bureaus and 监察室 without a report, in unit order */
	ok(campaign_inspection_missing_query(&c, db, NULL, "self-2010", "2010-12-21"));
	{
		static const char *const want[] = {"shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei",
		                                   "jingyan", "jiajiang", "muchuan",   "ebian",    "mabian"};
		n = 0;
		while (campaign_cursor_next(c) == CAMPAIGN_OK) {
			EXPECT_COLUMNS(c, "unit", want[n], "status", "missing", "days_late", "1");
			n++;
		}
		campaign_cursor_free(c);
		assert_int_equal(n, 10);
	}
	/* at the year's end 马边 reported late; the other nine are still missing */
	ok(campaign_inspection_missing_query(&c, db, NULL, NULL, "2010-12-31"));
	n = 0;
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *unit = campaign_cursor_get(c, "unit");
		if (n < 10) {
			assert_string_not_equal(unit, "mabian");
			assert_string_equal(campaign_cursor_get(c, "status"), "missing");
			assert_string_equal(campaign_cursor_get(c, "days_late"), "11");
		} else {
			assert_string_equal(unit, "mabian");
			EXPECT_COLUMNS(c, "status", "late", "submitted_on", "2010-12-25", "days_late", "5");
		}
		n++;
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 11); /* nine bureaus and 监察室 missing, 马边 late */
	ok(campaign_inspection_rounds_query(&c, db, NULL, NULL, "emeishan", "2010-12-31"));
	EXPECT_ROW(c, "status", "submitted", "document", "峨国土资〔2010〕88号");
	campaign_cursor_free(c);
}

static void record(campaign_db *db, const char *id, const char *unit, const char *origin, const char *date)
{
	ok(campaign_finding_add(NULL, db, NULL, FINDING(id, unit, "ten-categories/c1", origin, NULL, "低价出让", NULL, date,
	                                                NULL), "office"));
}

static void test_leniency(void **state)
{
	campaign_db *db = *state;
	campaign_buf *id = NULL;
	int before;
	record(db, "in-window", "jiancha", "self_reported", "2010-11-10");
	record(db, "on-last-day", "emeishan", "self_reported", "2010-12-20");
	record(db, "after-window", "jiancha", "self_reported", "2011-01-05");
	record(db, "tour", "emeishan", "inspection_tour", "2010-11-20");
	record(db, "investigated", "mabian", "investigated", "2010-11-20");
	record(db, "citizen", "mabian", "citizen_report", "2010-11-20");
	record(db, "audit", "mabian", "audit", "2010-11-20");
	record(db, "no-round", "liyong", "self_reported", "2010-11-20");
	expect_fields(db, (const char *const[]){
		"in-window", "leniency", "lenient",
		"in-window", "leniency_label", "从宽",
		"in-window", "round", "self-2010-jiancha",
		"in-window", "reason", "在自查自纠时限(2010-10-15至2010-12-20)内自查发现,主动纠正,自纠从宽",
		"on-last-day", "leniency", "lenient",
		"on-last-day", "round", "self-2010/emeishan",
		"after-window", "leniency", "strict",
		"after-window", "reason", "自查发现于2011-01-05,已过自查自纠时限(2010-10-15至2010-12-20),从严处理",
		"tour", "leniency", "strict",
		"tour", "reason", "由巡视发现,不是本单位自查发现,被查从严",
		"tour", "origin_label", "巡视发现",
		"investigated", "reason", "由查办案件发现,不是本单位自查发现,被查从严",
		"citizen", "reason", "由群众举报发现,不是本单位自查发现,被查从严",
		"audit", "reason", "由审计发现,不是本单位自查发现,被查从严",
		"no-round", "leniency", "strict",
		"no-round", "reason", "本单位自查发现,但没有自查自纠时限可依,不能认定在规定时限内主动纠正,从严处理",
		"in-window", "accountability", "0",
		NULL});
	/* concealment makes a lenient finding strict and flags it */
	ok(campaign_finding_flag(db, NULL, FINDING_FLAG("in-window", "concealment", "2010-12-05", "隐瞒了第二宗地"),
	                         "office"));
	assert_field(db, "in-window", "leniency", "strict");
	assert_field(db, "in-window", "reason", "存在掩盖问题行为,从严处理,并实施严格的责任追究");
	assert_field(db, "in-window", "accountability", "1");
	assert_field(db, "in-window", "concealed", "1");
	before = audit_entries(db);
	assert_int_equal(campaign_finding_flag(db, NULL, FINDING_FLAG("in-window", "concealment", "2010-12-06", NULL),
	                                       "office"), CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(), "concealment is already recorded on finding \"in-window\"");
	assert_int_equal(campaign_finding_flag(db, NULL, FINDING_FLAG("in-window", "hiding", "2010-12-06", NULL),
	                                       "office"), CAMPAIGN_EINVALID);
	assert_int_equal(audit_entries(db), before);
	ok(campaign_finding_flag(db, NULL, FINDING_FLAG("in-window", "falsification", "2010-12-06", "伪造验收材料"),
	                         "office"));
	assert_field(db, "in-window", "reason", "存在掩盖问题、弄虚作假行为,从严处理,并实施严格的责任追究");
	assert_field(db, "in-window", "flag_note", "隐瞒了第二宗地;伪造验收材料");
	/* money in fen, from yuan text; a new id comes back */
	ok(campaign_finding_add(&id, db, NULL, FINDING(NULL, "emeishan", "five-behaviours/b5", "investigated", "张某",
	                                               "挪用项目资金", "12,345.6", "2010-11-30", NULL), "office"));
	assert_int_equal(strlen(campaign_buf_data(id)), 36);
	assert_field(db, campaign_buf_data(id), "amount_fen", "1234560");
	assert_field(db, campaign_buf_data(id), "amount", "12345.60");
	assert_field(db, campaign_buf_data(id), "category_text", "在项目实施和资金使用中违规操作、弄虚作假");
	campaign_buf_free(id);
}

static void test_bad_findings_write_nothing(void **state)
{
	campaign_db *db = *state;
	campaign_buf *id = NULL;
	int before;
	record(db, "F-1", "jiancha", "self_reported", "2010-11-10");
	before = audit_entries(db);
#define REFUSED(code, msg, ...)                                                                                 \
	do {                                                                                                       \
		assert_int_equal(campaign_finding_add(&id, db, NULL,                                                   \
		                                      &(campaign_finding_add_options){                                 \
		                                          CAMPAIGN_FINDING_ADD_OPTIONS_VERSION, __VA_ARGS__},          \
		                                      "office"),                                                       \
		                 code);                                                                                \
		assert_string_equal(campaign_error_message(), msg);                                                    \
		assert_null(id);                                                                                       \
	} while (0)
	REFUSED(CAMPAIGN_ECONFLICT, "finding \"F-1\" exists already", "F-1", "jiancha", NULL, "self_reported", NULL, "x",
	        NULL, "2010-11-10", NULL);
	REFUSED(CAMPAIGN_ENOTFOUND, "unknown unit \"nowhere\"", NULL, "nowhere", NULL, "self_reported", NULL, "x", NULL,
	        "2010-11-10", NULL);
	REFUSED(CAMPAIGN_EINVALID,
	        "origin \"rumour\" is not one of self_reported, investigated, inspection_tour, citizen_report, audit", NULL,
	        "jiancha", NULL, "rumour", NULL, "x", NULL, "2010-11-10", NULL);
	REFUSED(CAMPAIGN_EINVALID, "amount \"1.234\" is not an amount in yuan (e.g. 12345.67)", NULL, "jiancha", NULL,
	        "audit", NULL, "x", "1.234", "2010-11-10", NULL);
	REFUSED(CAMPAIGN_EINVALID, "amount \"-5\" is not an amount in yuan (e.g. 12345.67)", NULL, "jiancha", NULL,
	        "audit", NULL, "x", "-5", "2010-11-10", NULL);
	REFUSED(CAMPAIGN_EINVALID, "found_on \"2010-02-30\" is not a date (YYYY-MM-DD)", NULL, "jiancha", NULL, "audit",
	        NULL, "x", NULL, "2010-02-30", NULL);
	REFUSED(CAMPAIGN_EINVALID, "description is required", NULL, "jiancha", NULL, "audit", NULL, "", NULL,
	        "2010-11-10", NULL);
	REFUSED(CAMPAIGN_ENOTFOUND, "round \"self-2010/emeishan\" is not a round of unit jiancha", NULL, "jiancha", NULL,
	        "audit", NULL, "x", NULL, "2010-11-10", "self-2010/emeishan");
	REFUSED(CAMPAIGN_EINVALID, "category \"c1\" is not \"catalogue/category\"", NULL, "jiancha", "c1", "audit", NULL,
	        "x", NULL, "2010-11-10", NULL);
#undef REFUSED
	assert_int_equal(audit_entries(db), before);
}

static int findings_count(campaign_db *db)
{
	campaign_cursor *c;
	ok(campaign_findings_query(&c, db, NULL, NULL, NULL));
	return count_rows(c);
}

static void test_findings_import(void **state)
{
	campaign_db *db = *state;
	int before;
	ok(campaign_findings_import_file(db, NULL, INSP("findings.csv"), NULL, "office"));
	assert_int_equal(findings_count(db), 3);
	assert_field(db, "F-101", "amount", "1200000.00");
	assert_field(db, "F-101", "leniency", "lenient");
	assert_field(db, "F-102", "description", "设\"小金库\",滥支乱花");
	assert_field(db, "F-102", "amount_fen", "3500050");
	assert_field(db, "F-103", "people", "张某、王某");
	ok(campaign_findings_import_file(db, NULL, INSP("findings.yaml"), NULL, "office"));
	assert_int_equal(findings_count(db), 5);
	/* counted by category (catalogue, then document order), unit and origin */
	{
		campaign_cursor *c;
		long long total = 0;
		ok(campaign_findings_summary_query(&c, db, NULL));
		EXPECT_ROW(c, "catalogue", "five-behaviours", "category", "b5", "unit", "jiancha", "origin", "investigated",
		           "origin_label", "查办发现", "findings", "1");
		EXPECT_ROW(c, "category", "c3", "unit", "shawan", "origin_label", "巡视发现", "findings", "1");
		EXPECT_ROW(c, "category", "c6", "unit", "qianwei", "origin", "audit", "origin_label", "审计发现");
		EXPECT_ROW(c, "catalogue", "ten-categories", "category", "c9", "unit", "emeishan", "origin", "self_reported",
		           "origin_label", "自查发现", "findings", "1");
		EXPECT_ROW(c, "category", "c10", "unit", "mabian", "findings", "1");
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
		campaign_cursor_free(c);
		ok(campaign_findings_summary_query(&c, db, NULL));
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			total += campaign_cursor_int(c, campaign_cursor_column_index(c, "findings"));
		campaign_cursor_free(c);
		assert_int_equal(total, 5);
	}
	/* one bad row: nothing of the file is written, the row is named */
	before = audit_entries(db);
	assert_int_equal(campaign_findings_import_file(db, NULL, INSP("findings-bad.csv"), NULL, "office"), CAMPAIGN_EINVALID);
	assert_non_null(strstr(campaign_error_message(), "findings-bad.csv:3:7: row 2: unknown unit \"nowhere\""));
	assert_int_equal(campaign_findings_import_file(db, NULL, INSP("findings-bad.yaml"), NULL, "office"), CAMPAIGN_EINVALID);
	assert_non_null(strstr(campaign_error_message(),
	                       "findings-bad.yaml:8:11: row 2: amount \"8万\" is not an amount in yuan (e.g. 12345.67)"));
	assert_int_equal(campaign_findings_import_file(db, NULL, INSP("findings.csv"), NULL, "office"), CAMPAIGN_EINVALID);
	assert_non_null(strstr(campaign_error_message(), "findings.csv:2:1: row 1: finding \"F-101\" exists already"));
	assert_int_equal(audit_entries(db), before);
	assert_int_equal(findings_count(db), 5);
}

static void test_unit_clerk_records_only_its_own(void **state)
{
	campaign_db *db = *state;
	int before;
	ok(campaign_role_grant(db, "office", "supervision_office", NULL, NULL, "admin"));
	ok(campaign_role_grant(db, "峨眉clerk", "unit_clerk", NULL, "emeishan", "office"));
	ok(campaign_finding_add(NULL, db, NULL, FINDING("E-1", "emeishan", NULL, "self_reported", NULL, "自查问题", NULL,
	                                                "2010-11-01", NULL), "峨眉clerk"));
	ok(campaign_inspection_round_submit(db, NULL, ROUND_SUBMIT("self-2010/emeishan", "2010-12-10", NULL, NULL),
	                                    "峨眉clerk"));
	before = audit_entries(db);
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("M-1", "mabian", NULL, "self_reported", NULL, "x",
	                                                              NULL, "2010-11-01", NULL), "峨眉clerk"),
	                 CAMPAIGN_EPERM);
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("E-2", "emeishan", NULL, "inspection_tour", NULL,
	                                                              "x", NULL, "2010-11-01", NULL), "峨眉clerk"),
	                 CAMPAIGN_EPERM);
	assert_int_equal(campaign_inspection_round_submit(db, NULL, ROUND_SUBMIT("self-2010/mabian", "2010-12-10", NULL,
	                                                                         NULL), "峨眉clerk"), CAMPAIGN_EPERM);
	/* each refusal leaves one entry, the refusal */
	assert_int_equal(audit_entries(db), before + 3);
	assert_int_equal(findings_count(db), 1);
}

/* Every options struct: NULL or another version is refused and writes
 * nothing; _init and _INIT give the version and NULL fields. */
static void test_options_structs(void **state)
{
	campaign_db *db = *state;
	campaign_finding_add_options f = CAMPAIGN_FINDING_ADD_OPTIONS_INIT, g;
	campaign_buf *id = NULL;
	int before = audit_entries(db);
	assert_int_equal(campaign_finding_add(&id, db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "campaign_finding_add_options is NULL (initialise it with its _INIT or _init())");
	f.version = 99;
	assert_int_equal(campaign_finding_add(&id, db, NULL, &f, "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_finding_add_options: unknown version 99 (this library knows 1)");
	assert_null(id);
	assert_int_equal(campaign_finding_add_options_init(&g, 2), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_finding_add_options_init(NULL, CAMPAIGN_FINDING_ADD_OPTIONS_VERSION), CAMPAIGN_EINVALID);
	ok(campaign_finding_add_options_init(&g, CAMPAIGN_FINDING_ADD_OPTIONS_VERSION));
	assert_int_equal(g.version, CAMPAIGN_FINDING_ADD_OPTIONS_VERSION);
	assert_null(g.id);
	assert_null(g.round);
	assert_int_equal(campaign_inspection_round_add(db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_inspection_round_submit(db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_finding_flag(db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_tour_finding_add(&id, db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_rectification_add(&id, db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_rectification_update(db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_rectification_verify(db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_case_lead_add(&id, db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_case_lead_refer(db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_case_lead_resolve(db, NULL, NULL, "office"), CAMPAIGN_EINVALID);
	assert_null(id);
	{
		campaign_inspection_round_add_options r;
		campaign_inspection_round_submit_options rs;
		campaign_finding_flag_options ff;
		campaign_tour_finding_add_options tf;
		campaign_rectification_add_options ra;
		campaign_rectification_update_options ru;
		campaign_rectification_verify_options rv;
		campaign_case_lead_add_options la;
		campaign_case_lead_refer_options lr;
		campaign_case_lead_resolve_options ls;
		ok(campaign_inspection_round_add_options_init(&r, CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION));
		ok(campaign_inspection_round_submit_options_init(&rs, CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_VERSION));
		ok(campaign_finding_flag_options_init(&ff, CAMPAIGN_FINDING_FLAG_OPTIONS_VERSION));
		ok(campaign_tour_finding_add_options_init(&tf, CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_VERSION));
		ok(campaign_rectification_add_options_init(&ra, CAMPAIGN_RECTIFICATION_ADD_OPTIONS_VERSION));
		ok(campaign_rectification_update_options_init(&ru, CAMPAIGN_RECTIFICATION_UPDATE_OPTIONS_VERSION));
		ok(campaign_rectification_verify_options_init(&rv, CAMPAIGN_RECTIFICATION_VERIFY_OPTIONS_VERSION));
		ok(campaign_case_lead_add_options_init(&la, CAMPAIGN_CASE_LEAD_ADD_OPTIONS_VERSION));
		ok(campaign_case_lead_refer_options_init(&lr, CAMPAIGN_CASE_LEAD_REFER_OPTIONS_VERSION));
		ok(campaign_case_lead_resolve_options_init(&ls, CAMPAIGN_CASE_LEAD_RESOLVE_OPTIONS_VERSION));
		assert_int_equal(campaign_case_lead_resolve_options_init(&ls, 0), CAMPAIGN_EINVALID);
		assert_int_equal(audit_entries(db), before); /* the refusals wrote nothing */
		/* a field filled after _init is what the call reads */
		r.round = "self-2011-jiancha", r.unit = "jiancha", r.window_first = "2011-10-15";
		r.window_last = "2011-12-20", r.deadline = "2011-12-20";
		ok(campaign_inspection_round_add(db, NULL, &r, "office"));
	}
	assert_true(audit_entries(db) > before);
}

/* The hot queries use indexes: no full scan of a base table, no sort. */
static const char *const inspection_queries_sql[] = {
	"SELECT * FROM inspection_round WHERE campaign = 1 AND series = 'x' ORDER BY rid",
	"SELECT * FROM inspection_round WHERE unit = 1 ORDER BY window_first",
	"SELECT * FROM inspection_round WHERE campaign = 1 AND deadline < '2010-12-21'",
	"SELECT * FROM inspection_submission WHERE round = 1",
	"SELECT * FROM finding WHERE campaign = 1 ORDER BY found_on, id",
	"SELECT * FROM finding WHERE unit = 1 ORDER BY found_on",
	"SELECT count(*) FROM finding WHERE round = 1",
	"SELECT * FROM finding WHERE campaign = 1 AND (concealed = 1 OR falsified = 1)",
	"SELECT * FROM finding_leniency WHERE finding = 'x'",
	"SELECT * FROM rectification WHERE finding = 'x' ORDER BY deadline",
	"SELECT * FROM rectification WHERE unit = 1 ORDER BY deadline",
	"SELECT * FROM rectification WHERE campaign = 1 AND deadline < '2011-01-01'",
	"SELECT status FROM rectification_update WHERE rectification = 'x' AND updated_on <= '2011-01-01' "
	"ORDER BY updated_on DESC, id DESC LIMIT 1",
	"SELECT * FROM case_lead WHERE campaign = 1 ORDER BY received_on, id",
	"SELECT * FROM case_lead WHERE finding = 'x'",
	"SELECT * FROM case_lead_confidential WHERE lead = 'x'",
	"SELECT g.* FROM violation_catalogue c JOIN violation_category g ON g.catalogue = c.rid "
	"WHERE c.campaign = 1 AND c.id = 'x' ORDER BY c.version, g.ord",
};
static const char *const inspection_queries_tables[] = {"inspection_round", "inspection_submission", "finding", "rectification",
                                                        "rectification_update", "case_lead", "case_lead_confidential",
                                                        "violation_catalogue", "violation_category", NULL};
static const hot_queries inspection_queries = HOT_QUERIES(inspection_queries_sql, inspection_queries_tables, 0);

TEST_MAIN("inspection",
          STORE_TEST(test_catalogues_and_versions, open_inspection),
          STORE_TEST(test_group_round_and_missing_reports, open_inspection),
          STORE_TEST(test_leniency, open_inspection),
          STORE_TEST(test_bad_findings_write_nothing, open_inspection),
          STORE_TEST(test_findings_import, open_inspection),
          STORE_TEST(test_unit_clerk_records_only_its_own, open_inspection),
          STORE_TEST(test_options_structs, open_inspection),
          cmocka_unit_test_prestate(test_hot_queries_indexed, (void *)&inspection_queries))
