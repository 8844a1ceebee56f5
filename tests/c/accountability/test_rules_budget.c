/* Rules cannot harm evaluation: a `sql` rule that is read-only but endless
 * or huge is refused at import where that can be seen (WITH RECURSIVE,
 * zeroblob) and otherwise stopped at evaluation by its budget of steps, the
 * lower length limit, and the caps on its rows and their bytes. The
 * evaluation then writes nothing, the connection's limits are back, and the
 * shipped rules still propose what they did. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "accountability/accountability.h"

#define SHIPPED_PROPOSALS 44
#define SIMPLE "; rules must be simple selections over the rule_* views"

static int proposals(campaign_db *db)
{
	campaign_cursor *c;
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	return count_rows(c);
}

/* A set "t": rule "r1", which proposes one thing, then rule "r3" running @query. */
static int import_query(campaign_db *db, const char *query)
{
	char yaml[4096];
	snprintf(yaml, sizeof yaml,
	         "format: 1\nruleset: {id: t, name: test}\nrules:\n"
	         "  - id: r1\n    kind: sql\n    action: interview\n"
	         "    query: \"SELECT unit, NULL AS person, 'unit:' || unit AS evidence, 'y' AS reason FROM rule_unit "
	         "WHERE campaign = :campaign AND unit = 'jiancha'\"\n"
	         "  - id: r3\n    kind: sql\n    action: interview\n    query: \"%s\"\n",
	         query);
	return campaign_rules_import_string(db, NULL, yaml, "t.yaml", "tester");
}

/* @query is refused at import with @why, nothing written. */
static void refused(campaign_db *db, const char *query, const char *why)
{
	char want[1024];
	int entries = audit_entries(db);
	snprintf(want, sizeof want, "t.yaml:11:12: rule \"r3\": %s", why);
	expect_error(import_query(db, query), CAMPAIGN_EINVALID, want);
	assert_int_equal(audit_entries(db), entries);
}

/* @query is imported, then stopped at evaluation with @why: no proposal
 * (not even r1's), no log entry, the connection's length limit back. */
static void stopped(campaign_db *db, const char *query, const char *why)
{
	char want[1024];
	int entries, length = sqlite3_limit(db->sql, SQLITE_LIMIT_LENGTH, -1);
	assert_true(import_query(db, query) > 0);
	entries = audit_entries(db);
	snprintf(want, sizeof want, "rule \"r3\": %s", why);
	expect_error(campaign_accountability_evaluate(db, NULL, "2010-12-01", "tester"), CAMPAIGN_EINVALID, want);
	assert_int_equal(proposals(db), 0);
	assert_int_equal(audit_entries(db), entries);
	assert_int_equal(sqlite3_limit(db->sql, SQLITE_LIMIT_LENGTH, -1), length);
}

#define COLS "SELECT a.unit AS unit, NULL AS person, "

static void test_refused_at_import(void **state)
{
	campaign_db *db = *state;
	refused(db,
	        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
	        "SELECT NULL AS unit, NULL AS person, 'x' AS evidence, x AS reason FROM c",
	        "the SQL uses WITH RECURSIVE, which rules may not use");
	refused(db, COLS "'x' AS evidence, hex(zeroblob(1000000000)) AS reason FROM rule_unit a",
	        "the SQL calls zeroblob(), which rules may not use");
	refused(db, COLS "'x' AS evidence, hex(randomblob(1000000000)) AS reason FROM rule_unit a",
	        "the SQL calls randomblob(), which rules may not use");
	/* a plain WITH is a selection like any other */
	assert_int_equal(import_query(db, "WITH u AS (SELECT unit FROM rule_unit WHERE unit = 'jiancha') "
	                                  "SELECT unit, NULL AS person, 'x' AS evidence, 'y' AS reason FROM u"),
	                 1);
}

static void test_stopped_at_evaluation(void **state)
{
	campaign_db *db = *state;
	char why[256];
	/* a cross join of cross joins that returns nothing, after a long time */
	snprintf(why, sizeof why, "the SQL ran past its budget of %d steps" SIMPLE, RULE_SQL_STEPS);
	stopped(db,
	        COLS "'x' AS evidence, 'y' AS reason FROM rule_unit a, rule_unit b, rule_unit c, rule_unit d, "
	        "rule_unit e, rule_unit f WHERE length(a.unit || b.unit || c.unit || d.unit || e.unit || f.unit) < 0",
	        why);
	/* a value past the length limit: an error, or from printf() a NULL */
	snprintf(why, sizeof why, "a value the SQL made is longer than %d bytes" SIMPLE, RULE_SQL_LENGTH);
	stopped(db, COLS "'x' AS evidence, replace(printf('%.*c', 1000, 'x'), 'x', printf('%.*c', 1001, 'y')) AS reason "
	                 "FROM rule_unit a",
	        why);
	stopped(db, COLS "'x' AS evidence, printf('%.*c', 1000000000, 'x') AS reason FROM rule_unit a",
	        "row 1: evidence and reason are required");
	/* too many rows, and rows too big together */
	snprintf(why, sizeof why, "the SQL returned more than %d rows" SIMPLE, RULE_SQL_ROWS);
	stopped(db, COLS "a.unit || b.unit || c.unit || d.unit AS evidence, 'y' AS reason "
	                 "FROM rule_unit a, rule_unit b, rule_unit c, rule_unit d",
	        why);
	snprintf(why, sizeof why, "the SQL returned more than %d bytes" SIMPLE, RULE_SQL_BYTES);
	stopped(db, COLS "a.unit || b.unit AS evidence, printf('%.*c', 999000, 'x') AS reason "
	                 "FROM rule_unit a, rule_unit b",
	        why);
	/* within the budget, the same set evaluates */
	assert_int_equal(import_query(db, "SELECT unit, NULL AS person, 'x' AS evidence, 'y' AS reason "
	                                  "FROM rule_unit WHERE unit = 'mabian'"),
	                 6);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-12-01", "tester"), 2);
}

/* The shipped rules and the example `sql` rule propose as they did. */
static void test_shipped_rules_unchanged(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(campaign_rules_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/rules/leshan-2010.yaml",
	                                            "tester"),
	                 1);
	assert_int_equal(campaign_rules_import_file(db, NULL, CAMPAIGN_SOURCE_DIR "/examples/rules/sql-example.yaml",
	                                            "tester"),
	                 1);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2011-12-31", "tester"), SHIPPED_PROPOSALS);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), SHIPPED_PROPOSALS);
}

TEST_MAIN("rules_budget",
          STORE_TEST(test_refused_at_import, open_seed),
          STORE_TEST(test_stopped_at_evaluation, open_seed),
          STORE_TEST(test_shipped_rules_unchanged, open_seed))
