/* Rules cannot harm evaluation: the `sql` escape hatch refuses at import
 * every function or statement that could write, load code or reach hidden
 * tables (the store unchanged), and a rule set can be retired with its
 * history kept. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static int rulesets(campaign_db *db)
{
	campaign_cursor *c;
	assert_int_equal(campaign_rulesets_query(&c, db, NULL), CAMPAIGN_OK);
	return count_rows(c);
}

/* A one-rule set "t" whose rule "r3" runs @query. */
static int import_query(campaign_db *db, const char *query)
{
	char yaml[4096];
	snprintf(yaml, sizeof yaml,
	         "format: 1\nruleset: {id: t, name: test}\nrules:\n  - id: r3\n    kind: sql\n    action: interview\n"
	         "    query: \"%s\"\n", query);
	return campaign_rules_import_string(db, NULL, yaml, "t.yaml", "tester");
}

/* @query is refused with "t.yaml:7:12: rule "r3": @why" and nothing is written. */
static void refused(campaign_db *db, const char *query, const char *why)
{
	char want[1024];
	int entries = audit_entries(db), sets = rulesets(db);
	snprintf(want, sizeof want, "t.yaml:7:12: rule \"r3\": %s", why);
	assert_int_equal(import_query(db, query), CAMPAIGN_EINVALID);
	if (strcmp(campaign_error_message(), want))
		fprintf(stderr, "query: %s\ngot:  %s\nwant: %s\n", query, campaign_error_message(), want);
	assert_string_equal(campaign_error_message(), want);
	assert_int_equal(audit_entries(db), entries);
	assert_int_equal(rulesets(db), sets);
}

#define COLS "SELECT unit, NULL AS person, 'x' AS evidence, "
#define ANY "SELECT NULL AS unit, NULL AS person, 'x' AS evidence, "
#define MAY_NOT(f) "the SQL calls " f "(), which rules may not use"
#define HIDDEN(t) "a sql rule may read only the documented views (rule_*): \"" t "\" is not one of them"

static void test_refused_at_import(void **state)
{
	campaign_db *db = *state;
	char hidden[256];
	/* code loaded, files read or written, a tokenizer swapped: by any spelling */
	refused(db, COLS "load_extension('/tmp/evil.so') AS reason FROM rule_unit", MAY_NOT("load_extension"));
	refused(db, COLS "LOAD_EXTENSION('/tmp/evil.so') AS reason FROM rule_unit", MAY_NOT("load_extension"));
	refused(db, COLS "readfile('/etc/passwd') AS reason FROM rule_unit", MAY_NOT("readfile"));
	refused(db, COLS "writefile('/tmp/x', name) AS reason FROM rule_unit", MAY_NOT("writefile"));
	refused(db, COLS "edit(name) AS reason FROM rule_unit", MAY_NOT("edit"));
	refused(db, COLS "fts3_tokenizer('simple') AS reason FROM rule_unit", MAY_NOT("fts3_tokenizer"));
	refused(db, COLS "hex(randomblob(8)) AS reason FROM rule_unit", MAY_NOT("randomblob"));
	refused(db, COLS "sqlite_version() AS reason FROM rule_unit", MAY_NOT("sqlite_version"));
	/* pragmas, as a statement or a table-valued function; ATTACH, DETACH */
	refused(db, "PRAGMA writable_schema = 1", "the SQL runs PRAGMA writable_schema, which rules may not use");
	refused(db, "PRAGMA key = 'x'", "the SQL runs PRAGMA key, which rules may not use");
	refused(db, "SELECT name AS unit, NULL AS person, 'x' AS evidence, name AS reason FROM pragma_table_info('unit')",
	        HIDDEN("pragma_table_info"));
	refused(db, "ATTACH DATABASE '/tmp/other.db' AS other", "the SQL runs ATTACH, which rules may not use");
	refused(db, "DETACH DATABASE audit", "the SQL runs DETACH, which rules may not use");
	/* writes and other statements; more than one statement */
	refused(db, "UPDATE unit SET name = 'x'", "a sql rule may only read: the query would write to \"unit\"");
	refused(db, "CREATE TABLE x (a)", "a sql rule may only read: the query would write to \"sqlite_master\"");
	refused(db, "BEGIN", "a sql rule may only read: the query is not a SELECT");
	/* VACUUM asks no authorizer: sqlite3_stmt_readonly() refuses it */
	refused(db, "VACUUM INTO '/tmp/copy.db'", "a sql rule may only read: the query is not read-only");
	refused(db, COLS "'y' AS reason FROM rule_unit; SELECT 1", "the query must be one statement");
	/* hidden tables: the log, confidential records, the schema, a base table */
	refused(db, ANY "detail AS reason FROM audit_log", HIDDEN("audit_log"));
	refused(db, ANY "'y' AS reason FROM person_record_confidential", HIDDEN("person_record_confidential"));
	refused(db, ANY "sql AS reason FROM sqlite_master", HIDDEN("sqlite_master"));
	refused(db, ANY "sql AS reason FROM sqlite_temp_master", HIDDEN("sqlite_temp_master"));
	refused(db, COLS "'y' AS reason FROM rule_unit WHERE EXISTS (SELECT detail FROM audit_log)", HIDDEN("audit_log"));
	snprintf(hidden, sizeof hidden, COLS "(SELECT count(*) FROM case_lead_confidential) AS reason FROM rule_unit");
	refused(db, hidden, HIDDEN("case_lead_confidential"));
	assert_int_equal(rulesets(db), 0);
}

/* Allowed functions still work, at import and in evaluation. */
static void test_allowed_functions(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	assert_int_equal(import_query(db, "SELECT unit, NULL AS person, 'unit:' || unit AS evidence, "
	                                  "printf('%s %d', upper(substr(unit, 1, 3)), length(name)) || "
	                                  "coalesce(NULL, '') || date(:as_of, '+1 day') AS reason "
	                                  "FROM rule_unit WHERE campaign = :campaign AND unit = 'jiancha'"),
	                 1);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-12-01", "tester"), 1);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "unit", "jiancha", "evidence", "unit:jiancha", "reason", "JIA 32010-12-02");
	campaign_cursor_free(c);
}

/* A rule set retired: no longer evaluated, still listed, its proposals kept. */
static void test_retire(void **state)
{
	campaign_db *db = *state;
	campaign_cursor *c;
	int entries;
	assert_int_equal(import_query(db, "SELECT unit, NULL AS person, 'unit:' || unit AS evidence, 'y' AS reason "
	                                  "FROM rule_unit WHERE campaign = :campaign AND unit = 'jiancha'"),
	                 1);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-12-01", "tester"), 1);
	assert_int_equal(campaign_rules_retire(db, NULL, "t", "规则已废止", "督查办"), CAMPAIGN_OK);
	/* no longer in force, no longer evaluated: a new date proposes nothing */
	assert_int_equal(import_query(db, "SELECT unit, NULL AS person, 'unit:' || unit AS evidence, 'y' AS reason "
	                                  "FROM rule_unit WHERE campaign = :campaign AND unit = 'jiancha'"),
	                 1);
	assert_int_equal(campaign_rules_query(&c, db, NULL), CAMPAIGN_OK);
	assert_int_equal(count_rows(c), 0);
	assert_int_equal(campaign_accountability_evaluate(db, NULL, "2010-12-02", "tester"), 0);
	/* listed with its retirement; its proposal kept */
	assert_int_equal(campaign_rulesets_query(&c, db, NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "id", "t", "version", "1", "rules", "1", "status", "retired", "retired_by", "督查办",
	           "retired_reason", "规则已废止", "proposals", "1", "imported_by", "tester");
	assert_int_equal(strlen(campaign_cursor_get(c, "retired_at")), 20);
	assert_int_equal(campaign_cursor_next(c), CAMPAIGN_ITEROVER);
	campaign_cursor_free(c);
	assert_int_equal(campaign_proposals_query(&c, db, NULL, NULL, NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "ruleset", "t", "unit", "jiancha", "status", "pending");
	campaign_cursor_free(c);
	/* twice, unknown, missing: exact errors, nothing written */
	entries = audit_entries(db);
	expect_error(campaign_rules_retire(db, NULL, "t", "again", "督查办"), CAMPAIGN_ECONFLICT,
	             "rule set \"t\" (version 1) is retired already");
	expect_error(campaign_rules_retire(db, NULL, "nowhere", "why", "督查办"), CAMPAIGN_ENOTFOUND,
	             "no rule set with id \"nowhere\"");
	expect_error(campaign_rules_retire(db, NULL, "t", NULL, "督查办"), CAMPAIGN_EINVALID, "the reason is required");
	expect_error(campaign_rules_retire(db, NULL, "t", "\xff", "督查办"), CAMPAIGN_EINVALID,
	             "the rule set and the reason must be valid UTF-8");
	assert_int_equal(audit_entries(db), entries);
	/* a changed version puts it in force again */
	assert_int_equal(import_query(db, "SELECT unit, NULL AS person, 'unit:' || unit AS evidence, 'z' AS reason "
	                                  "FROM rule_unit WHERE campaign = :campaign AND unit = 'jiancha'"),
	                 2);
	assert_int_equal(campaign_rulesets_query(&c, db, NULL), CAMPAIGN_OK);
	EXPECT_ROW(c, "id", "t", "version", "2", "status", "in_force");
	assert_null(campaign_cursor_get(c, "retired_by"));
	campaign_cursor_free(c);
}

TEST_MAIN("rules_guard",
          STORE_TEST(test_refused_at_import, open_seed),
          STORE_TEST(test_allowed_functions, open_seed),
          STORE_TEST(test_retire, open_seed))
