/* Units as the user writes them (issue 14, item 7): every kind of door takes
 * a unit's id, name or alias as the plan writes them -- a write, a filter, a
 * CSV column -- and a group where a set of units makes sense; an ambiguous
 * name lists the candidates, an unknown one suggests the near one; NFC and
 * either width of parentheses match alike. On the seed plan and a small one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"

#define ok(x) assert_int_equal((x), CAMPAIGN_OK)

/* The eleven county bureaus of the group counties, in plan order. */
#define COUNTIES "shizhong,shawan,wutongqiao,jinkouhe,qianwei,jingyan,jiajiang,muchuan,ebian,mabian,emeishan"

/* Two units named alike, a name in full-width parentheses, one with an accent;
 * the plan's own references by name (纪检组, 执法支队(一) in half-width parentheses). */
static const char MINI[] = "format: 1\n"
                           "campaign: {id: mini, title: 测试方案, period: 2010年10月至2011年12月}\n"
                           "units:\n"
                           "  - {id: a, name: 监察室, kind: department}\n"
                           "  - {id: b, name: 纪检组, kind: department, aliases: [监察室]}\n"
                           "  - {id: z1, name: 执法支队(一), kind: affiliate}\n"
                           "  - {id: cafe, name: Café, kind: other}\n"
                           "unit_groups:\n"
                           "  - {id: zhifa, name: 各支队(大队), members: [执法支队(一)]}\n"
                           "tasks:\n"
                           "  - id: t1\n"
                           "    title: 任务\n"
                           "    measures: [{id: t1.m1, text: 措施, lead: [a, 纪检组, z1, cafe]}]\n"
                           "    outcomes: [{id: t1.o1, text: 成果, deadline: 2010年11月底完成}]\n";

static campaign_db *open_mini(void)
{
	campaign_db *db = open_memory();
	ok(campaign_plan_import_string(db, MINI, "mini.yaml", "office", NULL));
	return db;
}

static sqlite3_int64 campaign_rid(campaign_db *db)
{
	sqlite3_int64 crid;
	ok(db_campaign_rid(db, NULL, &crid));
	return crid;
}

/* The unit ids of a cursor's rows, ","-joined (static), freeing it. */
static const char *units_of(campaign_cursor *c)
{
	static char out[2048];
	out[0] = '\0';
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		if (*out)
			strcat(out, ",");
		strcat(out, campaign_cursor_get(c, "unit"));
	}
	campaign_cursor_free(c);
	return out;
}

static int report(campaign_db *db, const char *outcome, const char *unit, const char *date)
{
	campaign_progress_report_add_options r = CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_INIT;
	r.outcome = outcome;
	r.unit = unit;
	r.status = "in_progress";
	r.percent = 50;
	r.date = date;
	return campaign_progress_report_add(NULL, db, NULL, &r, "office");
}

static const char *history(campaign_db *db, const char *unit)
{
	campaign_cursor *c;
	ok(campaign_progress_history_query(&c, db, NULL, NULL, unit));
	return units_of(c);
}

/* Fails unless the store holds what @before (a dump_store()) held; frees @before. */
static void assert_unchanged(campaign_db *db, char *before)
{
	char *after = dump_store(db);
	assert_string_equal(after, before);
	free(after);
	free(before);
}

static int commas(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == ',';
	return n;
}

/* The door itself: id, name and alias are the one unit. */
static void test_door_id_name_alias(void **state)
{
	campaign_db *db = open_seed();
	sqlite3_int64 crid = campaign_rid(db), by_id = 0, by_name = 0, by_alias = 0;
	struct campaign_buf set = {0};
	(void)state;
	ok(unit_resolve(db, crid, "jiancha", &by_id));
	ok(unit_resolve(db, crid, "监察室", &by_name));
	ok(unit_resolve(db, crid, "纪检监察室", &by_alias));
	assert_true(by_id > 0);
	assert_int_equal(by_name, by_id);
	assert_int_equal(by_alias, by_id);
	/* a set: a unit is itself, a group its members */
	ok(units_resolve(db, crid, "监察室", &set));
	assert_int_equal(strtoll(set.data + 1, NULL, 10), by_id);
	buf_reset(&set);
	ok(units_resolve(db, crid, "各地", &set));
	assert_int_equal(set.data[0], '[');
	assert_int_equal(commas(set.data), 10); /* eleven county bureaus */
	buf_reset(&set);
	campaign_close(db);
}

/* A write by name or alias records the unit's id; the filter by name finds them. */
static void test_write_by_name(void **state)
{
	campaign_db *db = open_seed();
	(void)state;
	ok(report(db, "t2.4.o1", "监察室", "2010-10-28"));
	ok(report(db, "t2.4.o1", "纪检监察室", "2010-10-29"));
	ok(report(db, "t2.4.o1", "jiancha", "2010-10-30"));
	ok(report(db, "t2.2.o4", "峨眉山市国土资源局", "2010-12-10"));
	assert_string_equal(history(db, NULL), "emeishan,jiancha,jiancha,jiancha"); /* by outcome, then unit */
	assert_string_equal(history(db, "纪监室"), "jiancha,jiancha,jiancha");
	/* the finding of a unit named as on paper, filtered by its alias */
	{
		campaign_finding_add_options f = CAMPAIGN_FINDING_ADD_OPTIONS_INIT;
		campaign_cursor *c;
		f.unit = "纪检监察室";
		f.origin = "self_reported";
		f.description = "台账不全";
		f.found_on = "2010-11-20";
		ok(campaign_finding_add(NULL, db, NULL, &f, "office"));
		ok(campaign_findings_query(&c, db, NULL, "监察室", NULL));
		assert_string_equal(units_of(c), "jiancha");
	}
	/* its rectification, in the ledger and the list of the unit's group, by the group's name */
	{
		campaign_rectification_add_options r = CAMPAIGN_RECTIFICATION_ADD_OPTIONS_INIT;
		campaign_buf *id;
		campaign_cursor *c;
		ok(campaign_findings_query(&c, db, NULL, "jiancha", NULL));
		assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
		r.finding = campaign_cursor_get(c, "id");
		r.measure = "补齐台账";
		r.deadline = "2010-12-31";
		r.responsible = "李四";
		r.criterion = "台账齐全";
		ok(campaign_rectification_add(&id, db, NULL, &r, "office"));
		campaign_cursor_free(c);
		campaign_buf_free(id);
		ok(campaign_rectification_ledger_query(&c, db, NULL, "各科室", "2011-01-10"));
		assert_string_equal(units_of(c), "jiancha");
		ok(campaign_rectification_ledger_query(&c, db, NULL, "各地", "2011-01-10"));
		assert_string_equal(units_of(c), "");
		ok(campaign_rectifications_query(&c, db, NULL, NULL, "纪监室"));
		assert_string_equal(units_of(c), "jiancha");
	}
	/* a risk point of a unit given by name, in the register of its group; a person likewise */
	{
		campaign_cursor *c;
		ok(campaign_risk_point_add(NULL, db, NULL,
		                           OPTIONS_OF(risk_point_add, CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION, .unit = "交易中心",
		                                      .scope = "business", .scope_name = "土地挂牌出让", .type = "process",
		                                      .name = "违规变更出让条件"),
		                           "office"));
		ok(campaign_risk_points_query(&c, db, NULL, "直属单位"));
		assert_string_equal(units_of(c), "jiaoyi");
		ok(campaign_risk_points_query(&c, db, NULL, "各科室"));
		assert_string_equal(units_of(c), "");
		ok(campaign_person_add(NULL, db, NULL,
		                       OPTIONS_OF(person_add, CAMPAIGN_PERSON_ADD_OPTIONS_VERSION, .id = "p1", .name = "张三",
		                                  .unit = "财务室"),
		                       "office"));
		ok(campaign_people_query(&c, db, NULL, "各科室"));
		assert_string_equal(units_of(c), "caiwu");
		ok(campaign_people_query(&c, db, NULL, "直属单位"));
		assert_string_equal(units_of(c), "");
	}
	campaign_close(db);
}

/* A CSV column takes names; a bad one is the row's error, with the suggestion, and nothing is written. */
static void test_csv_column(void **state)
{
	campaign_db *db = open_seed();
	char *before;
	(void)state;
	ok(campaign_progress_import_string(db, NULL,
	                                   "outcome,unit,status,percent,date\n"
	                                   "t1.2.o1,矿管科,in_progress,50,2010-11-15\n"
	                                   "t2.2.o4,峨眉山市国土资源局,done,100,2010-12-15\n"
	                                   "t2.2.o4,马边彝族自治县国土资源局,in_progress,80,2010-12-10\n",
	                                   "names.csv", NULL, "office"));
	assert_string_equal(history(db, NULL), "kuangguan,mabian,emeishan");
	before = dump_store(db);
	assert_int_equal(campaign_progress_import_string(db, NULL,
	                                                 "outcome,unit,status,percent,date\n"
	                                                 "t2.4.o1,监察室,done,100,2010-10-28\n"
	                                                 "t2.4.o1,监察,done,100,2010-10-28\n",
	                                                 "bad.csv", NULL, "office"),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "bad.csv:3:9: row 2: unknown unit \"监察\" (did you mean 监察室 \"jiancha\"?)");
	assert_unchanged(db, before);
	campaign_close(db);
}

/* A group filters by its members: by id, name, alias, either parentheses. */
static void test_group_filter(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	(void)state;
	ok(report(db, "t2.2.o4", "emeishan", "2010-12-10"));
	ok(report(db, "t2.2.o4", "mabian", "2010-12-11"));
	ok(report(db, "t2.4.o1", "jiancha", "2010-10-28"));
	assert_string_equal(history(db, "counties"), "mabian,emeishan");
	assert_string_equal(history(db, "各县(市、区)国土资源局(分局)"), "mabian,emeishan");
	assert_string_equal(history(db, "各县(市、区)国土资源局(分局)"), "mabian,emeishan");
	assert_string_equal(history(db, "各地"), "mabian,emeishan");
	/* the matrix of a group: each member's rows, by measure then unit */
	ok(campaign_unit_matrix_query(&c, db, NULL, "各县(市、区)国土资源局(分局)"));
	assert_string_equal(units_of(c), COUNTIES "," COUNTIES "," COUNTIES);
	ok(campaign_unit_matrix_query(&c, db, NULL, "各地"));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "measure"), "t2.2.m1");
	assert_string_equal(campaign_cursor_get(c, "unit_name"), "市中区分局");
	assert_string_equal(campaign_cursor_get(c, "via_group"), "counties");
	campaign_cursor_free(c);
	campaign_close(db);
}

/* A group argument takes the group's name too: a round for every member; a unit is refused there. */
static void test_group_argument(void **state)
{
	campaign_db *db = open_seed();
	campaign_inspection_round_add_options r = CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_INIT;
	campaign_cursor *c;
	sqlite3_int64 rid;
	(void)state;
	r.round = "self-2010";
	r.group = "各县(市、区)国土资源局(分局)";
	r.window_first = "2010-10-15";
	r.window_last = "2010-12-20";
	r.deadline = "12月中旬";
	ok(campaign_inspection_round_add(db, NULL, &r, "office"));
	ok(campaign_inspection_rounds_query(&c, db, NULL, NULL, "各地", "2010-12-01"));
	assert_string_equal(units_of(c), COUNTIES);
	ok(campaign_inspection_rounds_query(&c, db, NULL, NULL, "峨眉山市国土资源局", "2010-12-01"));
	assert_string_equal(units_of(c), "emeishan");
	assert_int_equal(group_resolve(db, campaign_rid(db), "监察室", &rid), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "unit group \"监察室\" names the unit jiancha (监察室): a group is needed");
	assert_int_equal(group_resolve(db, campaign_rid(db), "直属单价", &rid), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(),
	                    "unknown unit group \"直属单价\" (did you mean 直属单位 \"affiliates\"?)");
	/* part of two groups' names (直属单位, 各科室和直属单位负责人): no guess */
	assert_int_equal(group_resolve(db, campaign_rid(db), "直属", &rid), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unknown unit group \"直属\"");
	campaign_close(db);
}

/* A single write refuses a group, naming it; the store is unchanged. */
static void test_group_refused_for_a_write(void **state)
{
	campaign_db *db = open_seed();
	char *before = dump_store(db);
	(void)state;
	assert_int_equal(report(db, "t2.2.o4", "各县(市、区)国土资源局(分局)", "2010-12-10"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "unit \"各县(市、区)国土资源局(分局)\" names the group counties "
	                                              "(各县(市、区)国土资源局(分局)): a single unit is needed");
	assert_int_equal(report(db, "t2.2.o4", "counties", "2010-12-10"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "unit \"counties\" names the group counties "
	                                              "(各县(市、区)国土资源局(分局)): a single unit is needed");
	assert_unchanged(db, before);
	campaign_close(db);
}

/* Unknown: said so, with the one unit or group it is part of or one edit from. */
static void test_unknown_with_suggestion(void **state)
{
	campaign_db *db = open_seed();
	campaign_cursor *c;
	sqlite3_int64 rid;
	(void)state;
	assert_int_equal(report(db, "t2.4.o1", "监察", "2010-10-28"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unknown unit \"监察\" (did you mean 监察室 \"jiancha\"?)");
	assert_int_equal(campaign_unit_matrix_query(&c, db, NULL, "监查室"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unknown unit \"监查室\" (did you mean 监察室 \"jiancha\"?)");
	assert_null(c);
	assert_int_equal(campaign_progress_history_query(&c, db, NULL, NULL, "各县"), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(),
	                    "unknown unit \"各县\" (did you mean 各县(市、区)国土资源局(分局) \"counties\"?)");
	/* part of many: no guess */
	assert_int_equal(unit_resolve(db, campaign_rid(db), "科", &rid), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unknown unit \"科\"");
	assert_int_equal(unit_resolve(db, campaign_rid(db), "nobody", &rid), CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unknown unit \"nobody\"");
	assert_int_equal(unit_resolve(db, campaign_rid(db), "\xe7\x9b\xff", &rid), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "unit: invalid UTF-8 at byte 0");
	campaign_close(db);
}

/* Ambiguous: every candidate listed with how it matched; nothing written. */
static void test_ambiguous(void **state)
{
	campaign_db *db = open_mini();
	char *before = dump_store(db);
	campaign_cursor *c;
	(void)state;
	assert_int_equal(report(db, "t1.o1", "监察室", "2010-10-28"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "unit \"监察室\" is ambiguous: a (name), b (alias)");
	assert_int_equal(campaign_unit_matrix_query(&c, db, NULL, "监察室"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "unit \"监察室\" is ambiguous: a (name), b (alias)");
	assert_unchanged(db, before);
	/* the ids stay unambiguous */
	ok(report(db, "t1.o1", "a", "2010-10-28"));
	ok(report(db, "t1.o1", "纪检组", "2010-10-29"));
	assert_string_equal(history(db, NULL), "a,b");
	campaign_close(db);
}

/* NFC and the width of parentheses: what documents mix matches alike. */
static void test_normalisation(void **state)
{
	campaign_db *db = open_mini();
	sqlite3_int64 crid = campaign_rid(db), z1 = 0, rid = 0;
	campaign_cursor *c;
	(void)state;
	ok(unit_resolve(db, crid, "z1", &z1));
	ok(unit_resolve(db, crid, "执法支队(一)", &rid));
	assert_int_equal(rid, z1);
	ok(unit_resolve(db, crid, "执法支队(一)", &rid));
	assert_int_equal(rid, z1);
	ok(unit_resolve(db, crid, "执法支队(一)", &rid));
	assert_int_equal(rid, z1);
	/* "Cafe" + U+0301 COMBINING ACUTE ACCENT is "Café" in NFC */
	ok(report(db, "t1.o1", "Cafe\xcc\x81", "2010-10-28"));
	assert_string_equal(history(db, "Café"), "cafe");
	/* a group in half-width parentheses, for a filter */
	ok(campaign_unit_matrix_query(&c, db, NULL, "各支队(大队)"));
	assert_string_equal(units_of(c), "z1");
	campaign_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_door_id_name_alias),   cmocka_unit_test(test_write_by_name),
		cmocka_unit_test(test_csv_column),           cmocka_unit_test(test_group_filter),
		cmocka_unit_test(test_group_refused_for_a_write), cmocka_unit_test(test_unknown_with_suggestion),
		cmocka_unit_test(test_ambiguous),            cmocka_unit_test(test_normalisation),
		cmocka_unit_test(test_group_argument),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
