/* The one escape hatch of the rules: a read-only SQL query over documented
 * views. It is checked twice over: an authorizer that lets the statement
 * read only those views (never a table, a confidential one or the schema)
 * and refuses every write, and sqlite3_stmt_readonly() on the result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "accountability/accountability.h"

const char *const RULE_VIEWS[] = {"rule_unit",     "rule_group_member", "rule_person",     "rule_post",
                                  "rule_post_holding", "rule_finding", "rule_rectification",
                                  "rule_rectification_update", "rule_case_lead", "rule_evaluation", "rule_tour",
                                  "rule_outcome",  "rule_progress",     "rule_proposal",   "rule_action", NULL};

/* The tables the views read. SQLite also asks about them, with no column
 * and outside the view, when a flattened view's join reads no column of one
 * (it learns only whether a row exists, which the view shows anyway). */
static const char *const VIEW_TABLES[] = {
	"campaign", "unit", "unit_group", "unit_group_member", "person", "post", "post_holding", "finding",
	"violation_category", "violation_catalogue", "rectification", "rectification_update", "case_lead",
	"conduct_evaluation", "inspection_tour", "outcome", "progress_report", "accountability_proposal",
	"accountability_action", NULL};

/* The columns a rule's query returns; the first four are required. */
static const char *const COLUMNS[] = {"unit", "person", "evidence", "reason", "key", "due_on", NULL};

static int authorize(void *arg, int action, const char *a1, const char *a2, const char *db, const char *view)
{
	sql_guard *g = arg;
	(void)a2;
	(void)db;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_FUNCTION:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_READ:
		/* a documented view, or a table read on behalf of one */
		if (acc_one_of(a1, RULE_VIEWS) || acc_one_of(view, RULE_VIEWS) ||
		    (a2 && !*a2 && acc_one_of(a1, VIEW_TABLES)))
			return SQLITE_OK;
		if (!*g->why)
			snprintf(g->why, sizeof g->why,
			         "a sql rule may read only the documented views (rule_*): \"%s\" is not one of them",
			         a1 ? a1 : "?");
		return SQLITE_DENY;
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		if (!g->write)
			snprintf(g->why, sizeof g->why, "a sql rule may only read: the query would write to \"%s\"",
			         a1 ? a1 : "?");
		g->write = 1;
		return SQLITE_DENY;
	default:
		if (!g->write)
			snprintf(g->why, sizeof g->why, "a sql rule may only read: the query is not a SELECT");
		g->write = 1;
		return SQLITE_DENY;
	}
}

void rules_sql_end(sql_guard *g)
{
	sqlite3_set_authorizer(g->db->sql, NULL, NULL);
}

static int only_space(const char *s)
{
	while (s && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ';'))
		s++;
	return !s || !*s;
}

/* The statement's parameters may only be :as_of and :campaign; the columns
 * must include the required ones. */
static int shape_check(sqlite3_stmt *st, const char *rule)
{
	int n = sqlite3_column_count(st);
	for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
		const char *p = sqlite3_bind_parameter_name(st, i);
		if (!p || (strcmp(p, ":as_of") && strcmp(p, ":campaign")))
			return error_set(CAMPAIGN_EINVALID, "rule \"%s\": the query may use only the parameters :as_of and "
			                 ":campaign (found %s)", rule, p ? p : "?");
	}
	for (int k = 0; k < 4; k++) {
		int i;
		for (i = 0; i < n && strcmp(sqlite3_column_name(st, i), COLUMNS[k]); i++)
			;
		if (i == n)
			return error_set(CAMPAIGN_EINVALID, "rule \"%s\": the query must return the columns unit, person, "
			                 "evidence and reason (missing \"%s\")", rule, COLUMNS[k]);
	}
	return CAMPAIGN_OK;
}

int rules_sql_prepare(sql_guard *g, const char *rule, const char *query, sqlite3_stmt **out)
{
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	int rc;
	g->why[0] = '\0';
	g->write = 0;
	sqlite3_set_authorizer(g->db->sql, authorize, g);
	rc = sqlite3_prepare_v2(g->db->sql, query, -1, &st, &tail);
	if (rc != SQLITE_OK || !st) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", *g->why ? g->why : sqlite3_errmsg(g->db->sql));
		sqlite3_finalize(st);
		rules_sql_end(g);
		if (!*g->why && rc == SQLITE_OK)
			return error_set(CAMPAIGN_EINVALID, "rule \"%s\": the query is empty", rule);
		return *g->why ? error_set(CAMPAIGN_EINVALID, "rule \"%s\": %s", rule, msg)
		               : error_set(CAMPAIGN_EINVALID, "rule \"%s\": the query does not compile: %s", rule, msg);
	}
	if (!sqlite3_stmt_readonly(st))
		rc = error_set(CAMPAIGN_EINVALID, "rule \"%s\": a sql rule may only read: the query is not read-only", rule);
	else if (!only_space(tail))
		rc = error_set(CAMPAIGN_EINVALID, "rule \"%s\": the query must be one statement", rule);
	else
		rc = shape_check(st, rule);
	if (rc) {
		sqlite3_finalize(st);
		rules_sql_end(g);
		return rc;
	}
	*out = st;
	return CAMPAIGN_OK;
}

int rules_sql_check(campaign_db *db, const char *rule, const char *query)
{
	sql_guard g = {db, "", 0};
	sqlite3_stmt *st;
	int rc = rules_sql_prepare(&g, rule, query, &st);
	if (!rc) {
		sqlite3_finalize(st);
		rules_sql_end(&g);
	}
	return rc;
}
