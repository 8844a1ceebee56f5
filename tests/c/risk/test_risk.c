/* Integrity-risk points on the seed plan: the three example models graded
 * by hand (every cell of the matrix, each weighted threshold just below, at
 * and above, the override criterion), residual grades after controls,
 * re-grading under a changed model, overrides, the publication without
 * confidential fields, warnings on a date, bulk import, and a store left
 * unchanged by every failed call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "testutil.h"

#define MODEL(f) CAMPAIGN_SOURCE_DIR "/examples/models/" f
#define RISK_DATA(f) CAMPAIGN_SOURCE_DIR "/tests/data/risk/" f
#define SECRET "该岗位原科长2009年受党内警告处分"

static void ok(int rc)
{
	if (rc < 0)
		fprintf(stderr, "unexpected: %s\n", campaign_error_message());
	assert_true(rc >= 0);
}

static void fails(int rc, int code, const char *message)
{
	if (rc != code || (message && strcmp(campaign_error_message(), message)))
		fprintf(stderr, "got %d \"%s\"\nwant %d \"%s\"\n", rc, campaign_error_message(), code, message ? message : "");
	assert_int_equal(rc, code);
	if (message)
		assert_string_equal(campaign_error_message(), message);
}

/* The calls with options structs, with their fields in order as arguments. */
static int t_point_add(campaign_buf **out, campaign_db *db, const char *campaign, const char *id, const char *unit,
                       const char *scope, const char *scope_name, const char *type, const char *name,
                       const char *description, const char *manifestations, const char *owner, const char *leader,
                       const char *actor)
{
	campaign_risk_point_add_options o = {CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION, id, unit, scope, scope_name, type,
	                                     name, description, manifestations, owner, leader};
	return campaign_risk_point_add(out, db, campaign, &o, actor);
}

static int t_point_grade(campaign_db *db, const char *campaign, const char *point, const char *model,
                         const char *inputs, const char *date, const char *actor)
{
	campaign_risk_point_grade_options o = {CAMPAIGN_RISK_POINT_GRADE_OPTIONS_VERSION, point, model, inputs, date};
	return campaign_risk_point_grade(db, campaign, &o, actor);
}

static int t_point_override(campaign_db *db, const char *campaign, const char *point, const char *grade,
                            const char *reason, const char *date, const char *actor)
{
	campaign_risk_point_override_options o = {CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_VERSION, point, grade, reason, date};
	return campaign_risk_point_override(db, campaign, &o, actor);
}

static int t_control_add(campaign_buf **out, campaign_db *db, const char *campaign, const char *id, const char *point,
                         const char *line, const char *measure, const char *owner, const char *status,
                         const char *due_on, const char *effect, const char *actor)
{
	campaign_risk_control_add_options o = {CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION, id, point, line, measure, owner,
	                                       status, due_on, effect};
	return campaign_risk_control_add(out, db, campaign, &o, actor);
}

typedef struct text {
	char *p;
	size_t n;
} text;

static void append(text *t, const char *s)
{
	size_t k = strlen(s);
	t->p = realloc(t->p, t->n + k + 1);
	assert_non_null(t->p);
	memcpy(t->p + t->n, s, k + 1);
	t->n += k;
}

static void dump_rows(text *t, campaign_cursor *c)
{
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		for (int i = 0; i < campaign_cursor_column_count(c); i++) {
			const char *v = campaign_cursor_text(c, i);
			append(t, v ? v : "~");
			append(t, "|");
		}
		append(t, "\n");
	}
	campaign_cursor_free(c);
}

/* Everything the risk module and the rest of the store show, as one string. */
static char *risk_dump(campaign_db *db)
{
	text t = {NULL, 0};
	campaign_cursor *c;
	char *plan = dump_store(db);
	append(&t, plan);
	free(plan);
	ok(campaign_risk_types_query(&c, db));
	dump_rows(&t, c);
	ok(campaign_risk_models_query(&c, db, NULL));
	dump_rows(&t, c);
	ok(campaign_risk_points_query(&c, db, NULL, NULL));
	dump_rows(&t, c);
	ok(campaign_risk_grades_query(&c, db, NULL, NULL));
	dump_rows(&t, c);
	ok(campaign_risk_controls_query(&c, db, NULL, NULL));
	dump_rows(&t, c);
	ok(campaign_risk_publications_query(&c, db, NULL, NULL));
	dump_rows(&t, c);
	ok(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL));
	dump_rows(&t, c);
	return t.p;
}

/* The column @col of point @id in the register (a copy, or NULL). */
/* The register is as @before (a risk_dump, freed here) had it: a failed call wrote nothing. */
static void expect_unchanged(campaign_db *db, char *before)
{
	char *after = risk_dump(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static char *point_col(campaign_db *db, const char *id, const char *col)
{
	campaign_cursor *c;
	char *v = NULL;
	ok(campaign_risk_points_query(&c, db, NULL, NULL));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "id"), id) && campaign_cursor_get(c, col))
			v = strdup(campaign_cursor_get(c, col));
	campaign_cursor_free(c);
	return v;
}

static void expect_col(campaign_db *db, const char *id, const char *col, const char *want)
{
	char *v = point_col(db, id, col);
	if (!v || strcmp(v, want))
		fprintf(stderr, "point %s: %s is \"%s\", want \"%s\"\n", id, col, v ? v : "(null)", want);
	assert_non_null(v);
	assert_string_equal(v, want);
	free(v);
}

static void add_point(campaign_db *db, const char *id, const char *unit, const char *name)
{
	ok(t_point_add(NULL, db, NULL, id, unit, "business", "土地出让审批", "业务流程", name, "审批环节",
	               "低价出让、擅自改变用地性质", "科长", "分管副局长", "office"));
}

static campaign_db *open_models(void)
{
	campaign_db *db = open_seed();
	assert_int_equal(campaign_risk_model_import_file(db, NULL, MODEL("matrix-5x5.yaml"), "office"), 1);
	assert_int_equal(campaign_risk_model_import_file(db, NULL, MODEL("weighted-factors.yaml"), "office"), 1);
	assert_int_equal(campaign_risk_model_import_file(db, NULL, MODEL("criteria-count.yaml"), "office"), 1);
	return db;
}

/* ---- grading ---- */

static void test_matrix_every_cell(void **state)
{
	campaign_db *db = *state;
	add_point(db, "P", "liyong", "出让方案审查");
	for (int l = 1; l <= 5; l++)
		for (int i = 1; i <= 5; i++) {
			char inputs[64], stored[64];
			/* by hand: the product of the levels, 15 and above 一级, 6..12 二级, 5 and below 三级 */
			const char *want = l * i >= 15 ? "1" : l * i >= 6 ? "2" : "3";
			snprintf(inputs, sizeof inputs, "likelihood=%d,impact=%d", l, i);
			snprintf(stored, sizeof stored, "impact=%d,likelihood=%d", i, l);
			ok(t_point_grade(db, NULL, "P", "matrix-5x5", inputs, "2010-11-10", "office"));
			expect_col(db, "P", "grade", want);
			expect_col(db, "P", "inputs", stored); /* sorted by name */
		}
	expect_col(db, "P", "grade_label", "一级风险");
	expect_col(db, "P", "color", "red");
	expect_col(db, "P", "owner_level", "一级(主要领导负责)");
	expect_col(db, "P", "next_review", "2011-02-08");
	/* out of range and unknown inputs */
	fails(t_point_grade(db, NULL, "P", NULL, "likelihood=6", "2010-11-10", "office"), CAMPAIGN_EINVALID,
	      "likelihood = 6 is outside 1..5 of model \"matrix-5x5@1\"");
	fails(t_point_grade(db, NULL, "P", NULL, "power=3", "2010-11-10", "office"), CAMPAIGN_EINVALID,
	      "\"power\" is not an input of model \"matrix-5x5@1\"");
}

static void test_weighted_thresholds(void **state)
{
	/* score = 30 power + 25 discretion + 20 probability + 15 harm + 10 past_cases; 一级 from 350, 二级 from 250 */
	static const struct { const char *inputs; int score; const char *grade; } cases[] = {
		{"power=1,discretion=1,probability=1,harm=1,past_cases=1", 100, "3"},
		{"power=3,discretion=3,probability=2,harm=2,past_cases=1", 245, "3"},
		{"power=3,discretion=3,probability=3,harm=1,past_cases=1", 250, "2"},
		{"power=3,discretion=3,probability=2,harm=2,past_cases=2", 255, "2"},
		{"power=5,discretion=4,probability=2,harm=3,past_cases=1", 345, "2"},
		{"power=5,discretion=4,probability=3,harm=2,past_cases=1", 350, "1"},
		{"power=5,discretion=5,probability=2,harm=2,past_cases=1", 355, "1"},
		{"power=5,discretion=5,probability=5,harm=5,past_cases=5", 500, "1"},
	};
	campaign_db *db = *state;
	campaign_cursor *c;
	add_point(db, "W", "kuangguan", "采矿许可证发放");
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char score[16];
		ok(t_point_grade(db, NULL, "W", "weighted-factors", cases[k].inputs, "2010-11-12", "office"));
		expect_col(db, "W", "grade", cases[k].grade);
		ok(campaign_risk_grades_query(&c, db, NULL, "W"));
		snprintf(score, sizeof score, "%d", cases[k].score);
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			if (campaign_cursor_int(c, campaign_cursor_column_index(c, "current")))
				assert_string_equal(campaign_cursor_get(c, "score"), score);
		campaign_cursor_free(c);
	}
	/* a missing factor */
	add_point(db, "W2", "kuangguan", "储量评审");
	fails(t_point_grade(db, NULL, "W2", "weighted-factors", "power=5", "2010-11-12", "office"),
	      CAMPAIGN_EINVALID, "risk point \"W2\" has no discretion, which model \"weighted-factors@1\" grades from");
}

static void test_criteria_and_override_criterion(void **state)
{
	static const struct { const char *inputs; const char *grade; } cases[] = {
		{"", "3"},
		{"approval", "3"},
		{"approval,discretion", "2"},
		{"approval,discretion,money", "2"},
		{"approval,discretion,money,market", "1"},
		{"past_case", "1"}, /* an integrity case at the post forces the top grade */
		{"approval=0,discretion=0,money=0,market=0,past_case=1", "1"},
	};
	campaign_db *db = *state;
	add_point(db, "C", "caiwu", "专项资金拨付");
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char point[8];
		snprintf(point, sizeof point, "C%zu", k);
		add_point(db, point, "caiwu", "专项资金拨付");
		ok(t_point_grade(db, NULL, point, "criteria-count", cases[k].inputs, "2010-11-16", "office"));
		expect_col(db, point, "grade", cases[k].grade);
	}
}

static void test_residual_after_controls(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_buf *id = NULL;
	int n = 0;
	add_point(db, "R", "jiaoyi", "挂牌出让组织");
	ok(t_point_grade(db, NULL, "R", NULL, "likelihood=4,impact=5", "2010-11-18", "office"));
	expect_col(db, "R", "grade", "1");
	/* a planned control changes nothing yet */
	ok(t_control_add(&id, db, NULL, NULL, "R", "prevention", "挂牌公告集体审定", "交易中心主任", NULL,
	                 "2010-12-31", "likelihood=-2", "office"));
	assert_non_null(id);
	expect_col(db, "R", "grade", "1");
	/* in place: likelihood 4 → 2, cell (2, 5) is 二级 */
	ok(campaign_risk_control_set_status(db, NULL, campaign_buf_data(id), "in_place", "office"));
	expect_col(db, "R", "grade", "2");
	expect_col(db, "R", "graded_on", "2010-11-18");
	ok(t_control_add(NULL, db, NULL, "K-2", "R", "monitoring", "电子监察全程监控", NULL, "in_place", NULL,
	                 "likelihood=-1,impact=-1", "office"));
	/* likelihood 4-3 = 1, impact 4: 三级 */
	expect_col(db, "R", "grade", "3");
	ok(campaign_risk_grades_query(&c, db, NULL, "R"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		n++;
		if (campaign_cursor_int(c, campaign_cursor_column_index(c, "current"))) {
			EXPECT_COLUMNS(c, "inherent_grade", "1", "inputs", "impact=5,likelihood=4",
			               "residual_inputs", "impact=4,likelihood=1", "residual_grade", "3",
			               "reason", "control");
		}
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 3); /* graded, then two controls put in place */
	/* retired: back to 二级 */
	ok(campaign_risk_control_set_status(db, NULL, "K-2", "retired", "office"));
	expect_col(db, "R", "grade", "2");
	/* an override criterion is never reduced by a control */
	add_point(db, "O", "zhifa", "违法案件查处");
	ok(t_point_grade(db, NULL, "O", "criteria-count", "past_case,approval", "2010-11-20", "office"));
	ok(t_control_add(NULL, db, NULL, "K-3", "O", "disposal", "案件回访", NULL, "in_place", NULL,
	                 "past_case=-1,approval=-1", "office"));
	expect_col(db, "O", "grade", "1");
	fails(t_control_add(NULL, db, NULL, "K-4", "O", "disposal", "x", NULL, "in_place", NULL, "impact=1",
	                    "office"),
	      CAMPAIGN_EINVALID, "effect: impact = 1 would raise the risk; a control reduces (0 or below)");
	campaign_buf_free(id);
}

static const char MATRIX_V2[] =
	"format: 1\n"
	"model: {id: matrix-5x5, kind: matrix, name: 廉政风险评估矩阵(修订)}\n"
	"grades:\n"
	"  - {id: \"1\", label: 一级风险, owner_level: 一级(主要领导负责), review_days: 60, color: red}\n"
	"  - {id: \"2\", label: 二级风险, owner_level: 二级(分管领导负责), review_days: 180, color: yellow}\n"
	"  - {id: \"3\", label: 三级风险, owner_level: 三级(科室负责人负责), review_days: 365, color: blue}\n"
	"likelihood: [极少发生, 不太可能, 可能发生, 很可能发生, 几乎肯定发生]\n"
	"impact: [轻微, 较小, 中等, 较大, 严重]\n"
	"cells:\n"
	"  - [\"3\", \"3\", \"3\", \"3\", \"2\"]\n"
	"  - [\"3\", \"3\", \"2\", \"2\", \"1\"]\n"
	"  - [\"3\", \"2\", \"2\", \"1\", \"1\"]\n"
	"  - [\"3\", \"2\", \"1\", \"1\", \"1\"]\n"
	"  - [\"2\", \"2\", \"1\", \"1\", \"1\"]\n";

static void test_model_change_regrades_with_history(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int versions[3] = {0}, n = 0, grade_entries = 0;
	add_point(db, "A", "liyong", "出让方案审查"); /* (3, 4): 二级 under v1, 一级 under v2 */
	add_point(db, "B", "fagui", "复议案件审理"); /* (2, 3): 二级 under both */
	ok(t_point_grade(db, NULL, "A", NULL, "likelihood=3,impact=4", "2010-11-10", "office"));
	ok(t_point_grade(db, NULL, "B", NULL, "likelihood=2,impact=3", "2010-11-10", "office"));
	expect_col(db, "A", "grade", "2");
	/* an unchanged model keeps its version; a changed one is version 2 */
	assert_int_equal(campaign_risk_model_import_file(db, NULL, MODEL("matrix-5x5.yaml"), "office"), 1);
	assert_int_equal(campaign_risk_model_import_string(db, NULL, MATRIX_V2, "v2.yaml", "office"), 2);
	expect_col(db, "A", "model_version", "1"); /* nothing re-grades until asked */
	assert_int_equal(campaign_risk_regrade(db, NULL, "matrix-5x5", NULL, "2011-01-05", "office"), 2);
	expect_col(db, "A", "grade", "1");
	expect_col(db, "A", "model_version", "2");
	expect_col(db, "A", "next_review", "2011-03-06"); /* v2: 一级 every 60 days */
	expect_col(db, "B", "grade", "2");
	/* asked again: nothing changes */
	assert_int_equal(campaign_risk_regrade(db, NULL, "matrix-5x5", NULL, "2011-01-06", "office"), 0);
	ok(campaign_risk_grades_query(&c, db, NULL, "A"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		versions[n++] = (int)campaign_cursor_int(c, campaign_cursor_column_index(c, "model_version"));
		assert_true(n <= 2);
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 2);
	assert_int_equal(versions[0], 1);
	assert_int_equal(versions[1], 2);
	ok(campaign_risk_point_history_query(&c, db, NULL, "A"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "field"), "grade") && !strcmp(campaign_cursor_get(c, "operation"), "regrade")) {
			grade_entries++;
			assert_string_equal(campaign_cursor_get(c, "before"), "二级风险 (matrix-5x5@1)");
			assert_string_equal(campaign_cursor_get(c, "after"), "一级风险 (matrix-5x5@2)");
		}
	campaign_cursor_free(c);
	assert_int_equal(grade_entries, 1);
	/* a model the points have no inputs for re-grades nothing and says which point */
	{
		char *before = risk_dump(db);
		fails(campaign_risk_regrade(db, NULL, "weighted-factors", NULL, "2011-01-07", "office"), CAMPAIGN_EINVALID,
		      "risk point \"A\" has no power, which model \"weighted-factors@1\" grades from");
		expect_unchanged(db, before);
	}
}

static void test_override_needs_reason(void **state)
{
	campaign_db *db = *state;
	char *before;
	add_point(db, "V", "renshi", "干部考察推荐");
	fails(t_point_override(db, NULL, "V", "1", "群众反映强烈", "2010-11-20", "office"), CAMPAIGN_ECONFLICT,
	      "risk point \"V\" is not graded: only a graded point's grade can be overridden");
	ok(t_point_grade(db, NULL, "V", NULL, "likelihood=2,impact=5", "2010-11-15", "office"));
	expect_col(db, "V", "grade", "2");
	before = risk_dump(db);
	fails(t_point_override(db, NULL, "V", "1", NULL, "2010-11-20", "office"), CAMPAIGN_EINVALID,
	      "a reason for the override is required");
	fails(t_point_override(db, NULL, "V", "1", "", "2010-11-20", "office"), CAMPAIGN_EINVALID,
	      "a reason for the override is required");
	fails(t_point_override(db, NULL, "V", "0", "x", "2010-11-20", "office"), CAMPAIGN_EINVALID,
	      "\"0\" is not a grade of the point's model");
	fails(t_point_override(db, NULL, "V", "1", "x", "2010-11-20", NULL), CAMPAIGN_EINVALID, NULL);
	expect_unchanged(db, before);
	ok(t_point_override(db, NULL, "V", "一级风险", "近期群众举报集中,提级管理", "2010-11-20", "张局长"));
	expect_col(db, "V", "grade", "1");
	expect_col(db, "V", "overridden", "1");
	{
		campaign_cursor *c;
		int found = 0;
		ok(campaign_risk_grades_query(&c, db, NULL, "V"));
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			if (campaign_cursor_int(c, campaign_cursor_column_index(c, "current"))) {
				found = 1;
				EXPECT_COLUMNS(c, "residual_grade", "2", "override_reason", "近期群众举报集中,提级管理",
				               "actor", "张局长");
			}
		campaign_cursor_free(c);
		assert_true(found);
	}
	/* graded again, the override is history */
	ok(t_point_grade(db, NULL, "V", NULL, NULL, "2011-01-15", "office"));
	expect_col(db, "V", "grade", "2");
	expect_col(db, "V", "overridden", "0");
}

/* ---- publication ---- */

static void test_publication_has_no_confidential_field(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_buf *pub = NULL;
	char *all;
	int n = 0;
	add_point(db, "K1", "kuangguan", "采矿许可证发放");
	add_point(db, "K2", "kuangguan", "储量评审委托");
	ok(t_point_grade(db, NULL, "K1", NULL, "likelihood=4,impact=4", "2010-11-12", "office"));
	ok(t_control_add(NULL, db, NULL, "KC1", "K1", "prevention", "审批集体会审", "矿管科科长", "in_place", NULL,
	                 NULL, "office"));
	ok(t_control_add(NULL, db, NULL, "KC2", "K1", "monitoring", "电子监察实时监控", NULL, "planned",
	                 "2010-12-31", NULL, "office"));
	ok(campaign_risk_point_confidential_set(db, NULL, "K1", SECRET, "office"));
	fails(campaign_risk_publication_add(NULL, db, NULL, "kuangguan", "2010-11-25", "office"), CAMPAIGN_ECONFLICT,
	      "unit \"kuangguan\" has 1 ungraded risk points (first \"K2\"): grade them before drafting the publication");
	ok(t_point_grade(db, NULL, "K2", NULL, "likelihood=2,impact=2", "2010-11-12", "office"));
	ok(campaign_risk_publication_add(&pub, db, NULL, "kuangguan", "2010-11-25", "office"));
	fails(campaign_risk_publication_publish(db, NULL, campaign_buf_data(pub), "2010-11-26", "office"),
	      CAMPAIGN_ECONFLICT, NULL);
	fails(campaign_risk_publication_approve(db, NULL, campaign_buf_data(pub), "2010-11-24", "office"),
	      CAMPAIGN_ECONFLICT, NULL);
	ok(campaign_risk_publication_approve(db, NULL, campaign_buf_data(pub), "2010-11-26", "张局长"));
	ok(campaign_risk_publication_publish(db, NULL, campaign_buf_data(pub), "2010-11-30", "office"));
	ok(campaign_risk_publication_query(&c, db, NULL, NULL, "kuangguan"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		n++;
		assert_int_equal(campaign_cursor_int(c, 0), n);
		if (n == 1) {
			EXPECT_COLUMNS(c, "unit_name", "矿管科", "type_name", "业务流程", "point_name", "采矿许可证发放",
			               "manifestations", "低价出让、擅自改变用地性质", "grade_label", "一级风险",
			               "controls", "前期预防:审批集体会审;中期监控:电子监察实时监控", "owner", "科长", "leader", "分管副局长");
		}
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 2);
	/* the confidential note appears in no ordinary query, export or report */
	ok(campaign_risk_publication_query(&c, db, NULL, campaign_buf_data(pub), NULL));
	assert_false(cursor_holds(c, SECRET));
	ok(campaign_risk_publication_query(&c, db, NULL, NULL, NULL));
	assert_false(cursor_holds(c, SECRET));
	ok(campaign_risk_point_history_query(&c, db, NULL, "K1"));
	assert_false(cursor_holds(c, SECRET));
	ok(campaign_risk_warnings_query(&c, db, NULL, "2011-06-30"));
	assert_false(cursor_holds(c, SECRET));
	all = risk_dump(db);
	assert_null(strstr(all, SECRET));
	free(all);
	/* only the confidential call shows it, and logs the read */
	ok(campaign_risk_point_confidential_query(&c, db, NULL, "K1", "office"));
	assert_true(cursor_holds(c, SECRET));
	ok(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL));
	assert_true(cursor_holds(c, "risk.read_confidential"));
	campaign_buf_free(pub);
}

/* ---- warnings ---- */

/* The points with a warning of @kind on @as_of, each followed by " ", are @want. */
static void expect_warned(campaign_db *db, const char *as_of, const char *kind, const char *want)
{
	campaign_cursor *c;
	assert_string_equal(column_joined(campaign_risk_warnings_query(&c, db, NULL, as_of), &c, "point", "kind", kind),
	                    want);
}

static void test_warnings_on_a_date(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_buf *pub = NULL;
	int found = 0;
	add_point(db, "H1", "liyong", "出让方案审查");   /* 一级, every 90 days */
	add_point(db, "H2", "caiwu", "专项资金拨付");    /* 二级, every 180 days */
	add_point(db, "H3", "fagui", "复议案件审理");    /* 三级, every 365 days */
	add_point(db, "H4", "renshi", "干部考察推荐");   /* 一级, graded later */
	ok(t_point_grade(db, NULL, "H1", NULL, "likelihood=4,impact=5", "2010-11-10", "office"));
	ok(t_point_grade(db, NULL, "H2", NULL, "likelihood=3,impact=3", "2010-11-10", "office"));
	ok(t_point_grade(db, NULL, "H3", NULL, "likelihood=1,impact=1", "2010-11-10", "office"));
	ok(t_point_grade(db, NULL, "H4", NULL, "likelihood=5,impact=5", "2011-01-20", "office"));
	/* H1 due 2011-02-08, H4 2011-04-20, H2 2011-05-09, H3 2011-11-10 */
	expect_warned(db, "2011-02-08", "review_overdue", "");
	expect_warned(db, "2011-02-09", "review_overdue", "H1 ");
	expect_warned(db, "2011-05-10", "review_overdue", "H1 H4 H2 ");
	expect_warned(db, "2011-11-11", "review_overdue", "H1 H4 H2 H3 ");
	ok(campaign_risk_warnings_query(&c, db, NULL, "2011-02-09"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "kind"), "review_overdue")) {
			found = 1;
			assert_string_equal(campaign_cursor_get(c, "color"), "red");
			assert_string_equal(campaign_cursor_get(c, "date"), "2011-02-08");
			assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "days")), 1);
			assert_string_equal(campaign_cursor_get(c, "reason"),
			                    "「出让方案审查」(一级风险)上次评估于2010-11-10,复核周期90天,应于2011-02-08前复核,已逾期1天");
		}
	campaign_cursor_free(c);
	assert_true(found);
	/* top-grade points without controls on every line */
	expect_warned(db, "2011-01-01", "uncontrolled", "H1 H4 ");
	ok(t_control_add(NULL, db, NULL, "C1", "H1", "prevention", "集体会审", NULL, "in_place", NULL, NULL, "office"));
	ok(t_control_add(NULL, db, NULL, "C2", "H1", "monitoring", "电子监察", NULL, "planned", "2010-12-31", NULL,
	                 "office"));
	ok(t_control_add(NULL, db, NULL, "C3", "H1", "disposal", "责任追究", NULL, "in_place", NULL, NULL, "office"));
	expect_warned(db, "2011-01-01", "uncontrolled", "H4 ");
	ok(campaign_risk_coverage_query(&c, db, NULL));
	assert_int_equal(count_rows(c), 1);
	/* a planned control past its due date */
	expect_warned(db, "2010-12-31", "control_overdue", "");
	expect_warned(db, "2011-01-01", "control_overdue", "H1 ");
	/* a grade raised since the last publication */
	ok(campaign_risk_publication_add(&pub, db, NULL, "caiwu", "2010-11-25", "office"));
	ok(campaign_risk_publication_approve(db, NULL, campaign_buf_data(pub), "2010-11-26", "office"));
	ok(campaign_risk_publication_publish(db, NULL, campaign_buf_data(pub), "2010-11-30", "office"));
	ok(t_point_grade(db, NULL, "H2", NULL, "likelihood=5", "2010-12-15", "office"));
	expect_col(db, "H2", "grade", "1");
	expect_warned(db, "2010-11-29", "grade_raised", "");
	expect_warned(db, "2010-12-16", "grade_raised", "H2 ");
	ok(campaign_risk_warnings_query(&c, db, NULL, "2010-12-16"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "kind"), "grade_raised"))
			assert_string_equal(campaign_cursor_get(c, "reason"),
			                    "「专项资金拨付」风险等级由二级风险升为一级风险(上次公示于2010-11-30)");
	campaign_cursor_free(c);
	campaign_buf_free(pub);
}

/* ---- reports ---- */

static void test_distribution_and_heatmap(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int cells = 0, total = 0;
	assert_int_equal(campaign_risk_register_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/risk/register.csv", NULL,
	                                               "office"),
	                 13);
	ok(campaign_risk_heatmap_query(&c, db, NULL, NULL, 0));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		int l = (int)campaign_cursor_int(c, 0), i = (int)campaign_cursor_int(c, 2);
		long long n = campaign_cursor_int(c, 6);
		cells++;
		total += (int)n;
		if (l == 4 && i == 5) {
			assert_int_equal(n, 2); /* LS-R01, LS-R10 */
			EXPECT_COLUMNS(c, "likelihood_label", "很可能发生", "impact_label", "严重", "grade_label", "一级风险");
		}
		if (cells == 1)
			assert_true(l == 5 && i == 1);
	}
	campaign_cursor_free(c);
	assert_int_equal(cells, 25);
	assert_int_equal(total, 13);
	fails(campaign_risk_heatmap_query(&c, db, NULL, "weighted-factors", 0), CAMPAIGN_EINVALID,
	      "model \"weighted-factors@1\" is a weighted model; a heat map needs a matrix model");
	ok(campaign_risk_distribution_query(&c, db, NULL));
	total = 0;
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		total += (int)campaign_cursor_int(c, 6);
		if (!strcmp(campaign_cursor_get(c, "unit"), "caiwu") && !strcmp(campaign_cursor_get(c, "type"), "process"))
			assert_string_equal(campaign_cursor_get(c, "grade_label"), "一级风险"); /* LS-R07 (3, 5) */
	}
	campaign_cursor_free(c);
	assert_int_equal(total, 13);
}

/* ---- bulk import ---- */

/* A register import graded under @model (the model is an import option). */
static int register_import(campaign_db *db, const char *campaign, const char *path, const char *model, const char *actor)
{
	campaign_rows_import_options o = CAMPAIGN_ROWS_IMPORT_OPTIONS_INIT;
	o.model = model;
	return campaign_risk_register_import_file(db, campaign, path, &o, actor);
}

static void test_import_bad_row_writes_nothing(void **state)
{
	campaign_db *db = *state;
	char *before = risk_dump(db);
	fails(campaign_risk_register_import_file(db, NULL, RISK_DATA("register-bad.csv"), NULL, "office"), CAMPAIGN_EINVALID,
	      RISK_DATA("register-bad.csv") ":4:5: row 3: unknown unit \"nowhere\"");
	assert_int_equal(campaign_error_line(), 4);
	fails(campaign_risk_register_import_file(db, NULL, RISK_DATA("register-bad-inputs.yaml"), NULL, "office"),
	      CAMPAIGN_EINVALID,
	      RISK_DATA("register-bad-inputs.yaml") ":15:11: row 2: likelihood = 6 is outside 1..5 of model \"matrix-5x5@1\"");
	fails(register_import(db, NULL, RISK_DATA("register.yaml"), "nosuch", "office"), CAMPAIGN_ENOTFOUND,
	      "no grading model \"nosuch\"");
	fails(campaign_risk_register_import_file(db, NULL, RISK_DATA("register.txt"), NULL, "office"), CAMPAIGN_EINVALID, NULL);
	expect_unchanged(db, before);
	/* the good files */
	assert_int_equal(register_import(db, NULL, RISK_DATA("register.yaml"), "weighted-factors", "office"), 2);
	expect_col(db, "W-1", "grade", "1"); /* 150 + 100 + 60 + 30 + 10 = 350 */
	expect_col(db, "W-2", "grade", "3"); /* 90 + 75 + 40 + 30 + 10 = 245 */
	assert_int_equal(campaign_risk_register_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/risk/register.csv", NULL,
	                                               "office"),
	                 13);
	expect_col(db, "LS-R03", "grade", "1");
	expect_col(db, "LS-R03", "unit_name", "矿管科");
	expect_col(db, "LS-R05", "grade", "2");
	expect_col(db, "LS-R08", "grade", "3");
	/* the same ids again are refused, naming the row */
	fails(campaign_risk_register_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/risk/register.csv", NULL, "office"),
	      CAMPAIGN_EINVALID, CAMPAIGN_SOURCE_DIR "/examples/risk/register.csv:2:1: row 1: a risk point \"LS-R01\" exists already");
}

/* The expectation a bad file carries in its last line: "# expect: CODE MESSAGE". */
static void test_bad_models(void **state)
{
	static const char *const files[] = {"model-bad-cells.yaml", "model-bad-grade.yaml", "model-bad-threshold.yaml",
	                                    "model-bad-kind.yaml", "model-bad-color.yaml"};
	campaign_db *db = *state;
	char *before = risk_dump(db);
	for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
		char path[512], line[512] = "", last[512] = "", want[1024];
		FILE *f;
		snprintf(path, sizeof path, "%s", RISK_DATA("") );
		strncat(path, files[k], sizeof path - strlen(path) - 1);
		assert_non_null(f = fopen(path, "r"));
		while (fgets(line, sizeof line, f))
			if (!strncmp(line, "# expect: ", 10))
				snprintf(last, sizeof last, "%s", line + 10);
		fclose(f);
		last[strcspn(last, "\n")] = '\0';
		assert_true(!strncmp(last, "EINVALID ", 9));
		snprintf(want, sizeof want, "%s:%s", path, last + 9);
		fails(campaign_risk_model_import_file(db, NULL, path, "office"), CAMPAIGN_EINVALID, want);
	}
	expect_unchanged(db, before);
}

/* ---- the register, history and failed calls ---- */

static void test_register_history(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_buf *id = NULL;
	int n = 0;
	ok(t_point_add(&id, db, NULL, NULL, "diji", "process_step", "土地登记发证", "岗位职责", "确权登记审核",
	               NULL, "违规登记发证", "地籍科科长", NULL, "office"));
	assert_int_equal(strlen(campaign_buf_data(id)), 36);
	ok(campaign_risk_point_update(db, NULL, campaign_buf_data(id), "leader", "分管副局长", "office"));
	ok(campaign_risk_point_update(db, NULL, campaign_buf_data(id), "type", "制度机制", "office"));
	ok(campaign_risk_point_update(db, NULL, campaign_buf_data(id), "type", "institutional", "office")); /* unchanged */
	ok(t_point_grade(db, NULL, campaign_buf_data(id), NULL, "likelihood=2,impact=4", "2010-11-20", "office"));
	ok(campaign_risk_point_history_query(&c, db, NULL, campaign_buf_data(id)));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *op = campaign_cursor_get(c, "operation"), *field = campaign_cursor_get(c, "field");
		n++;
		if (n == 1)
			assert_string_equal(op, "add");
		if (n == 2) {
			assert_string_equal(field, "leader");
			assert_null(campaign_cursor_get(c, "before"));
			assert_string_equal(campaign_cursor_get(c, "after"), "分管副局长");
		}
		if (n == 3) {
			assert_string_equal(campaign_cursor_get(c, "before"), "post");
			assert_string_equal(campaign_cursor_get(c, "after"), "institutional");
		}
		if (n == 4) {
			assert_string_equal(op, "grade");
			assert_null(campaign_cursor_get(c, "before"));
			assert_string_equal(campaign_cursor_get(c, "after"), "二级风险 (matrix-5x5@1)");
		}
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 4);
	ok(campaign_risk_type_add(db, "integrity", "廉洁自律", "office"));
	fails(campaign_risk_type_add(db, "integrity2", "廉洁自律", "office"), CAMPAIGN_ECONFLICT,
	      "a risk type \"integrity2\" or \"廉洁自律\" exists already");
	ok(campaign_risk_point_update(db, NULL, campaign_buf_data(id), "type", "廉洁自律", "office"));
	expect_col(db, campaign_buf_data(id), "type", "integrity");
	campaign_buf_free(id);
}

static void test_failed_calls_leave_no_trace(void **state)
{
	campaign_db *db = *state;
	campaign_buf *id = NULL;
	char *before, *after;
	add_point(db, "F", "liyong", "出让方案审查");
	ok(t_point_grade(db, NULL, "F", NULL, "likelihood=3,impact=3", "2010-11-10", "office"));
	before = risk_dump(db);
	fails(t_point_add(&id, db, NULL, "F", "liyong", "business", "x", "业务流程", "x", NULL, NULL, NULL, NULL,
	                  "office"),
	      CAMPAIGN_ECONFLICT, "a risk point \"F\" exists already");
	assert_null(id);
	fails(t_point_add(&id, db, NULL, NULL, "liyong", "desk", "x", "业务流程", "x", NULL, NULL, NULL, NULL,
	                  "office"),
	      CAMPAIGN_EINVALID, "scope \"desk\" is not one of post, business, process_step");
	fails(t_point_add(&id, db, NULL, NULL, "liyong", "post", "x", "贪腐", "x", NULL, NULL, NULL, NULL, "office"),
	      CAMPAIGN_ENOTFOUND, "no risk type \"贪腐\" (see campaign_risk_types_query)");
	fails(campaign_risk_point_update(db, NULL, "F", "colour", "red", "office"), CAMPAIGN_EINVALID, NULL);
	fails(campaign_risk_point_update(db, NULL, "F", "unit", "nowhere", "office"), CAMPAIGN_ENOTFOUND,
	      "unknown unit \"nowhere\"");
	fails(campaign_risk_point_update(db, NULL, "nope", "name", "x", "office"), CAMPAIGN_ENOTFOUND,
	      "no risk point \"nope\"");
	fails(t_point_grade(db, NULL, "F", "nosuch", NULL, "2010-11-10", "office"), CAMPAIGN_ENOTFOUND,
	      "no grading model \"nosuch\"");
	fails(t_point_grade(db, NULL, "F", NULL, "likelihood", "2010-13-01", "office"), CAMPAIGN_EINVALID,
	      "the date graded \"2010-13-01\" is not a date (YYYY-MM-DD)");
	fails(t_point_grade(db, NULL, "F", NULL, "likelihood=x", "2010-11-01", "office"), CAMPAIGN_EINVALID,
	      "inputs: the value of likelihood, \"x\", is not a whole number");
	fails(t_control_add(&id, db, NULL, NULL, "F", "front", "x", NULL, NULL, NULL, NULL, "office"),
	      CAMPAIGN_EINVALID, "the line \"front\" is not one of prevention, monitoring, disposal");
	fails(t_control_add(&id, db, NULL, NULL, "F", "prevention", "x", NULL, NULL, "2010-02-30", NULL, "office"),
	      CAMPAIGN_EINVALID, "the due date \"2010-02-30\" is not a date (YYYY-MM-DD)");
	fails(campaign_risk_control_set_status(db, NULL, "nope", "in_place", "office"), CAMPAIGN_ENOTFOUND,
	      "no control \"nope\"");
	fails(campaign_risk_publication_add(&id, db, NULL, "fagui", "2010-11-25", "office"), CAMPAIGN_ECONFLICT,
	      "unit \"fagui\" has no active risk point to publish");
	fails(campaign_risk_publication_approve(db, NULL, "nope", "2010-11-25", "office"), CAMPAIGN_ENOTFOUND,
	      "no risk publication \"nope\"");
	fails(campaign_risk_model_set_default(db, NULL, "nosuch", "office"), CAMPAIGN_ENOTFOUND, "no grading model \"nosuch\"");
	fails(campaign_risk_model_import_string(db, NULL, "format: 1\nmodel: [x]\n", "m.yaml", "office"),
	      CAMPAIGN_EINVALID, "m.yaml:2:8: model must be a mapping");
	fails(campaign_risk_regrade(db, NULL, NULL, "nowhere", "2011-01-01", "office"), CAMPAIGN_ENOTFOUND,
	      "unknown unit \"nowhere\"");
	/* refused by roles: the refusal is logged, nothing else */
	ok(campaign_role_grant(db, "office", "supervision_office", NULL, NULL, "office"));
	ok(campaign_role_grant(db, "clerk", "unit_clerk", NULL, "caiwu", "office"));
	after = risk_dump(db);
	free(before);
	before = after;
	fails(t_point_grade(db, NULL, "F", NULL, "likelihood=1", "2010-12-01", "clerk"), CAMPAIGN_EPERM, NULL);
	fails(t_point_override(db, NULL, "F", "1", "x", "2010-12-01", "clerk"), CAMPAIGN_EPERM, NULL);
	{
		campaign_cursor *c;
		int denied = 0;
		ok(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL));
		while (campaign_cursor_next(c) == CAMPAIGN_OK)
			denied += campaign_cursor_get(c, "operation") && !strcmp(campaign_cursor_get(c, "operation"), "denied");
		campaign_cursor_free(c);
		assert_int_equal(denied, 2);
	}
	ok(t_point_add(NULL, db, NULL, "G", "caiwu", "post", "出纳岗", "思想道德", "现金管理", NULL, NULL, NULL,
	               NULL, "clerk"));
	expect_col(db, "F", "grade", "2");
	free(before);
}

/* Every kind of write refused by roles: one "denied" entry each, naming
 * the object as before the envelope, and nothing else written. */
static int audit_rows(campaign_db *db)
{
	campaign_cursor *c;
	int n = 0;
	ok(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		n++;
	campaign_cursor_free(c);
	return n;
}

static void test_refusals_logged_once(void **state)
{
	static const char *const want[][2] = {
		{"x", "risk.type.add"},          {NULL, "risk.regrade"},          {"matrix-5x5", "risk.model.default"},
		{"", "risk.point.add"},          {"KX", "risk.control.add"},      {"F", "risk.confidential.set"},
		{"liyong", "risk.publication.draft"}, {"F", "risk.point.update"}, {NULL, "risk.model.import"},
	};
	campaign_db *db = *state;
	campaign_cursor *c;
	int n = 0, skip;
	add_point(db, "F", "liyong", "出让方案审查");
	ok(t_point_grade(db, NULL, "F", NULL, "likelihood=3,impact=3", "2010-11-10", "office"));
	ok(campaign_role_grant(db, "office", "supervision_office", NULL, NULL, "office"));
	ok(campaign_role_grant(db, "clerk", "unit_clerk", NULL, "caiwu", "office"));
	skip = audit_rows(db);
	fails(campaign_risk_type_add(db, "x", "x类", "clerk"), CAMPAIGN_EPERM, NULL);
	fails(campaign_risk_regrade(db, NULL, NULL, NULL, "2011-01-01", "clerk"), CAMPAIGN_EPERM, NULL);
	fails(campaign_risk_model_set_default(db, NULL, "matrix-5x5", "clerk"), CAMPAIGN_EPERM, NULL);
	fails(t_point_add(NULL, db, NULL, NULL, "liyong", "post", "x", "思想道德", "x", NULL, NULL, NULL, NULL, "clerk"),
	      CAMPAIGN_EPERM, NULL);
	fails(t_control_add(NULL, db, NULL, "KX", "F", "prevention", "x", NULL, NULL, NULL, NULL, "clerk"), CAMPAIGN_EPERM,
	      NULL);
	fails(campaign_risk_point_confidential_set(db, NULL, "F", "x", "clerk"), CAMPAIGN_EPERM, NULL);
	fails(campaign_risk_publication_add(NULL, db, NULL, "liyong", "2010-12-01", "clerk"), CAMPAIGN_EPERM, NULL);
	fails(campaign_risk_point_update(db, NULL, "F", "name", "y", "clerk"), CAMPAIGN_EPERM, NULL);
	fails(campaign_risk_model_import_file(db, NULL, MODEL("matrix-5x5.yaml"), "clerk"), CAMPAIGN_EPERM, NULL);
	ok(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *object = campaign_cursor_get(c, "object");
		if (skip-- > 0)
			continue;
		/* every entry after the refusals' start is a refusal: nothing else was written */
		assert_true(n < (int)(sizeof want / sizeof want[0]));
		assert_string_equal(campaign_cursor_get(c, "operation"), "denied");
		if (want[n][0])
			assert_string_equal(object ? object : "(null)", want[n][0]);
		else
			assert_null(object);
		assert_string_equal(campaign_cursor_get(c, "detail"), want[n][1]);
		n++;
	}
	campaign_cursor_free(c);
	assert_int_equal(n, (int)(sizeof want / sizeof want[0]));
}

/* The options structs: NULL or a wrong version is refused before anything is read. */
static void test_options_structs(void **state)
{
	campaign_db *db = *state;
	campaign_risk_point_add_options p = CAMPAIGN_RISK_POINT_ADD_OPTIONS_INIT;
	campaign_risk_point_grade_options g;
	campaign_risk_point_override_options o;
	campaign_risk_control_add_options k;
	campaign_buf *id = NULL;
	char *before;
	add_point(db, "OP", "liyong", "出让方案审查");
	before = risk_dump(db);
	assert_int_equal(p.version, CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION);
	assert_null(p.id);
	fails(campaign_risk_point_add(&id, db, NULL, NULL, "office"), CAMPAIGN_EINVALID,
	      "campaign_risk_point_add_options is NULL (initialise it with its _INIT or _init())");
	p.version = 99;
	fails(campaign_risk_point_add(&id, db, NULL, &p, "office"), CAMPAIGN_EINVALID,
	      "campaign_risk_point_add_options: unknown version 99 (this library knows 1)");
	assert_null(id);
	fails(campaign_risk_point_add_options_init(NULL, CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION), CAMPAIGN_EINVALID,
	      "campaign_risk_point_add_options_init: the options are NULL");
	fails(campaign_risk_point_add_options_init(&p, 2), CAMPAIGN_EINVALID,
	      "campaign_risk_point_add_options_init: unknown version 2 (this library knows 1)");
	fails(campaign_risk_point_grade(db, NULL, NULL, "office"), CAMPAIGN_EINVALID,
	      "campaign_risk_point_grade_options is NULL (initialise it with its _INIT or _init())");
	fails(campaign_risk_point_grade_options_init(&g, 0), CAMPAIGN_EINVALID,
	      "campaign_risk_point_grade_options_init: unknown version 0 (this library knows 1)");
	fails(campaign_risk_point_override(db, NULL, NULL, "office"), CAMPAIGN_EINVALID,
	      "campaign_risk_point_override_options is NULL (initialise it with its _INIT or _init())");
	fails(campaign_risk_point_override_options_init(NULL, 1), CAMPAIGN_EINVALID,
	      "campaign_risk_point_override_options_init: the options are NULL");
	fails(campaign_risk_control_add(&id, db, NULL, NULL, "office"), CAMPAIGN_EINVALID,
	      "campaign_risk_control_add_options is NULL (initialise it with its _INIT or _init())");
	fails(campaign_risk_control_add_options_init(&k, 7), CAMPAIGN_EINVALID,
	      "campaign_risk_control_add_options_init: unknown version 7 (this library knows 1)");
	assert_null(id);
	expect_unchanged(db, before);
	/* _init gives a struct the calls take */
	ok(campaign_risk_point_add_options_init(&p, CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION));
	p.id = "OP2", p.unit = "liyong", p.scope = "post", p.scope_name = "出纳岗", p.type = "思想道德", p.name = "现金管理";
	ok(campaign_risk_point_add(&id, db, NULL, &p, "office"));
	assert_string_equal(campaign_buf_data(id), "OP2");
	campaign_buf_free(id);
	id = NULL;
	ok(campaign_risk_point_grade_options_init(&g, CAMPAIGN_RISK_POINT_GRADE_OPTIONS_VERSION));
	g.point = "OP2", g.inputs = "likelihood=4,impact=5", g.date = "2010-11-10";
	ok(campaign_risk_point_grade(db, NULL, &g, "office"));
	ok(campaign_risk_control_add_options_init(&k, CAMPAIGN_RISK_CONTROL_ADD_OPTIONS_VERSION));
	k.id = "OPK", k.point = "OP2", k.line = "prevention", k.measure = "集体会审";
	ok(campaign_risk_control_add(&id, db, NULL, &k, "office"));
	assert_string_equal(campaign_buf_data(id), "OPK");
	campaign_buf_free(id);
	ok(campaign_risk_point_override_options_init(&o, CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_VERSION));
	o.point = "OP2", o.grade = "2", o.reason = "复核", o.date = "2010-11-11";
	ok(campaign_risk_point_override(db, NULL, &o, "office"));
	expect_col(db, "OP2", "grade", "2");
}

static void test_models_query_and_default(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int defaults = 0, rows = 0;
	ok(campaign_risk_models_query(&c, db, NULL));
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		rows++;
		if (campaign_cursor_int(c, campaign_cursor_column_index(c, "is_default"))) {
			defaults++;
			assert_string_equal(campaign_cursor_get(c, "id"), "matrix-5x5");
		}
	}
	campaign_cursor_free(c);
	assert_int_equal(rows, 3);
	assert_int_equal(defaults, 1);
	ok(campaign_risk_model_set_default(db, NULL, "criteria-count", "office"));
	ok(campaign_risk_model_grades_query(&c, db, NULL, NULL));
	EXPECT_ROW(c, "model", "criteria-count", "min", "4");
	campaign_cursor_free(c);
	ok(campaign_risk_model_inputs_query(&c, db, NULL, "matrix-5x5@1"));
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "levels"), "1 极少发生、2 不太可能、3 可能发生、4 很可能发生、5 几乎肯定发生");
	campaign_cursor_free(c);
	fails(campaign_risk_model_grades_query(&c, db, NULL, "matrix-5x5@9"), CAMPAIGN_ENOTFOUND,
	      "no grading model \"matrix-5x5@9\"");
}

/* ---- column types ---- */

/* Every column declared int holds an integer, every date a date. */
static void check_types(campaign_cursor *c)
{
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		for (int i = 0; i < campaign_cursor_column_count(c); i++) {
			const char *v = campaign_cursor_text(c, i);
			int t = campaign_cursor_column_type(c, i);
			if (!v)
				continue;
			if (t == CAMPAIGN_COLUMN_INT) {
				char *end;
				(void)strtoll(v, &end, 10);
				if (*end || end == v)
					fprintf(stderr, "column %s is int but holds \"%s\"\n", campaign_cursor_column_name(c, i), v);
				assert_true(*end == '\0' && end != v);
			} else if (t == CAMPAIGN_COLUMN_DATE) {
				if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
					fprintf(stderr, "column %s is a date but holds \"%s\"\n", campaign_cursor_column_name(c, i), v);
				assert_true(strlen(v) == 10 && v[4] == '-' && v[7] == '-');
			}
		}
	campaign_cursor_free(c);
}

static void test_column_types(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_buf *pub = NULL;
	assert_int_equal(campaign_risk_register_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/risk/register.csv", NULL,
	                                               "office"),
	                 13);
	ok(t_control_add(NULL, db, NULL, "C1", "LS-R01", "monitoring", "电子监察", NULL, "in_place",
	                 "2010-12-01", "likelihood=-1", "office"));
	/* the grade stays 一级 at (3, 5), the residual inputs follow the control */
	expect_col(db, "LS-R01", "grade", "1");
	ok(campaign_risk_grades_query(&c, db, NULL, "LS-R01"));
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (campaign_cursor_int(c, campaign_cursor_column_index(c, "current")))
			assert_string_equal(campaign_cursor_get(c, "residual_inputs"), "impact=5,likelihood=3");
	campaign_cursor_free(c);
	ok(campaign_risk_publication_add(&pub, db, NULL, "liyong", "2010-11-25", "office"));
	ok(campaign_risk_publication_approve(db, NULL, campaign_buf_data(pub), "2010-11-26", "office"));
	ok(campaign_risk_publication_publish(db, NULL, campaign_buf_data(pub), "2010-11-30", "office"));
	ok(t_point_override(db, NULL, "LS-R02", "1", "提级", "2010-12-02", "office"));
	ok(campaign_risk_types_query(&c, db));
	check_types(c);
	ok(campaign_risk_models_query(&c, db, NULL));
	check_types(c);
	ok(campaign_risk_model_grades_query(&c, db, NULL, "weighted-factors"));
	check_types(c);
	ok(campaign_risk_model_inputs_query(&c, db, NULL, "weighted-factors"));
	check_types(c);
	ok(campaign_risk_model_inputs_query(&c, db, NULL, NULL));
	check_types(c);
	ok(campaign_risk_points_query(&c, db, NULL, NULL));
	check_types(c);
	ok(campaign_risk_grades_query(&c, db, NULL, NULL));
	check_types(c);
	ok(campaign_risk_point_history_query(&c, db, NULL, "LS-R01"));
	check_types(c);
	ok(campaign_risk_controls_query(&c, db, NULL, NULL));
	check_types(c);
	ok(campaign_risk_coverage_query(&c, db, NULL));
	check_types(c);
	ok(campaign_risk_publications_query(&c, db, NULL, NULL));
	check_types(c);
	ok(campaign_risk_publication_query(&c, db, NULL, NULL, NULL));
	check_types(c);
	ok(campaign_risk_warnings_query(&c, db, NULL, "2011-06-01"));
	check_types(c);
	ok(campaign_risk_distribution_query(&c, db, NULL));
	check_types(c);
	ok(campaign_risk_heatmap_query(&c, db, NULL, NULL, 1));
	check_types(c);
	campaign_buf_free(pub);
}

/* ---- indexes ---- */

static const char *const risk_queries_sql[] = {
	"SELECT * FROM risk_point WHERE campaign = 1 ORDER BY unit, id",
	"SELECT * FROM risk_point WHERE campaign = 1 AND unit = 2 ORDER BY id",
	"SELECT * FROM risk_point WHERE unit = 2 AND status = 'active'",
	"SELECT * FROM risk_point WHERE id = 'x'",
	"SELECT * FROM risk_assessment WHERE point = 'x' ORDER BY recorded_at, id",
	"SELECT * FROM risk_point_history WHERE point = 'x' ORDER BY recorded_at, id",
	"SELECT * FROM risk_control WHERE point = 'x' AND line = 'prevention' AND status <> 'retired'",
	"SELECT * FROM risk_control WHERE campaign = 1 AND status = 'planned' AND due_on < '2011-01-01'",
	"SELECT * FROM risk_publication WHERE unit = 1 AND status = 'published' AND published_on <= '2011-01-01' "
	"ORDER BY published_on DESC",
	"SELECT * FROM risk_publication_item WHERE publication = 'x' ORDER BY no",
	"SELECT * FROM risk_publication_item WHERE point = 'x'",
	"SELECT * FROM risk_model WHERE campaign = 1 AND id = 'm' ORDER BY version DESC",
	"SELECT * FROM risk_grade WHERE model = 1 ORDER BY rank",
	"SELECT * FROM risk_model_cell WHERE model = 1",
	"SELECT * FROM risk_model_input WHERE model = 1 ORDER BY ord",
	"SELECT * FROM risk_assessment WHERE model = 1",
	"SELECT p.id, g.label FROM risk_point p JOIN risk_assessment a ON a.id = p.assessment "
	"JOIN risk_grade g ON g.rid = a.grade WHERE p.campaign = 1 AND p.status = 'active'",
};
static const char *const risk_queries_tables[] = {"risk_point", "risk_assessment", "risk_point_history", "risk_control",
                                                  "risk_publication", "risk_publication_item", "risk_model", "risk_grade",
                                                  "risk_model_cell", "risk_model_input", "risk_point_confidential", NULL};
static const hot_queries risk_queries = HOT_QUERIES(risk_queries_sql, risk_queries_tables, 0);

TEST_MAIN("risk",
          STORE_TEST(test_matrix_every_cell, open_models),
          STORE_TEST(test_weighted_thresholds, open_models),
          STORE_TEST(test_criteria_and_override_criterion, open_models),
          STORE_TEST(test_residual_after_controls, open_models),
          STORE_TEST(test_model_change_regrades_with_history, open_models),
          STORE_TEST(test_override_needs_reason, open_models),
          STORE_TEST(test_publication_has_no_confidential_field, open_models),
          STORE_TEST(test_warnings_on_a_date, open_models),
          STORE_TEST(test_distribution_and_heatmap, open_models),
          STORE_TEST(test_import_bad_row_writes_nothing, open_models),
          STORE_TEST(test_bad_models, open_seed),
          STORE_TEST(test_register_history, open_models),
          STORE_TEST(test_failed_calls_leave_no_trace, open_models),
          STORE_TEST(test_refusals_logged_once, open_models),
          STORE_TEST(test_options_structs, open_models),
          STORE_TEST(test_models_query_and_default, open_models),
          STORE_TEST(test_column_types, open_models),
          cmocka_unit_test_prestate(test_hot_queries_indexed, (void *)&risk_queries))
