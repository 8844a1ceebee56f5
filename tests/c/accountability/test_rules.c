/* Accountability rules as data: validation with positions, versions, the
 * `sql` escape hatch (read-only, documented views only), and the query
 * plans of the rule kinds (no full scan of a base table). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"
#include "accountability/accountability.h"
/* the kinds' queries are plain data: compile them here to EXPLAIN them */
#include "accountability/accountability_kinds.c"
#include "accountability/lookback.c"
#include "accountability/tour_rule.c"
#include "accountability/rotation_rule.c"

#define RULES CAMPAIGN_SOURCE_DIR "/examples/rules/leshan-2010.yaml"

static int rules_count(campaign_db *db)
{
	campaign_cursor *c;
	assert_int_equal(campaign_rules_query(&c, db, NULL), CAMPAIGN_OK);
	return count_rows(c);
}

/* Imports a one-rule set from text; returns the result. */
static int import_rule(campaign_db *db, const char *rule)
{
	char yaml[4096];
	snprintf(yaml, sizeof yaml, "format: 1\nruleset: {id: t, name: test}\nrules:\n  - id: r\n%s", rule);
	return campaign_rules_import_string(db, NULL, yaml, "t.yaml", "tester");
}

static void test_shipped_rules_and_versions(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_rules_import_file(db, NULL, RULES, "tester"), 1);
	assert_int_equal(rules_count(db), 8);
	assert_int_equal(campaign_rules_import_file(db, NULL, RULES, "tester"), 1);
	assert_int_equal(campaign_rules_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/rules/sql-example.yaml",
	                                            "tester"),
	                 1);
	assert_int_equal(rules_count(db), 9);
	assert_int_equal(campaign_rules_query(&c, db, NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "id", "five-behaviours", "action_label", "停职", "params", "{\"catalogue\":\"five-behaviours\"}");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_OK);
	assert_string_equal(campaign_cursor_get(c, "params"), "{\"n\":1,\"group\":\"counties\",\"explanation_days\":30}");
	campaign_cursor_free(c);
	/* a changed set is a new version; a rule id of another set is refused */
	assert_int_equal(import_rule(db, "    kind: case_count\n    at_least: 2\n"), 1);
	assert_int_equal(import_rule(db, "    kind: case_count\n    at_least: 3\n"), 2);
	assert_int_equal(campaign_rules_import_string(db, NULL,
	                                                   "format: 1\nruleset: {id: u, name: u}\nrules:\n"
	                                                   "  - {id: lookback, kind: lookback, from: 2011-07-01}\n",
	                                                   "u.yaml", "tester"),
	                 CAMPAIGN_ECONFLICT);
	assert_string_equal(campaign_error_message(),
	                    "u.yaml:4:5: rule id \"lookback\" is already a rule of rule set \"leshan-2010\"");
	assert_int_equal(rules_count(db), 10);
}

static void expect_refused(campaign_db *db, const char *rule, const char *message)
{
	int before = rules_count(db);
	assert_int_equal(import_rule(db, rule), CAMPAIGN_EINVALID);
	if (strcmp(campaign_error_message(), message))
		fprintf(stderr, "got:  %s\nwant: %s\n", campaign_error_message(), message);
	assert_string_equal(campaign_error_message(), message);
	assert_int_equal(rules_count(db), before);
}

static void test_validation(void **state)
{
	campaign_db *db = *state;
	assert_int_equal(campaign_rules_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/tests/data/accountability/rules-bad.yaml",
	                                            "tester"),
	                 CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), CAMPAIGN_SOURCE_DIR
	                    "/tests/data/accountability/rules-bad.yaml:9:8: rule \"bottom\": n must be a whole number of at least 1");
	assert_int_equal(campaign_error_line(), 9);
	assert_int_equal(campaign_error_column(), 8);
	expect_refused(db, "    kind: magic\n",
	               "t.yaml:4:5: rule \"r\": kind \"magic\" is not one of behaviour_finding, evaluation_bottom, "
	               "rectification_overdue, case_count, concealment, lookback, tour_missing, key_post_tenure, sql");
	expect_refused(db, "    kind: evaluation_bottom\n    n: 1\n    percent: 10\n",
	               "t.yaml:4:5: rule \"r\": an evaluation_bottom rule needs exactly one of n and percent");
	expect_refused(db, "    kind: evaluation_bottom\n    n: 1\n    group: nowhere\n",
	               "t.yaml:7:12: rule \"r\": no unit group with id \"nowhere\"");
	expect_refused(db, "    kind: rectification_overdue\n", "t.yaml:4:5: rule \"r\": more_than is required");
	expect_refused(db, "    kind: case_count\n    at_least: 2\n    from: 2010-13-01\n",
	               "t.yaml:7:11: rule \"r\": from must be a date (YYYY-MM-DD)");
	expect_refused(db, "    kind: key_post_tenure\n    kinds: [budget, cooking]\n",
	               "t.yaml:6:21: rule \"r\": \"cooking\" is not a post kind (budget, projects, enforcement, personnel)");
	expect_refused(db, "    kind: tour_missing\n    due: 02-30\n",
	               "t.yaml:6:10: rule \"r\": due must be a month and day (MM-DD)");
	expect_refused(db, "    kind: lookback\n    from: 2011-07-01\n    colour: red\n",
	               "t.yaml:7:5: rule \"r\": unknown parameter \"colour\"");
	expect_refused(db, "    kind: behaviour_finding\n    action: hanging\n",
	               "t.yaml:4:5: rule \"r\": action \"hanging\" is not one of suspension, removal, interview, "
	               "leadership_adjustment, accountability, strict_accountability, remedial_work, inspection_tour, rotation");
	expect_refused(db, "    kind: sql\n    query: SELECT 1 AS unit\n", "t.yaml:4:5: rule \"r\": a sql rule must name its action");
}

static void test_sql_escape_hatch(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	/* a write, a table that is not a documented view, a confidential one, the schema */
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"DELETE FROM finding\"\n",
	               "t.yaml:7:12: rule \"r\": a sql rule may only read: the query would write to \"finding\"");
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"INSERT INTO person (id, campaign, name, "
	                   "recorded_by, recorded_at) SELECT unit, 1, name, 'x', 'y' FROM rule_unit\"\n",
	               "t.yaml:7:12: rule \"r\": a sql rule may only read: the query would write to \"person\"");
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"SELECT lead AS unit, NULL AS person, "
	                   "'x' AS evidence, details AS reason FROM case_lead_confidential\"\n",
	               "t.yaml:7:12: rule \"r\": a sql rule may read only the documented views (rule_*): "
	               "\"case_lead_confidential\" is not one of them");
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"SELECT id AS unit, NULL AS person, "
	                   "'x' AS evidence, name AS reason FROM unit\"\n",
	               "t.yaml:7:12: rule \"r\": a sql rule may read only the documented views (rule_*): "
	               "\"unit\" is not one of them");
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"SELECT name AS unit, NULL AS person, "
	                   "'x' AS evidence, sql AS reason FROM sqlite_master\"\n",
	               "t.yaml:7:12: rule \"r\": a sql rule may read only the documented views (rule_*): "
	               "\"sqlite_master\" is not one of them");
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"PRAGMA writable_schema = 1\"\n",
	               "t.yaml:7:12: rule \"r\": the SQL runs PRAGMA writable_schema, which rules may not use");
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"SELECT 1 AS unit; DELETE FROM unit\"\n",
	               "t.yaml:7:12: rule \"r\": the query must be one statement");
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"SELECT unit FROM rule_unit\"\n",
	               "t.yaml:7:12: rule \"r\": the query must return the columns unit, person, evidence and reason "
	               "(missing \"person\")");
	expect_refused(db, "    kind: sql\n    action: interview\n    query: \"SELECT unit, NULL AS person, 'x' AS evidence, "
	                   "'y' AS reason FROM rule_unit WHERE campaign = :who\"\n",
	               "t.yaml:7:12: rule \"r\": the query may use only the parameters :as_of and :campaign (found :who)");
	/* a good one: every county bureau with a finding, as of the date */
	assert_int_equal(import_rule(db, "    kind: sql\n    action: interview\n    query: >-\n"
	                                 "      SELECT f.unit AS unit, NULL AS person, group_concat('finding:' || f.finding) AS evidence,\n"
	                                 "      '有问题' || count(*) || '个' AS reason, 'unit:' || f.unit AS key\n"
	                                 "      FROM rule_finding f JOIN rule_group_member g ON g.unit = f.unit AND g.campaign = f.campaign\n"
	                                 "      WHERE g.unit_group = 'counties' AND f.campaign = :campaign AND f.found_on <= :as_of\n"
	                                 "      GROUP BY f.unit ORDER BY f.unit\n"),
	                 1);
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F1", "mabian", NULL, "investigated", NULL, "问题",
	                                                              NULL, "2010-11-20", NULL), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F2", "jiancha", NULL, "investigated", NULL, "问题",
	                                                              NULL, "2010-11-20", NULL), "tester"),
	                 CAMPAIGN_OK);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-11-19", "tester"), 0);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-11-20", "tester"), 1);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-11-21", "tester"), 0);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "unit", "mabian", "evidence", "finding:F1", "reason", "有问题1个", "kind", "sql");
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	/* after a rule ran, the connection is back to normal: writes work */
	assert_int_equal(campaign_finding_add(NULL, db, NULL, FINDING("F3", "mabian", NULL, "investigated", NULL, "问题",
	                                                              NULL, "2010-11-20", NULL), "tester"),
	                 CAMPAIGN_OK);
	/* a rule naming a unit that does not exist fails the whole evaluation */
	assert_int_equal(import_rule(db, "    kind: sql\n    action: interview\n    query: \"SELECT 'atlantis' AS unit, "
	                                 "NULL AS person, 'x' AS evidence, 'y' AS reason\"\n"),
	                 2);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-12-01", "tester"), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "rule \"r\": row 1: unknown unit \"atlantis\"");
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 1);
}

/* The kinds' queries and the hot queries of the module search by index:
 * no SCAN of a base table (a SCAN of a CTE, a subquery or json_each is not one). */
static void test_query_plans(void **state)
{
	static const char *const tables[] = {
		"campaign", "unit", "unit_group", "unit_group_member", "outcome", "outcome_share", "progress_report",
		"finding", "rectification", "rectification_update", "case_lead", "inspection_round", "inspection_submission",
		"violation_catalogue", "violation_category", "post", "person", "post_holding", "person_record_confidential",
		"conduct_evaluation", "inspection_tour", "inspection_tour_finding", "accountability_ruleset",
		"accountability_rule", "accountability_proposal", "accountability_action", NULL};
	const char *const hot[] = {
		ACC_KIND_BEHAVIOUR.sql, ACC_KIND_EVALUATION.sql, ACC_KIND_RECTIFICATION.sql, ACC_KIND_CASES.sql,
		ACC_KIND_CONCEALMENT.sql, ACC_KIND_LOOKBACK.sql, ACC_KIND_LOOKBACK_ESCALATION.sql, ACC_KIND_TOUR.sql,
		ACC_KIND_TENURE.sql,
		"SELECT p.id FROM accountability_proposal p LEFT JOIN unit u ON u.rid = p.unit "
		"WHERE p.campaign = ?1 ORDER BY p.as_of, p.ruleset, p.rule_ord, u.ord, p.key",
		"SELECT * FROM accountability_action a WHERE a.campaign = ?1 AND a.action = ?2",
		"SELECT * FROM accountability_proposal WHERE campaign = ?1 AND rule = ?2 AND key = ?3",
		"SELECT * FROM conduct_evaluation WHERE campaign = ?1 AND year = ?2",
		"SELECT * FROM person_record_confidential WHERE person = ?1",
		"SELECT * FROM inspection_tour WHERE campaign = ?1 AND year = ?2",
	};
	const hot_queries q = HOT_QUERIES(hot, tables, 1); /* the kinds' queries are not constants */
	void *plans = (void *)&q;
	(void)state;
	test_hot_queries_indexed(&plans);
}

TEST_MAIN("rules",
          STORE_TEST(test_shipped_rules_and_versions, open_seed),
          STORE_TEST(test_validation, open_seed),
          STORE_TEST(test_sql_escape_hatch, open_seed),
          cmocka_unit_test(test_query_plans))
