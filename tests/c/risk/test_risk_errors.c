/* Risk point calls that are refused (issue 18, coverage): bad field values,
 * bad inputs, a retired point graded, confidential reads that cannot be
 * logged; each with its exact code and message, and nothing written (the
 * audit log's entry count unchanged). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define MATRIX CAMPAIGN_SOURCE_DIR "/examples/models/matrix-5x5.yaml"

static long long log_before;

static void expect(campaign_db *db, int rc, int want, const char *message)
{
	refusal_check(rc, want, message);
	assert_int_equal(audit_entries(db), log_before);
}

static void add_point(campaign_db *db, const char *id)
{
	campaign_risk_point_add_options o = CAMPAIGN_RISK_POINT_ADD_OPTIONS_INIT;
	o.id = id, o.unit = "liyong", o.scope = "post", o.scope_name = "采矿权审批", o.type = "process", o.name = "违规审批";
	assert_int_equal(campaign_risk_point_add(NULL, db, NULL, &o, "office"), CAMPAIGN_OK);
}

static int grade(campaign_db *db, const char *point, const char *inputs)
{
	campaign_risk_point_grade_options o = CAMPAIGN_RISK_POINT_GRADE_OPTIONS_INIT;
	o.point = point, o.inputs = inputs, o.date = "2010-12-01";
	return campaign_risk_point_grade(db, NULL, &o, "office");
}

static void test_point_fields(void **state)
{
	campaign_db *db = *state;
	campaign_risk_point_add_options o = CAMPAIGN_RISK_POINT_ADD_OPTIONS_INIT;
	char long_id[140]; /* the id buffer holds 127 bytes */
	add_point(db, "P1");
	log_before = audit_entries(db);
	expect(db, campaign_risk_point_update(db, NULL, "P1", "scope", "office", "office"), CAMPAIGN_EINVALID,
	       "scope \"office\" is not one of post, business, process_step");
	expect(db, campaign_risk_point_update(db, NULL, "P1", "scope", "", "office"), CAMPAIGN_EINVALID,
	       "the scope is required (post, business, process_step)");
	expect(db, campaign_risk_point_update(db, NULL, "P1", "scope_name", NULL, "office"), CAMPAIGN_EINVALID,
	       "the scope name is required");
	expect(db, campaign_risk_point_update(db, NULL, "P1", "status", "gone", "office"), CAMPAIGN_EINVALID,
	       "status \"gone\" is not active or retired");
	expect(db, campaign_risk_point_update(db, NULL, "P1", "status", NULL, "office"), CAMPAIGN_EINVALID,
	       "status \"\" is not active or retired");
	expect(db, campaign_risk_type_add(db, "a b", "类型", "office"), CAMPAIGN_EINVALID,
	       "type id \"a b\": use letters, digits, '_' and '-'");
	memset(long_id, 'p', sizeof long_id - 1);
	long_id[sizeof long_id - 1] = '\0';
	o.id = long_id, o.unit = "liyong", o.scope = "post", o.scope_name = "审批", o.type = "process", o.name = "点";
	{
		char want[200];
		snprintf(want, sizeof want, "id \"%s\" is too long", long_id);
		expect(db, campaign_risk_point_add(NULL, db, NULL, &o, "office"), CAMPAIGN_EINVALID, want);
	}
	o.id = "P2", o.scope = NULL;
	expect(db, campaign_risk_point_add(NULL, db, NULL, &o, "office"), CAMPAIGN_EINVALID,
	       "the scope is required (post, business, process_step)");
	/* a valid change is written: the status, then the retired point cannot be graded */
	assert_int_equal(campaign_risk_point_update(db, NULL, "P1", "status", "retired", "office"), CAMPAIGN_OK);
	log_before = audit_entries(db);
	expect(db, grade(db, "P1", "likelihood=3,impact=3"), CAMPAIGN_ECONFLICT,
	       "risk point \"P1\" is retired and is not graded");
}

static void test_inputs(void **state)
{
	campaign_db *db = *state;
	assert_int_equal(campaign_risk_model_import_file(db, NULL, MATRIX, "office"), 1);
	add_point(db, "P1");
	log_before = audit_entries(db);
	expect(db, grade(db, "P1", "likelihood=9,impact=3"), CAMPAIGN_EINVALID,
	       "likelihood = 9 is outside 1..5 of model \"matrix-5x5@1\"");
	expect(db, grade(db, "P1", "=3"), CAMPAIGN_EINVALID, "inputs: \"=3\" is not name=value");
	expect(db, grade(db, "P1", "likelihood=,impact=3"), CAMPAIGN_EINVALID, "inputs: \"likelihood=\" is not name=value");
	expect(db, grade(db, "P1", "likelihood x"), CAMPAIGN_EINVALID, "inputs: \"likelihood x\" is not name=value");
	expect(db, grade(db, "P1", "likelihood=3x"), CAMPAIGN_EINVALID,
	       "inputs: the value of likelihood, \"3x\", is not a whole number");
	{
		char many[2048] = "";
		for (int i = 0; i < 33; i++)
			snprintf(many + strlen(many), sizeof many - strlen(many), "%sx%d=1", i ? "," : "", i);
		expect(db, grade(db, "P1", many), CAMPAIGN_EINVALID, "too many inputs (at most 32)");
	}
	/* spaces around the parts and a name alone (a yes for a criterion) are read */
	assert_int_equal(grade(db, "P1", "  likelihood = 4 ,\timpact=5  "), CAMPAIGN_OK);
}

static void test_confidential_reads(void **state)
{
	campaign_db *db = *state, *ro;
	campaign_cursor *c;
	char path[256];
	(void)db;
	assert_int_equal(campaign_risk_point_confidential_query(NULL, db, NULL, "P1", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the cursor out-parameter is NULL");
	tmp_store_path(path, sizeof path, "risk-ro.db");
	assert_int_equal(campaign_open(&ro, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(ro, SEED_PLAN, "office", NULL), CAMPAIGN_OK);
	campaign_close(ro);
	assert_int_equal(campaign_open(&ro, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	assert_int_equal(campaign_risk_point_confidential_query(&c, ro, NULL, "P1", "office"), CAMPAIGN_EPERM);
	assert_string_equal(campaign_error_message(), "a confidential read is logged, which a read-only store cannot do");
	assert_int_equal(campaign_person_record_query(NULL, ro, NULL, "p", "office"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "the cursor out-parameter is NULL");
	campaign_close(ro);
	remove_store(path);
}

/* A 2 x 2 model: the 5 x 5 one's stored inputs do not fit it */
static const char SMALL[] = "format: 1\nmodel: {id: small, kind: matrix, name: 小矩阵}\n"
                            "grades:\n  - {id: \"1\", label: 高, owner_level: 一级, review_days: 90, color: red}\n"
                            "  - {id: \"2\", label: 低, owner_level: 二级, review_days: 180, color: blue}\n"
                            "likelihood: [低, 高]\nimpact: [轻, 重]\ncells:\n  - [\"2\", \"2\"]\n  - [\"2\", \"1\"]\n";

static void test_regrade(void **state)
{
	campaign_db *db = *state;
	campaign_risk_point_override_options o = CAMPAIGN_RISK_POINT_OVERRIDE_OPTIONS_INIT;
	campaign_cursor *c;
	assert_int_equal(campaign_risk_model_import_file(db, NULL, MATRIX, "office"), 1);
	add_point(db, "P1");
	assert_int_equal(grade(db, "P1", "likelihood=4,impact=2"), CAMPAIGN_OK);
	o.point = "P1", o.grade = "1", o.reason = "领导决定", o.date = "2010-12-02";
	assert_int_equal(campaign_risk_point_override(db, NULL, &o, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_risk_model_import_string(db, NULL, SMALL, "small.yaml", "office"), 1);
	log_before = audit_entries(db);
	expect(db, campaign_risk_regrade(db, NULL, "small", NULL, "2010-12-03", "office"), CAMPAIGN_EINVALID,
	       "risk point \"P1\": likelihood = 4 is outside 1..2 of model \"small@1\"");
	assert_int_equal(grade(db, "P1", "likelihood=2,impact=2"), CAMPAIGN_OK);
	assert_int_equal(campaign_risk_point_override(db, NULL, &o, "office"), CAMPAIGN_OK);
	assert_int_equal(campaign_risk_regrade(db, NULL, "small", NULL, "2010-12-04", "office"), 1);
	assert_int_equal(campaign_risk_grades_query(&c, db, NULL, "P1"), CAMPAIGN_OK);
	/* the refused regrade wrote nothing; the one that ran grades under the small model, whose grades the
	   override of the other model's "1" does not name: it is not carried over */
	EXPECT_ROW(c, "reason", "grade", "inputs", "impact=2,likelihood=4", "grade", "2", "current", "0");
	EXPECT_ROW(c, "reason", "override", "grade", "1", "override_grade", "1", "override_reason", "领导决定");
	EXPECT_ROW(c, "reason", "grade", "inputs", "impact=2,likelihood=2", "grade", "3", "current", "0");
	EXPECT_ROW(c, "reason", "override", "grade", "1", "override_grade", "1", "current", "0");
	EXPECT_ROW(c, "reason", "regrade", "model", "small", "grade", "1", "override_grade", NULL, "current", "1");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {SEED_TEST(test_point_fields), SEED_TEST(test_inputs),
	                                   SEED_TEST(test_confidential_reads), SEED_TEST(test_regrade),
	                                   cmocka_unit_test(test_refusals_held)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
