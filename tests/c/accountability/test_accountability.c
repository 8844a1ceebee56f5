/* Accountability on the seed plan: people and posts, conduct evaluations,
 * each rule kind on its boundary, the look-back in two steps, tours,
 * rotation, decisions and actions, the confidential record, determinism,
 * and the query plans of the rule kinds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"
#include <sqlite3.h>

#define FIVE CAMPAIGN_SOURCE_DIR "/examples/catalogues/five-behaviours.yaml"
#define TEN CAMPAIGN_SOURCE_DIR "/examples/catalogues/ten-categories.yaml"
#define PEOPLE CAMPAIGN_SOURCE_DIR "/examples/people/leshan-2010-people.yaml"
#define RULES CAMPAIGN_SOURCE_DIR "/examples/rules/leshan-2010.yaml"
#define ACC_DATA(f) CAMPAIGN_SOURCE_DIR "/tests/data/accountability/" f

/* The options of each write, as compound literals of the current version. */
#define POST(...) OPTIONS_OF(post_add, CAMPAIGN_POST_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define PERSON(...) OPTIONS_OF(person_add, CAMPAIGN_PERSON_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define HOLDING(...) OPTIONS_OF(post_assign, CAMPAIGN_POST_ASSIGN_OPTIONS_VERSION, __VA_ARGS__)
#define DISCIPLINE(...) OPTIONS_OF(person_discipline_add, CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define SCORE(...) OPTIONS_OF(evaluation_add, CAMPAIGN_EVALUATION_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define TOURS(...) OPTIONS_OF(tour_add, CAMPAIGN_TOUR_ADD_OPTIONS_VERSION, __VA_ARGS__)
#define VISIT(...) OPTIONS_OF(tour_record, CAMPAIGN_TOUR_RECORD_OPTIONS_VERSION, __VA_ARGS__)
#define DECISION(...) OPTIONS_OF(proposal_decide, CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, __VA_ARGS__)
#define EVENT(...) OPTIONS_OF(action_update, CAMPAIGN_ACTION_UPDATE_OPTIONS_VERSION, __VA_ARGS__)

static const char *const COUNTIES[] = {"shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei", "jingyan",
                                       "jiajiang", "muchuan", "ebian", "mabian", "emeishan"};

/* The seed plan with the catalogues and the sample people. */
static campaign_db *open_people(void)
{
	campaign_db *db = open_seed();
	assert_true(campaign_catalogue_import_file(db, NULL, FIVE, "tester") > 0);
	assert_true(campaign_catalogue_import_file(db, NULL, TEN, "tester") > 0);
	if (campaign_people_import_file(db, NULL, PEOPLE, NULL, "tester"))
		fprintf(stderr, "%s\n", campaign_error_message());
	assert_int_equal(campaign_people_import_file(db, NULL, PEOPLE, NULL, "tester"), CAMPAIGN_OK);
	return db;
}

/* Imports one rule (YAML mapping lines, indented by four) as rule set "t". */
static void one_rule(campaign_db *db, const char *rule)
{
	char yaml[4096];
	int rc;
	snprintf(yaml, sizeof yaml, "format: 1\nruleset: {id: t, name: test}\nrules:\n  - id: r\n%s", rule);
	rc = campaign_rules_import_string(db, NULL, yaml, "t.yaml", "tester");
	if (rc < 0)
		fprintf(stderr, "%s\n", campaign_error_message());
	assert_true(rc > 0);
}

static int evaluate(campaign_db *db, const char *as_of)
{
	int rc = campaign_accountability_evaluate(db, NULL, as_of, "tester");
	if (rc < 0)
		fprintf(stderr, "evaluate: %s\n", campaign_error_message());
	assert_true(rc >= 0);
	return rc;
}

/* The proposals as "action unit person" lines (NULL: "-"), in order. */
static char *proposals(campaign_db *db, const char *rule)
{
	campaign_cursor *c;
	size_t n = 0;
	char *s = calloc(1, 1);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		char line[512];
		const char *u = campaign_cursor_get(c, "unit"), *p = campaign_cursor_get(c, "person");
		if (rule && strcmp(rule, campaign_cursor_get(c, "rule")))
			continue;
		snprintf(line, sizeof line, "%s %s %s\n", campaign_cursor_get(c, "action"), u ? u : "-", p ? p : "-");
		s = realloc(s, n + strlen(line) + 1);
		memcpy(s + n, line, strlen(line) + 1);
		n += strlen(line);
	}
	campaign_cursor_free(c);
	return s;
}

static void expect_proposals(campaign_db *db, const char *want)
{
	char *got = proposals(db, NULL);
	if (strcmp(got, want))
		fprintf(stderr, "got:\n%swant:\n%s", got, want);
	assert_string_equal(got, want);
	free(got);
}

/* Column @col of the first proposal. */
static char *first_proposal(campaign_db *db, const char *col)
{
	campaign_cursor *c;
	char *v;
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	v = campaign_cursor_get(c, col) ? strdup(campaign_cursor_get(c, col)) : NULL;
	campaign_cursor_free(c);
	return v;
}

/* ---- the options structs ---- */

/* NULL options and an unknown version are refused, naming the call, and write nothing. */
static void test_options(void **state)
{
	campaign_db *db = *state;
	campaign_post_add_options post = CAMPAIGN_POST_ADD_OPTIONS_INIT;
	INIT_OPTIONS(person_add, CAMPAIGN_PERSON_ADD_OPTIONS_VERSION, person);
	INIT_OPTIONS(post_assign, CAMPAIGN_POST_ASSIGN_OPTIONS_VERSION, holding);
	INIT_OPTIONS(person_discipline_add, CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_VERSION, discipline);
	INIT_OPTIONS(evaluation_add, CAMPAIGN_EVALUATION_ADD_OPTIONS_VERSION, score);
	INIT_OPTIONS(tour_add, CAMPAIGN_TOUR_ADD_OPTIONS_VERSION, tours);
	INIT_OPTIONS(tour_record, CAMPAIGN_TOUR_RECORD_OPTIONS_VERSION, visit);
	INIT_OPTIONS(proposal_decide, CAMPAIGN_PROPOSAL_DECIDE_OPTIONS_VERSION, decision);
	INIT_OPTIONS(action_update, CAMPAIGN_ACTION_UPDATE_OPTIONS_VERSION, event);
	campaign_buf *id = NULL;
	campaign_cursor *c;
	assert_int_equal(post.version, CAMPAIGN_POST_ADD_OPTIONS_VERSION);
	assert_null(post.id);
	assert_int_equal(campaign_post_add_options_init(NULL, CAMPAIGN_POST_ADD_OPTIONS_VERSION), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_post_add_options_init(&post, 99), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_post_add_options_init: unknown version 99 (this library knows 1)");
	assert_int_equal(campaign_post_add_options_init(&post, CAMPAIGN_POST_ADD_OPTIONS_VERSION), CAMPAIGN_OK);
	assert_int_equal(campaign_tour_add_options_init(&tours, 0), CAMPAIGN_EINVALID);
	/* NULL options */
	assert_int_equal(campaign_post_add(db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_post_add_options is NULL (initialise it with its _INIT or _init())");
	assert_int_equal(campaign_person_add(&id, db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_null(id);
	assert_int_equal(campaign_post_assign(db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_person_discipline_add(&id, db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_null(id);
	assert_int_equal(campaign_evaluation_add(db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_tour_add(db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_tour_add_options is NULL (initialise it with its _INIT or _init())");
	assert_int_equal(campaign_tour_record(db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_proposal_decide(db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_action_update(db, NULL, NULL, "tester"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "campaign_action_update_options is NULL (initialise it with its _INIT or _init())");
	/* an unknown version: a valid post otherwise, and nothing is written */
	post = (campaign_post_add_options){2, "caiwu.new", "caiwu", "新岗", NULL, 0, 0};
	assert_int_equal(campaign_post_add(db, NULL, &post, "tester"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "campaign_post_add_options: unknown version 2 (this library knows 1)");
	assert_int_equal(count_query(campaign_posts_query(&c, db, NULL, NULL), &c), 17);
	post.version = CAMPAIGN_POST_ADD_OPTIONS_VERSION;
	assert_int_equal(campaign_post_add(db, NULL, &post, "tester"), CAMPAIGN_OK);
	assert_int_equal(count_query(campaign_posts_query(&c, db, NULL, NULL), &c), 18);
	score.version = 7;
	assert_int_equal(campaign_evaluation_add(db, NULL, &score, "tester"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(),
	                    "campaign_evaluation_add_options: unknown version 7 (this library knows 1)");
}

/* ---- people and posts ---- */

static void test_people_and_posts(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_buf *id = NULL;
	assert_int_equal(count_query(campaign_people_query(&c, db, NULL, NULL), &c), 17);
	assert_int_equal(count_query(campaign_posts_query(&c, db, NULL, NULL), &c), 17);
	assert_int_equal(count_query(campaign_post_holdings_query(&c, db, NULL, "caiwu.p1"), &c), 1);
	/* the leading group's members are people; 张雷 is one already */
	assert_int_equal(campaign_people_from_bodies(db, NULL, "tester"), 8);
	assert_int_equal(campaign_people_from_bodies(db, NULL, "tester"), 0);
	assert_int_equal(campaign_people_query(&c, db, NULL, "city"), CAMPAIGN_OK);
	EXPECT_ROW(c, "name", "余小林", "body_role", "副组长");
	campaign_cursor_free(c);
	assert_int_equal(campaign_people_query(&c, db, NULL, "jiancha"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "name"), "张雷")) {
			EXPECT_COLUMNS(c, "id", "jiancha.p1", "body_role", "主任", "posts", "监察室主任");
		}
	campaign_cursor_free(c);
	/* errors change nothing */
	assert_int_equal(campaign_person_add(&id, db, NULL, PERSON("x", "某", "nowhere", NULL), "tester"),
	                 CAMPAIGN_ENOTFOUND);
	assert_string_equal(campaign_error_message(), "unknown unit \"nowhere\"");
	assert_null(id);
	assert_int_equal(campaign_post_add(db, NULL, POST("p", "caiwu", "岗", NULL, 1, 0), "tester"), CAMPAIGN_EINVALID);
	assert_int_equal(campaign_post_assign(db, NULL,
	                                      HOLDING("caiwu.p1", "caiwu.budget", "2011-01-01", "2010-01-01"), "tester"),
	                 CAMPAIGN_EINVALID);
	assert_int_equal(campaign_post_leave(db, NULL, "caiwu.p1", "caiwu.budget", "2011-01-01", "tester"),
	                 CAMPAIGN_ENOTFOUND);
	assert_int_equal(count_query(campaign_people_query(&c, db, NULL, NULL), &c), 25);
	assert_int_equal(campaign_person_add(&id, db, NULL, PERSON(NULL, "样例新人", "caiwu", "2030-01-01"), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(strlen(campaign_buf_data(id)), 36);
	campaign_buf_free(id);
	assert_int_equal(campaign_post_leave(db, NULL, "caiwu.p1", "caiwu.head", "2011-03-31", "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_post_holdings_query(&c, db, NULL, "caiwu.p1"), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "end_on"), "2011-03-31");
	campaign_cursor_free(c);
	/* a bad people file: position and nothing written */
	assert_int_equal(campaign_people_import_file(db, NULL, ACC_DATA("people-bad.yaml"), NULL, "tester"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), CAMPAIGN_SOURCE_DIR "/tests/data/accountability/people-bad.yaml:7:9: "
	                                              "no post with id \"nope\"");
	assert_int_equal(count_query(campaign_people_query(&c, db, NULL, NULL), &c), 26);
}

/* ---- conduct evaluations ---- */

static void test_evaluation_ranking_ties(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	const char *scores[] = {"90", "80", "80", "70.5"};
	const int rank[] = {1, 2, 2, 4}, bottom[] = {4, 2, 2, 1};
	int i = 0;
	for (int k = 0; k < 4; k++)
		assert_int_equal(campaign_evaluation_add(db, NULL,
		                                         SCORE(2010, "全年", COUNTIES[k], scores[k], "2011-01-20", NULL),
		                                         "tester"),
		                 CAMPAIGN_OK);
	assert_int_equal(campaign_evaluation_ranking_query(&c, db, NULL, 2010, NULL, "counties"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		assert_string_equal(campaign_cursor_get(c, "unit"), COUNTIES[i]);
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "rank")), rank[i]);
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "rank_from_bottom")), bottom[i]);
		assert_int_equal(campaign_cursor_int(c, campaign_cursor_column_index(c, "units")), 4);
		i++;
	}
	campaign_cursor_free(c);
	assert_int_equal(i, 4);
	assert_int_equal(campaign_evaluation_add(db, NULL,
	                                         SCORE(2010, "全年", "shizhong", "1000.5", "2011-01-20", NULL), "tester"),
	                 CAMPAIGN_EINVALID);
	/* bulk: CSV and YAML, all or nothing */
	assert_int_equal(campaign_evaluations_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/people/evaluations-2010.csv", NULL,
	                                             "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(count_query(campaign_evaluation_ranking_query(&c, db, NULL, 2010, "全年", NULL), &c), 11);
	assert_int_equal(campaign_evaluations_import_file(db, NULL, ACC_DATA("evaluations-bad.csv"), NULL, "tester"),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), CAMPAIGN_SOURCE_DIR "/tests/data/accountability/evaluations-bad.csv:4:9: "
	                                              "row 3: unknown unit \"nowhere\"");
	assert_int_equal(campaign_error_line(), 4);
	assert_int_equal(campaign_evaluations_import_file(db, NULL, ACC_DATA("evaluations.yaml"), NULL, "tester"), CAMPAIGN_OK);
	assert_int_equal(count_query(campaign_evaluation_ranking_query(&c, db, NULL, 2011, NULL, NULL), &c), 3);
	assert_int_equal(count_query(campaign_evaluation_ranking_query(&c, db, NULL, 2012, NULL, NULL), &c), 0);
}

/* ---- rule kinds on their boundaries ---- */

static void scores(campaign_db *db, const char *const *s)
{
	for (int k = 0; k < 11; k++)
		assert_int_equal(campaign_evaluation_add(db, NULL,
		                                         SCORE(2010, "全年", COUNTIES[k], s[k], "2011-01-20", NULL), "tester"),
		                 CAMPAIGN_OK);
}

static void test_evaluation_bottom(void **state)
{
	static const char *const s[] = {"92", "88", "90", "85", "79.5", "91", "86", "83", "80", "80", "89"};
	campaign_db *db = open_people();
	char *v;
	(void)state;
	scores(db, s);
	one_rule(db, "    kind: evaluation_bottom\n    n: 1\n    group: counties\n");
	assert_int_equal(evaluate(db, "2011-01-19"), 0); /* not given yet */
	assert_int_equal(evaluate(db, "2011-01-20"), 1);
	expect_proposals(db, "interview qianwei qianwei.p1\n");
	v = first_proposal(db, "reason");
	assert_string_equal(v, "犍为县国土资源局在2010年全年行风评议中得分79.50,在11个单位中排名第11(倒数第1),"
	                       "评价较差、排名靠后(倒数1名以内):由上一级国土资源部门党委(组)约谈单位主要负责人样例某戊,"
	                       "被约谈单位党组织于2011-02-19前作出书面说明");
	free(v);
	v = first_proposal(db, "due_on");
	assert_string_equal(v, "2011-02-19");
	free(v);
	v = first_proposal(db, "evidence");
	assert_memory_equal(v, "conduct_evaluation:", 19);
	free(v);
	/* n = 2: the second from the bottom is a tie of two, both are in */
	one_rule(db, "    kind: evaluation_bottom\n    n: 2\n    group: counties\n");
	assert_int_equal(evaluate(db, "2011-01-20"), 2);
	expect_proposals(db, "interview qianwei qianwei.p1\ninterview ebian ebian.p1\ninterview mabian mabian.p1\n");
	campaign_close(db);
	/* n = 3 takes no more than n = 2 would with the tie; percent 10 of 11 is 2 */
	db = open_people();
	scores(db, s);
	one_rule(db, "    kind: evaluation_bottom\n    percent: 10\n");
	assert_int_equal(evaluate(db, "2011-06-01"), 3);
	campaign_close(db);
}

static void test_behaviour_finding(void **state)
{
	campaign_db *db = *state;
	char *v;
	one_rule(db, "    kind: behaviour_finding\n    catalogue: five-behaviours\n");
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F1", "mabian", "five-behaviours/b5",
	                                                              "investigated", "样例某癸", "挪用土地整治项目资金", NULL,
	                                                              "2010-11-20", NULL), "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F2", "ebian", "ten-categories/c10",
	                                                              "investigated", "样例某壬", "设小金库", NULL,
	                                                              "2010-11-20", NULL), "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F3", "muchuan", "five-behaviours/b1",
	                                                              "investigated", "不知名", "违反程序", NULL, "2010-12-02",
	                                                              NULL), "tester"), CAMPAIGN_OK);
	assert_int_equal(evaluate(db, "2010-11-19"), 0);
	assert_int_equal(evaluate(db, "2010-12-01"), 1);
	expect_proposals(db, "suspension mabian mabian.p1\n");
	v = first_proposal(db, "reason");
	assert_string_equal(v, "马边彝族自治县国土资源局样例某癸存在“在项目实施和资金使用中违规操作、弄虚作假”行为"
	                       "(问题F1,2010-11-20发现):按照方案二(二)3,应先停职,并按有关规定和程序予以处理");
	free(v);
	v = first_proposal(db, "evidence");
	assert_string_equal(v, "finding:F1");
	free(v);
	/* a finding naming nobody on record proposes for the unit, with the names written */
	assert_int_equal(evaluate(db, "2010-12-02"), 1);
	expect_proposals(db, "suspension mabian mabian.p1\nsuspension muchuan -\n");
}

static void overdue_rectifications(campaign_db *db, int n)
{
	for (int i = 0; i < n; i++) {
		char fid[16], rid[16];
		snprintf(fid, sizeof fid, "F%d", i);
		snprintf(rid, sizeof rid, "R%d", i);
		assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING(fid, "shawan", NULL, "self_reported",
		                                                              NULL, "问题", NULL, "2010-11-01", NULL),
		                                      "tester"), CAMPAIGN_OK);
		assert_int_equal(campaign_rectification_add(NULL, db, NULL, RECTIFICATION(rid, fid, NULL, "整改",
		                                                                          "2011-01-31", "样例某乙", "到位"),
		                                            "tester"), CAMPAIGN_OK);
	}
}

static void test_rectification_overdue_boundary(void **state)
{
	campaign_db *db = *state;
	char *v;
	one_rule(db, "    kind: rectification_overdue\n    more_than: 3\n");
	overdue_rectifications(db, 3);
	assert_int_equal(evaluate(db, "2011-03-01"), 0); /* K = 3 overdue: not more than 3 */
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F3", "shawan", NULL, "self_reported", NULL, "问题",
	                                                              NULL, "2010-11-01", NULL), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_rectification_add(NULL, db, NULL, RECTIFICATION("R3", "F3", NULL, "整改", "2011-01-31",
	                                                                          "样例某乙", "到位"), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(evaluate(db, "2011-01-31"), 0); /* the deadline day is not overdue */
	assert_int_equal(evaluate(db, "2011-03-01"), 1); /* K + 1 */
	expect_proposals(db, "leadership_adjustment shawan shawan.p1\n");
	v = first_proposal(db, "evidence");
	assert_string_equal(v, "rectification:R0,rectification:R1,rectification:R2,rectification:R3");
	free(v);
}

static void lead(campaign_db *db, const char *unit, const char *date)
{
	assert_int_equal(campaign_case_lead_add(NULL, db, NULL, CASE_LEAD(NULL, NULL, unit, date, "线索", NULL, NULL),
	                                        "tester"), CAMPAIGN_OK);
}

static void test_case_count_period(void **state)
{
	campaign_db *db = *state;
	one_rule(db, "    kind: case_count\n    at_least: 2\n    from: 2010-10-01\n    to: 2010-12-31\n");
	lead(db, "jingyan", "2010-09-30"); /* before the period */
	lead(db, "jingyan", "2010-10-01");
	lead(db, "jingyan", "2011-01-01"); /* after it */
	lead(db, "jiajiang", "2010-10-15");
	assert_int_equal(evaluate(db, "2011-02-01"), 0); /* one case in the period */
	lead(db, "jingyan", "2010-12-31");
	assert_int_equal(evaluate(db, "2010-12-30"), 0); /* not yet received */
	assert_int_equal(evaluate(db, "2011-02-01"), 1);
	expect_proposals(db, "accountability jingyan jingyan.p1\n");
}

static void test_concealment_and_refusal(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	one_rule(db, "    kind: concealment\n    grace_days: 5\n");
	assert_int_equal(campaign_inspection_round_add(db, NULL, ROUND("self", NULL, "counties", "2010-10-15",
	                                                               "2010-12-20", "2010-12-20"), "tester"),
	                 CAMPAIGN_OK);
	for (int k = 0; k < 11; k++) {
		char round[64];
		snprintf(round, sizeof round, "self/%s", COUNTIES[k]);
		if (strcmp(COUNTIES[k], "muchuan") && strcmp(COUNTIES[k], "ebian"))
			assert_int_equal(campaign_inspection_round_submit(db, NULL, ROUND_SUBMIT(round, "2010-12-18",
			                                                                         NULL, NULL), "tester"),
			                 CAMPAIGN_OK);
	}
	/* ebian reports within the grace days */
	assert_int_equal(campaign_inspection_round_submit(db, NULL, ROUND_SUBMIT("self/ebian", "2010-12-25", NULL,
	                                                                         NULL), "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F1", "emeishan", NULL, "self_reported", "样例某子",
	                                                              "隐瞒", NULL, "2010-11-05", NULL), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(evaluate(db, "2010-12-25"), 0);
	assert_int_equal(evaluate(db, "2010-12-26"), 1); /* muchuan: no report by 12-20 + 5 days */
	assert_int_equal(campaign_finding_flag(db, NULL, FINDING_FLAG("F1", "concealment", "2010-12-30", NULL),
	                                       "tester"), CAMPAIGN_OK);
	assert_int_equal(evaluate(db, "2010-12-29"), 0);
	assert_int_equal(evaluate(db, "2010-12-30"), 1);
	expect_proposals(db, "strict_accountability muchuan muchuan.p1\nstrict_accountability emeishan emeishan.p1\n");
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, "emeishan"), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "reason"), "峨眉山市国土资源局样例某子在问题F1中存在掩盖问题行为:"
	                                                      "按照工作要求(二),实施严格的责任追究");
	campaign_cursor_free(c);
}

/* ---- the look-back ---- */

static int red_shares(campaign_db *db, const char *as_of)
{
	campaign_cursor *c;
	int n = 0;
	assert_int_equal(campaign_share_status_query(&c, db, NULL, as_of), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		/* the look-back is about outcome shares; milestone shares are listed too */
		n += !strcmp(campaign_cursor_get(c, "color"), "red") && !strcmp(campaign_cursor_get(c, "kind"), "outcome");
	campaign_cursor_free(c);
	return n;
}

static void test_lookback_two_steps(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int remedial, n;
	char *v;
	one_rule(db, "    kind: lookback\n    from: 2011-07-01\n    remedial_days: 30\n");
	campaign_progress_report_add_options r = {.version = CAMPAIGN_PROGRESS_REPORT_ADD_OPTIONS_VERSION,
	                                          .outcome = "t2.1.o1", .unit = "jiancha", .status = "done",
	                                          .percent = 100, .date = "2010-11-25"};
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "tester"), CAMPAIGN_OK);
	assert_int_equal(evaluate(db, "2011-06-30"), 0); /* the look-back has not begun */
	remedial = evaluate(db, "2011-07-01");
	assert_int_equal(remedial, red_shares(db, "2011-07-01"));
	assert_true(remedial > 20);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, "emeishan"), CAMPAIGN_OK);
	EXPECT_ROW(c, "action", "remedial_work", "due_on", "2011-07-31", "evidence", "outcome_share:t2.2.o4@emeishan",
	           "person", "emeishan.p1");
	campaign_cursor_free(c);
	/* one share is done by the new deadline; one remedial work is rejected */
	r.outcome = "t2.2.o4";
	r.unit = "emeishan";
	r.date = "2011-07-31";
	assert_int_equal(campaign_progress_report_add(NULL, db, NULL, &r, "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, "mabian"), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	v = strdup(campaign_cursor_get(c, "id"));
	campaign_cursor_free(c);
	assert_int_equal(campaign_proposal_decide(db, NULL,
	                                          DECISION(v, "reject", NULL, NULL, "已另行处理", "2011-07-05"), "tester"),
	                 CAMPAIGN_OK);
	free(v);
	assert_int_equal(evaluate(db, "2011-07-31"), 0); /* the new deadline has not passed */
	n = evaluate(db, "2011-08-01");
	assert_int_equal(n, remedial - 2);
	assert_int_equal(count_query(campaign_proposals_query(&c, db, NULL, NULL, "emeishan"), &c), 1);
	assert_int_equal(count_query(campaign_proposals_query(&c, db, NULL, NULL, "mabian"), &c), 1);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, "shizhong"), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "action"), "accountability");
	assert_non_null(campaign_cursor_get(c, "parent"));
	assert_string_equal(campaign_cursor_get(c, "reason"), "市中区分局经“回头看”责令“补课”(outcome:t2.2.o4),"
	                                                      "至2011-07-31仍未完成,存在问题整改仍不到位:对单位主要负责人样例某甲实行问责");
	campaign_cursor_free(c);
	assert_int_equal(evaluate(db, "2011-09-01"), 0);
}

/* ---- tours ---- */

static void test_tours(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	campaign_buf *fid = NULL;
	int i = 0;
	assert_int_equal(campaign_tour_add(db, NULL, TOURS(2011, "counties", "2011-03-01", "2011-11-30"), "tester"), 11);
	assert_int_equal(campaign_tour_add(db, NULL, TOURS(2011, "counties", "2011-03-01", "2011-11-30"), "tester"), 0);
	assert_int_equal(campaign_tour_add(db, NULL, TOURS(2011, "counties", "2011-12-01", "2011-11-30"), "tester"),
	                 CAMPAIGN_EINVALID);
	for (int k = 0; k < 11; k++) {
		char date[11];
		if (!strcmp(COUNTIES[k], "jiajiang"))
			continue;
		snprintf(date, sizeof date, "2011-%02d-10", 3 + k * 8 / 10);
		assert_int_equal(campaign_tour_record(db, NULL, VISIT(COUNTIES[k], date, "巡视组样例组长", NULL), "tester"),
		                 CAMPAIGN_OK);
	}
	assert_int_equal(campaign_tour_record(db, NULL, VISIT("shizhong", "2011-05-01", NULL, NULL), "tester"),
	                 CAMPAIGN_ECONFLICT);
	assert_int_equal(campaign_tour_finding_add(&fid, db, NULL, TOUR_FINDING("TF1", "mabian", "ten-categories/c7",
	                                                                        "样例某癸", "执法监察中滥用自由裁量权", NULL,
	                                                                        "2011-10-12"), "tester"), CAMPAIGN_OK);
	assert_string_equal(campaign_buf_data(fid), "TF1");
	campaign_buf_free(fid);
	assert_int_equal(campaign_tour_finding_add(NULL, db, NULL, TOUR_FINDING(NULL, "jiajiang", NULL, NULL, "x", NULL,
	                                                                        "2011-09-12"), "tester"),
	                 CAMPAIGN_ENOTFOUND);
	assert_int_equal(campaign_findings_query(&c, db, NULL, NULL, "TF1"), CAMPAIGN_OK);
	EXPECT_ROW(c, "origin", "inspection_tour", "leniency", "strict");
	campaign_cursor_free(c);
	/* the 2011 schedule lists the 11 county bureaus; jiajiang is flagged once the year is over */
	assert_int_equal(campaign_tours_query(&c, db, NULL, 2011, "counties", "2012-01-01"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		assert_string_equal(campaign_cursor_get(c, "unit"), COUNTIES[i]);
		assert_string_equal(campaign_cursor_get(c, "status"), strcmp(COUNTIES[i], "jiajiang") ? "done" : "missing");
		if (i == 0)
			assert_string_equal(campaign_cursor_get(c, "planned_on"), "2011-03-01");
		if (i == 10)
			assert_string_equal(campaign_cursor_get(c, "planned_on"), "2011-11-30");
		if (!strcmp(COUNTIES[i], "mabian"))
			assert_string_equal(campaign_cursor_get(c, "findings"), "1");
		i++;
	}
	campaign_cursor_free(c);
	assert_int_equal(i, 11);
	one_rule(db, "    kind: tour_missing\n    group: counties\n    first_year: 2011\n");
	assert_int_equal(evaluate(db, "2011-12-31"), 0);
	assert_int_equal(evaluate(db, "2012-01-01"), 1);
	expect_proposals(db, "inspection_tour jiajiang -\n");
}

/* ---- rotation ---- */

static void test_tenure_boundary(void **state)
{
	campaign_db *db = open_people();
	campaign_cursor *c;
	(void)state;
	/* 耕保科 样例耕一: projects since 2006-07-01 */
	one_rule(db, "    kind: key_post_tenure\n    years: 5\n    kinds: [projects]\n");
	assert_int_equal(evaluate(db, "2011-06-30"), 0);
	assert_int_equal(evaluate(db, "2011-07-01"), 1);
	expect_proposals(db, "rotation gengbao gengbao.p1\n");
	assert_int_equal(campaign_tenure_query(&c, db, NULL, "2011-07-01"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(c, "person"), "gengbao.p1")) {
			assert_string_equal(campaign_cursor_get(c, "since"), "2006-07-01");
			assert_string_equal(campaign_cursor_get(c, "years"), "5");
		}
	campaign_cursor_free(c);
	campaign_close(db);

	/* deferrals: near retirement; a new post in the same run under 2 years ago */
	db = open_people();
	one_rule(db, "    kind: key_post_tenure\n    kinds: [budget]\n    defer_near_retirement_years: 2\n"
	             "    defer_in_post_under_years: 2\n");
	/* 样例财二 (budget since 2004, retires 2012-01-31) is deferred; 样例财一 (since 2005) is due */
	assert_int_equal(evaluate(db, "2011-01-01"), 1);
	expect_proposals(db, "rotation caiwu caiwu.p1\n");
	campaign_close(db);

	db = open_people();
	one_rule(db, "    kind: key_post_tenure\n    kinds: [budget]\n    defer_in_post_under_years: 2\n");
	/* 样例财一 moves to another budget post the day after leaving: the same run, a new post */
	assert_int_equal(campaign_post_leave(db, NULL, "caiwu.p1", "caiwu.head", "2010-06-30", "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_post_assign(db, NULL, HOLDING("caiwu.p1", "caiwu.budget", "2010-07-01", NULL), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(evaluate(db, "2011-01-01"), 1);
	expect_proposals(db, "rotation caiwu caiwu.p2\n");
	assert_int_equal(evaluate(db, "2012-07-01"), 1);
	expect_proposals(db, "rotation caiwu caiwu.p2\nrotation caiwu caiwu.p1\n");
	campaign_close(db);

	/* a gap of more than a day starts a new run */
	db = open_people();
	one_rule(db, "    kind: key_post_tenure\n    kinds: [projects]\n");
	assert_int_equal(campaign_post_leave(db, NULL, "gengbao.p1", "gengbao.projects", "2009-12-31", "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_post_assign(db, NULL,
	                                      HOLDING("gengbao.p1", "gengbao.projects", "2010-01-02", NULL), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(evaluate(db, "2011-07-01"), 0);
	campaign_close(db);
}

/* ---- decisions and actions ---- */

static void test_decisions_and_actions(void **state)
{
	static const char *const s[] = {"92", "88", "90", "85", "79.5", "91", "86", "83", "81", "76", "89"};
	campaign_db *db = *state;
	campaign_cursor *c;
	char *id, *action;
	scores(db, s);
	one_rule(db, "    kind: evaluation_bottom\n    n: 2\n    explanation_due: 2011-03-01\n");
	assert_int_equal(evaluate(db, "2011-02-01"), 2);
	id = first_proposal(db, "id");
	assert_int_equal(campaign_proposal_decide(db, NULL, DECISION(id, "reject", NULL, NULL, NULL, "2011-02-02"), "领导"),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "a rejection needs a note giving the reason");
	assert_int_equal(campaign_proposal_decide(db, NULL,
	                                          DECISION(id, "accept", "removal", NULL, NULL, "2011-02-02"), "领导"),
	                 CAMPAIGN_EINVALID);
	assert_int_equal(campaign_proposal_decide(db, NULL, DECISION(id, "accept", NULL, NULL, "同意", "2011-02-02"), "领导"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_proposal_decide(db, NULL, DECISION(id, "reject", NULL, NULL, "不同意", "2011-02-03"), "另一人"),
	                 CAMPAIGN_ECONFLICT);
	assert_true(strstr(campaign_error_message(), "was accepted by 领导 on 2011-02-02") != NULL);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, "accepted", NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "id", id, "decided_by", "领导", "decision_note", "同意");
	action = strdup(campaign_cursor_get(c, "action_id"));
	campaign_cursor_free(c);
	free(id);
	/* the other is modified: a later due date */
	assert_int_equal(campaign_proposals_query(&c, db, NULL, "pending", NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	id = strdup(campaign_cursor_get(c, "id"));
	campaign_cursor_free(c);
	assert_int_equal(campaign_proposal_decide(db, NULL,
	                                          DECISION(id, "modify", NULL, "2011-03-15", "延期说明", "2011-02-02"), "领导"),
	                 CAMPAIGN_OK);
	free(id);
	/* the interview: held, then the written explanation */
	assert_int_equal(campaign_action_update(db, NULL, EVENT(action, "done", "2011-01-01", NULL), "tester"),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "date 2011-01-01 is before the decision (2011-02-02)");
	assert_int_equal(campaign_action_update(db, NULL, EVENT(action, "held", "2011-02-10", "约谈记录"), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_actions_query(&c, db, NULL, "interview", NULL, "2011-03-02"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		assert_string_equal(campaign_cursor_get(c, "status"),
		                    !strcmp(campaign_cursor_get(c, "id"), action) ? "overdue" : "open");
	campaign_cursor_free(c);
	assert_int_equal(campaign_action_update(db, NULL,
	                                        EVENT(action, "explanation_received", "2011-03-02", NULL), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_action_update(db, NULL, EVENT(action, "cancelled", "2011-03-03", NULL), "tester"),
	                 CAMPAIGN_ECONFLICT);
	assert_int_equal(campaign_actions_summary_query(&c, db, NULL, "2011-03-20"), CAMPAIGN_OK);
	{
		int rows = 0, open = 0, overdue = 0, done = 0;
		while (campaign_cursor_next(c) == CAMPAIGN_OK) {
			rows++;
			open += (int)campaign_cursor_int(c, campaign_cursor_column_index(c, "open"));
			overdue += (int)campaign_cursor_int(c, campaign_cursor_column_index(c, "overdue"));
			done += (int)campaign_cursor_int(c, campaign_cursor_column_index(c, "done"));
		}
		assert_int_equal(rows, 2);
		assert_int_equal(open, 1);
		assert_int_equal(overdue, 1);
		assert_int_equal(done, 1);
	}
	campaign_cursor_free(c);
	/* the audit log has the decision with its actor */
	assert_int_equal(campaign_audit_query(&c, db, NULL, "领导", NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "operation"), "proposal.decide");
	campaign_cursor_free(c);
	free(action);
}

/* ---- the confidential record ---- */

static void test_person_record_confidential(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c = NULL;
	int n = 0;
	one_rule(db, "    kind: behaviour_finding\n");
	assert_int_equal(campaign_role_grant(db, "office", "supervision_office", NULL, NULL, "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_role_grant(db, "leader", "leadership", NULL, NULL, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_role_grant(db, "clerk", "unit_clerk", NULL, "mabian", "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_person_discipline_add(NULL, db, NULL,
	                                                DISCIPLINE("mabian.p1", "2009-05-01", "记过", "违规审批", "乐山市纪委"),
	                                                "clerk"),
	                 CAMPAIGN_EPERM);
	assert_int_equal(campaign_person_discipline_add(NULL, db, NULL,
	                                                DISCIPLINE("mabian.p1", "2009-05-01", "记过", "违规审批", "乐山市纪委"),
	                                                "office"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F1", "mabian", "five-behaviours/b5",
	                                                              "investigated", "样例某癸", "挪用资金", NULL,
	                                                              "2010-11-20", NULL), "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_rules_import_string(db, NULL, "format: 1\nruleset: {id: t, name: t}\nrules: []\n",
	                                                   NULL, "clerk"),
	                 CAMPAIGN_EPERM);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-12-01", "office"), 1);
	assert_int_equal(campaign_person_record_query(&c, db, NULL, "mabian.p1", "clerk"), CAMPAIGN_EPERM);
	assert_null(c);
	assert_int_equal(campaign_person_record_query(&c, db, NULL, "mabian.p1", "leader"), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *kind = campaign_cursor_get(c, "kind");
		n++;
		if (!strcmp(kind, "discipline"))
			assert_string_equal(campaign_cursor_get(c, "what"), "记过");
		if (!strcmp(kind, "proposal"))
			assert_string_equal(campaign_cursor_get(c, "what"), "suspension");
	}
	campaign_cursor_free(c);
	assert_int_equal(n, 3);
	/* the read and the refusal are logged; the record's images are masked */
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	{
		int reads = 0, denied = 0, masked = 0;
		while (campaign_cursor_next(c) == CAMPAIGN_OK) {
			const char *op = campaign_cursor_get(c, "operation"), *tbl = campaign_cursor_get(c, "tbl");
			reads += op && !strcmp(op, "person.read_record") && !strcmp(campaign_cursor_get(c, "actor"), "leader");
			denied += op && !strcmp(op, "denied") && !strcmp(campaign_cursor_get(c, "actor"), "clerk");
			if (tbl && !strcmp(tbl, "person_record_confidential")) {
				masked++;
				assert_string_equal(campaign_cursor_get(c, "after"), "(confidential)");
			}
		}
		assert_int_equal(reads, 1);
		assert_int_equal(denied, 3); /* the discipline entry, the rules, the record */
		assert_int_equal(masked, 1);
	}
	campaign_cursor_free(c);
}

/* ---- determinism, on the shipped rules and samples ---- */

static campaign_db *open_scenario(void)
{
	campaign_db *db = open_people();
	assert_int_equal(campaign_evaluations_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/people/evaluations-2010.csv", NULL,
	                                             "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_rules_import_file(db, NULL, RULES, "tester"), 1);
	assert_int_equal(campaign_rules_import_file(db, NULL, RULES, "tester"), 1); /* unchanged */
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F1", "mabian", "five-behaviours/b5",
	                                                              "investigated", "样例某癸", "挪用资金", NULL,
	                                                              "2010-11-20", NULL), "tester"), CAMPAIGN_OK);
	assert_int_equal(campaign_tour_record(db, NULL, VISIT("shizhong", "2010-11-10", NULL, NULL), "tester"),
	                 CAMPAIGN_OK);
	return db;
}

static char *dump_proposals(campaign_db *db)
{
	static const char *const cols[] = {"rule", "ruleset", "version", "kind", "action", "unit", "person", "key",
	                                   "reason", "due_on", "as_of", "status", NULL};
	campaign_cursor *c;
	struct { char *s; size_t n; } d = {calloc(1, 1), 0};
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		for (int i = 0; cols[i]; i++) {
			const char *v = campaign_cursor_get(c, cols[i]);
			size_t k = strlen(v ? v : "-") + 1;
			d.s = realloc(d.s, d.n + k + 1);
			snprintf(d.s + d.n, k + 1, "%s%c", v ? v : "-", cols[i + 1] ? '|' : '\n');
			d.n += k;
		}
	campaign_cursor_free(c);
	return d.s;
}

static void test_determinism(void **state)
{
	campaign_db *a = open_scenario(), *b = open_scenario();
	char *da, *db_, *again;
	int n;
	(void)state;
	n = evaluate(a, "2011-07-01");
	assert_int_equal(evaluate(b, "2011-07-01"), n);
	assert_true(n > 30);
	da = dump_proposals(a);
	db_ = dump_proposals(b);
	assert_string_equal(da, db_);
	assert_int_equal(evaluate(a, "2011-07-01"), 0);
	again = dump_proposals(a);
	assert_string_equal(da, again);
	/* the seed's expectations: one interview, of mabian's head, naming the evaluation */
	assert_non_null(strstr(da, "evaluation-bottom|leshan-2010|1|evaluation_bottom|interview|mabian|mabian.p1|"));
	assert_int_equal(strstr(strstr(da, "|interview|") + 1, "|interview|"), NULL);
	assert_non_null(strstr(da, "five-behaviours|leshan-2010|1|behaviour_finding|suspension|mabian|mabian.p1|"));
	/* 2010's tours: ten of the eleven bureaus were not toured */
	{
		int tours = 0;
		for (const char *p = da; (p = strstr(p, "|tour_missing|")); p++)
			tours++;
		assert_int_equal(tours, 10);
	}
	/* key posts: 样例财一 (2005) and 样例人一 (2003) are due; 样例财二 retires within 2 years */
	EXPECT_HOLDS(da, "|rotation|caiwu|caiwu.p1|", "|rotation|renshi|renshi.p1|", "|rotation|gengbao|gengbao.p1|");
	EXPECT_LACKS(da, "|rotation|caiwu|caiwu.p2|", "|rotation|zhifa|");
	free(da);
	free(db_);
	free(again);
	{
		/* every row written here matches its logged image */
		assert_string_equal(verify_summary(a, NULL, NULL), "");
	}
	campaign_close(a);
	campaign_close(b);
}

TEST_MAIN("accountability",
          STORE_TEST(test_options, open_people),
          STORE_TEST(test_people_and_posts, open_people),
          STORE_TEST(test_evaluation_ranking_ties, open_seed),
          cmocka_unit_test(test_evaluation_bottom),
          STORE_TEST(test_behaviour_finding, open_people),
          STORE_TEST(test_rectification_overdue_boundary, open_people),
          STORE_TEST(test_case_count_period, open_people),
          STORE_TEST(test_concealment_and_refusal, open_people),
          STORE_TEST(test_lookback_two_steps, open_people),
          STORE_TEST(test_tours, open_people),
          cmocka_unit_test(test_tenure_boundary),
          STORE_TEST(test_decisions_and_actions, open_people),
          STORE_TEST(test_person_record_confidential, open_people),
          cmocka_unit_test(test_determinism))
