/* Rules and violation catalogue files that are refused (issue 18, coverage):
 * each check of accountability/rules.c and inspection/catalogue.c met once,
 * with its exact message and position; a refused file writes nothing (no rule
 * set, no catalogue, no log entry). */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

#define SET "format: 1\nruleset: {id: t, name: 测试}\nrules:\n"

static long long rows(campaign_cursor *c)
{
	long long n = 0;
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		n++;
	campaign_cursor_free(c);
	return n;
}

/* what a refused import must leave as it was: rules, catalogues, log entries */
static long long state_of(campaign_db *db)
{
	campaign_cursor *c;
	long long n;
	assert_int_equal(campaign_rules_query(&c, db, NULL), CAMPAIGN_OK);
	n = rows(c);
	assert_int_equal(campaign_catalogues_query(&c, db, NULL), CAMPAIGN_OK);
	n = n * 1000 + rows(c);
	assert_int_equal(campaign_audit_query(&c, db, NULL, NULL, NULL, NULL), CAMPAIGN_OK);
	return n * 100000 + rows(c);
}

static void check(int rc, const char *want)
{
	refusal_check(rc, CAMPAIGN_EINVALID, want);
}

static void rules_refused(campaign_db *db, const char *yaml, const char *want)
{
	long long before = state_of(db);
	check(campaign_rules_import_string(db, NULL, yaml, "r.yaml", "office"), want);
	assert_int_equal(state_of(db), before);
}

static void catalogue_refused(campaign_db *db, const char *yaml, const char *want)
{
	long long before = state_of(db);
	check(campaign_catalogue_import_string(db, NULL, yaml, "c.yaml", "office"), want);
	assert_int_equal(state_of(db), before);
}

static void test_ruleset_shape(void **state)
{
	campaign_db *db = *state;
	rules_refused(db, "format: 1\n", "r.yaml:1:1: ruleset: is required");
	rules_refused(db, "format: 1\nruleset: [t]\n", "r.yaml:2:10: ruleset must be a mapping");
	rules_refused(db, "format: 1\nruleset: {id: t, colour: red}\n", "r.yaml:2:18: unknown key \"colour\"");
	rules_refused(db, "format: 1\nruleset: {id: [t]}\n", "r.yaml:2:15: id must be text");
	rules_refused(db, "format: 1\nruleset: {id: t@1, name: x}\n", "r.yaml:2:10: ruleset needs an id without '/' or '@'");
	rules_refused(db, "format: 1\nruleset: {id: t}\n", "r.yaml:2:10: ruleset needs a name");
	rules_refused(db, "format: 1\nruleset: {id: t, name: x}\n", "r.yaml:1:1: rules: is required");
	rules_refused(db, "format: 1\nruleset: {id: t, name: x}\nrules: {a: 1}\n", "r.yaml:3:8: rules must be a list");
	rules_refused(db, SET "  - tour\n", "r.yaml:4:5: a rule must be a mapping");
	rules_refused(db, SET "  - {kind: [x]}\n", "r.yaml:4:12: kind must be text");
	rules_refused(db, SET "  - {kind: tour_missing}\n", "r.yaml:4:5: a rule needs an id (at most 100 bytes, without '/')");
	rules_refused(db, SET "  - {id: a, kind: case_count, at_least: 1}\n  - {id: a, kind: case_count, at_least: 2}\n",
	              "r.yaml:5:5: duplicate rule id \"a\"");
	{
		char yaml[16384] = SET;
		for (int i = 0; i < 101; i++)
			snprintf(yaml + strlen(yaml), sizeof yaml - strlen(yaml), "  - {id: r%d, kind: case_count, at_least: 1}\n", i);
		rules_refused(db, yaml, "r.yaml:104:5: too many rules (at most 100)");
	}
}

static void test_rule_parameters(void **state)
{
	campaign_db *db = *state;
	rules_refused(db, SET "  - {id: a, kind: case_count, at_least: [1]}\n",
	              "r.yaml:4:41: rule \"a\": at_least must be a single value");
	rules_refused(db, SET "  - {id: a, kind: rectification_overdue, more_than: -1}\n",
	              "r.yaml:4:53: rule \"a\": more_than must be a whole number of at least 0");
	rules_refused(db, SET "  - {id: a, kind: evaluation_bottom, percent: 101}\n",
	              "r.yaml:4:47: rule \"a\": percent must be a percent from 1 to 100");
	rules_refused(db, SET "  - {id: a, kind: concealment, refusal: maybe}\n",
	              "r.yaml:4:41: rule \"a\": refusal must be true or false");
	rules_refused(db, SET "  - {id: a, kind: lookback, from: 2011-07-01, escalation: hanging}\n",
	              "r.yaml:4:59: rule \"a\": escalation is not an action (see docs/accountability.md)");
	rules_refused(db, SET "  - {id: a, kind: key_post_tenure, years: 5, kinds: {a: 1}}\n",
	              "r.yaml:4:53: rule \"a\": kinds must be a list");
	rules_refused(db, SET "  - {id: a, kind: key_post_tenure, years: 5, kinds: [budget, [x]]}\n",
	              "r.yaml:4:62: rule \"a\": kinds must be a list of text");
	rules_refused(db, SET "  - {id: a, kind: lookback, from: 2011-07-01, remedial_days: 30, remedial_deadline: 2011-09-30}\n",
	              "r.yaml:4:5: rule \"a\": give remedial_days or remedial_deadline, not both");
	rules_refused(db, SET "  - {id: a, kind: evaluation_bottom, n: 1, explanation_days: 30, explanation_due: 2011-01-31}\n",
	              "r.yaml:4:5: rule \"a\": give explanation_days or explanation_due, not both");
	rules_refused(db, SET "  - {id: a, kind: case_count, at_least: 1, at_least: 2}\n",
	              "r.yaml:4:44: rule \"a\": at_least given twice");
	/* one text taken as a list of one, and a text with a quote and a backslash kept as it is */
	assert_int_equal(campaign_rules_import_string(db, NULL,
	                                              SET "  - {id: a, kind: key_post_tenure, years: 5, kinds: budget}\n"
	                                                  "  - {id: b, kind: behaviour_finding, catalogue: 'x\"y\\z'}\n",
	                                              "r.yaml", "office"),
	                 1);
	{
		campaign_cursor *c;
		assert_int_equal(campaign_rules_query(&c, db, NULL), CAMPAIGN_OK);
		EXPECT_ROW(c, "id", "a", "params", "{\"years\":5,\"kinds\":[\"budget\"]}");
		EXPECT_ROW(c, "id", "b", "params", "{\"catalogue\":\"x\\\"y\\\\z\"}");
		campaign_cursor_free(c);
	}
}

static void test_catalogue(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	catalogue_refused(db, "format: 1\n", "c.yaml:1:1: catalogue: is required");
	catalogue_refused(db, "format: 1\ncatalogue: [x]\n", "c.yaml:2:12: catalogue must be a mapping");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, colour: red}\n", "c.yaml:2:20: unknown key \"colour\"");
	catalogue_refused(db, "format: 1\ncatalogue: {id: [x]}\n", "c.yaml:2:17: id: a value must be text");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, id: y}\n", "c.yaml:2:20: id: given twice");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x/y, name: n}\n",
	                  "c.yaml:2:12: catalogue needs an id without '/' or '@'");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x}\n", "c.yaml:2:12: catalogue needs a name");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, name: n}\n", "c.yaml:1:1: categories: is required");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, name: n}\ncategories: {a: 1}\n",
	                  "c.yaml:3:13: categories must be a list");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, name: n}\ncategories: []\n",
	                  "c.yaml:3:13: a catalogue needs at least one category");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, name: n}\ncategories: [{text: t}]\n",
	                  "c.yaml:3:14: a category needs an id");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, name: n}\ncategories: [{id: a@1, text: t}]\n",
	                  "c.yaml:3:14: category id \"a@1\" may not contain '/' or '@'");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, name: n}\ncategories: [{id: a}]\n",
	                  "c.yaml:3:14: category \"a\" needs a text");
	catalogue_refused(db, "format: 1\ncatalogue: {id: x, name: n}\ncategories: [a]\n",
	                  "c.yaml:3:14: a category must be a mapping");
	/* the versioned query refuses a negative version */
	assert_int_equal(campaign_violation_categories_query(&c, db, NULL, NULL, -1), CAMPAIGN_EINVALID);
	assert_string_equal(campaign_error_message(), "version -1 is negative");
}

int main(void)
{
	const struct CMUnitTest tests[] = {SEED_TEST(test_ruleset_shape), SEED_TEST(test_rule_parameters),
	                                   SEED_TEST(test_catalogue), cmocka_unit_test(test_refusals_held)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
