/* The one escape hatch of the rules: a read-only SQL query over documented
 * views. It is checked twice over: an allow-list authorizer (a SELECT that
 * reads only those views and calls only deterministic built-in functions;
 * everything else, a write, a PRAGMA, ATTACH, load_extension(), refused) and
 * sqlite3_stmt_readonly() on the result. The same authorizer is in place
 * again whenever an evaluation prepares and runs the query, so a rule that
 * got into the store some other way still cannot harm it; and while it
 * runs, a budget of steps and a lower length limit keep a query that is
 * read-only but endless (a cross join of cross joins) or huge
 * (printf('%.*c', 1e9, 'x')) from hanging the evaluation or exhausting memory. */
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

/* The functions a rule may call: SQLite's built-ins that compute a value
 * from their arguments. Left out on purpose: anything that reads or writes
 * files or loads code (load_extension, readfile, writefile, edit,
 * fts3_tokenizer), reports on the connection (changes, last_insert_rowid,
 * sqlite_*), or is random or allocates at will (random, randomblob, zeroblob). */
static const char *const FUNCTIONS[] = {
	"abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "instr",
	"length", "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length",
	"printf", "quote", "replace", "round", "rtrim", "sign", "substr", "substring", "trim", "typeof", "unhex",
	"unicode", "unlikely", "upper", "date", "time", "datetime", "julianday", "strftime", "unixepoch",
	"timediff", "avg", "count", "group_concat", "string_agg", "sum", "total", "row_number", "rank",
	"dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value",
	"nth_value", "ceil", "ceiling", "floor", "trunc", "mod", "pow", "power", "sqrt", "exp", "ln", "log",
	"log2", "log10", "pi", "json", "json_array", "json_array_length", "json_extract", "json_object",
	"json_quote", "json_type", "json_valid", "json_group_array", "json_group_object", "->", "->>", NULL};

static int function_allowed(const char *name)
{
	for (int i = 0; name && FUNCTIONS[i]; i++)
		if (!sqlite3_stricmp(name, FUNCTIONS[i]))
			return 1;
	return 0;
}

/* The first refusal is the one reported. */
static int refuse(sql_guard *g, int write, const char *fmt, const char *what)
{
	char low[128];
	size_t i;
	for (i = 0; what && what[i] && i < sizeof low - 1; i++)
		low[i] = (char)(what[i] >= 'A' && what[i] <= 'Z' ? what[i] - 'A' + 'a' : what[i]);
	low[i] = '\0';
	if (!*g->why)
		snprintf(g->why, sizeof g->why, fmt, what ? low : "?");
	g->write |= write;
	return SQLITE_DENY;
}

/* The columns a rule's query returns; the first four are required. */
static const char *const COLUMNS[] = {"unit", "person", "evidence", "reason", "key", "due_on", NULL};

static int authorize(void *arg, int action, const char *a1, const char *a2, const char *db, const char *view)
{
	sql_guard *g = arg;
	(void)db;
	switch (action) {
	case SQLITE_SELECT:
		return SQLITE_OK;
	case SQLITE_RECURSIVE: /* a recursive WITH can run forever */
		return refuse(g, 0, "the SQL uses WITH RECURSIVE%s, which rules may not use", "");
	case SQLITE_FUNCTION:
		return function_allowed(a2) ? SQLITE_OK
		                            : refuse(g, 0, "the SQL calls %s(), which rules may not use", a2);
	case SQLITE_READ:
		/* a documented view, or a table read on behalf of one */
		if (acc_one_of(a1, RULE_VIEWS) || acc_one_of(view, RULE_VIEWS) ||
		    (a2 && !*a2 && acc_one_of(a1, VIEW_TABLES)))
			return SQLITE_OK;
		return refuse(g, 0, "a sql rule may read only the documented views (rule_*): \"%s\" is not one of them", a1);
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		return refuse(g, 1, "a sql rule may only read: the query would write to \"%s\"", a1);
	case SQLITE_PRAGMA:
		return refuse(g, 1, "the SQL runs PRAGMA %s, which rules may not use", a1);
	case SQLITE_ATTACH:
		return refuse(g, 1, "the SQL runs ATTACH%s, which rules may not use", "");
	case SQLITE_DETACH:
		return refuse(g, 1, "the SQL runs DETACH%s, which rules may not use", "");
	default:
		return refuse(g, 1, "a sql rule may only read: the query is not a SELECT%s", "");
	}
}

/* How often (in virtual-machine steps) the budget is checked. */
#define STEP_CHECK 1000

static int progress(void *arg)
{
	sql_guard *g = arg;
	g->steps += STEP_CHECK;
	g->over = g->steps > RULE_SQL_STEPS;
	return g->over; /* non-zero: SQLite stops the statement (SQLITE_INTERRUPT) */
}

/* Puts the authorizer, the step budget and the lower length limit in place. */
static void guard_begin(sql_guard *g)
{
	g->why[0] = '\0';
	g->write = g->over = 0;
	g->steps = 0;
	sqlite3_set_authorizer(g->db->sql, authorize, g);
	sqlite3_progress_handler(g->db->sql, STEP_CHECK, progress, g);
	g->length = sqlite3_limit(g->db->sql, SQLITE_LIMIT_LENGTH, RULE_SQL_LENGTH);
}

void rules_sql_end(sql_guard *g)
{
	sqlite3_set_authorizer(g->db->sql, NULL, NULL);
	sqlite3_progress_handler(g->db->sql, 0, NULL, NULL);
	if (g->length > 0)
		sqlite3_limit(g->db->sql, SQLITE_LIMIT_LENGTH, g->length);
	g->length = 0;
}

#define SIMPLE "; rules must be simple selections over the rule_* views"

int rules_sql_failed(sql_guard *g, const char *rule, int step)
{
	/* out of memory while the query ran: not the rule's fault */
	if ((step & 0xff) == SQLITE_NOMEM)
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if (g->over)
		return error_set(CAMPAIGN_EINVALID, "rule \"%s\": the SQL ran past its budget of %d steps" SIMPLE, rule,
		                 RULE_SQL_STEPS);
	if (step == SQLITE_TOOBIG)
		return error_set(CAMPAIGN_EINVALID, "rule \"%s\": a value the SQL made is longer than %d bytes" SIMPLE, rule,
		                 RULE_SQL_LENGTH);
	return error_set(CAMPAIGN_EINVALID, "rule \"%s\": the query failed: %s", rule,
	                 *g->why ? g->why : sqlite3_errmsg(g->db->sql));
}

int rules_sql_rows_check(const char *rule, size_t rows, size_t bytes)
{
	if (rows > RULE_SQL_ROWS)
		return error_set(CAMPAIGN_EINVALID, "rule \"%s\": the SQL returned more than %d rows" SIMPLE, rule,
		                 RULE_SQL_ROWS);
	if (bytes > RULE_SQL_BYTES)
		return error_set(CAMPAIGN_EINVALID, "rule \"%s\": the SQL returned more than %d bytes" SIMPLE, rule,
		                 RULE_SQL_BYTES);
	return CAMPAIGN_OK;
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
	guard_begin(g);
	rc = sqlite3_prepare_v2(g->db->sql, query, -1, &st, &tail);
	if (rc != SQLITE_OK || !st) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", *g->why ? g->why : sqlite3_errmsg(g->db->sql));
		/* a function SQLite does not know here (readfile, writefile, edit of
		 * its shell) is refused as any function off the list is */
		if (!*g->why && !strncmp(msg, "no such function: ", 18))
			refuse(g, 0, "the SQL calls %s(), which rules may not use", msg + 18);
		sqlite3_finalize(st);
		rules_sql_end(g);
		if (g->over || rc == SQLITE_TOOBIG)
			return rules_sql_failed(g, rule, rc);
		/* out of memory while compiling: not the rule's fault */
		if ((rc & 0xff) == SQLITE_NOMEM)
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
		if (!*g->why && rc == SQLITE_OK)
			return error_set(CAMPAIGN_EINVALID, "rule \"%s\": the query is empty", rule);
		return *g->why ? error_set(CAMPAIGN_EINVALID, "rule \"%s\": %s", rule, g->why)
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
	sql_guard g = {.db = db};
	sqlite3_stmt *st;
	int rc = rules_sql_prepare(&g, rule, query, &st);
	if (!rc) {
		sqlite3_finalize(st);
		rules_sql_end(&g);
	}
	return rc;
}
