/* Private helpers shared by the accountability modules (people, evaluation,
 * rules, tours, look-back, rotation, proposals and actions). Not installed.
 * Every public write runs through db_write() and every query through
 * query_run() (the query path); both build on the core (core/core.h). */
#ifndef CAMPAIGN_ACCOUNTABILITY_PRIVATE_H
#define CAMPAIGN_ACCOUNTABILITY_PRIVATE_H

#include "core/core.h"
#include "io/io.h"

/* The actions a proposal may name, and their Chinese labels. */
extern const char *const ACC_ACTIONS[];
/* "suspension" -> "停职"; NULL for an unknown action. */
const char *acc_action_label(const char *action);
/* The SQL CASE expression giving the label of the action in column @C. */
#define ACC_ACTION_LABEL(C)                                                                                     \
	"CASE " C " WHEN 'suspension' THEN '停职' WHEN 'removal' THEN '免职' WHEN 'interview' THEN '约谈' "        \
	"WHEN 'leadership_adjustment' THEN '干部调整' WHEN 'accountability' THEN '问责' "                          \
	"WHEN 'strict_accountability' THEN '严格责任追究' WHEN 'remedial_work' THEN '补课' "                        \
	"WHEN 'inspection_tour' THEN '巡视' WHEN 'rotation' THEN '轮岗交流' END"

/* 1 if @s is one of the NULL-terminated @list. */
int acc_one_of(const char *s, const char *const *list);

/* The person holding a principal post (主要负责人) of the unit in SQL
 * expression @U on the date ?2, or NULL. Indexed: post(unit, principal),
 * post_holding(post, start_on). */
#define ACC_PRINCIPAL(U)                                                                                         \
	"(SELECT h.person FROM post p JOIN post_holding h ON h.post = p.id WHERE p.unit = " U                       \
	" AND p.principal = 1 AND h.start_on <= ?2 AND (h.end_on IS NULL OR h.end_on >= ?2) "                      \
	"ORDER BY h.start_on DESC, h.id LIMIT 1)"

/* ---- rule kinds: each one query over the store ----
 * Bound: ?1 the campaign's rid, ?2 the as-of date, ?3 the rule's parameters
 * (JSON), ?4 the rule's id, ?5 the action it proposes. Columns (ACC_WRAP):
 * unit (rid or NULL), person (id or NULL), key (what makes the proposal
 * unique for the rule), evidence ("table:id,..."), reason (Chinese; the
 * inner query writes "{person}" for the person's name), due_on, ref (the
 * item a remedial work is about), parent (the proposal escalated). */
typedef struct rule_kind {
	const char *kind;
	const char *sql;
} rule_kind;

#define ACC_WRAP(INNER)                                                                                          \
	"SELECT x.unit, x.person, x.key, x.evidence, "                                                               \
	"replace(x.reason, '{person}', coalesce(pp.name, '(主要负责人未登记)')) AS reason, x.due_on, x.ref, x.parent " \
	"FROM (" INNER ") x LEFT JOIN person pp ON pp.id = x.person LEFT JOIN unit uu ON uu.rid = x.unit "          \
	"ORDER BY uu.ord, x.key"

/* A parameter of the rule (?3), e.g. ACC_P("n"). */
#define ACC_P(NAME) "json_extract(?3, '$." NAME "')"

/* The status of a rectification on date expression @D (its latest update on
 * or before it; not_started without one), as rectification.c judges it. */
#define ACC_RECT_STATUS(R, D)                                                                                   \
	"coalesce((SELECT x.status FROM rectification_update x WHERE x.rectification = " R " AND x.updated_on <= " D \
	" ORDER BY x.updated_on DESC, x.id DESC LIMIT 1), 'not_started')"

/* The overdue rectifications on ?2, as rectification.c judges them. */
#define ACC_OVERDUE_RECTIFICATIONS                                                                                 \
	"SELECT r.id, r.unit, r.deadline FROM rectification r WHERE r.campaign = ?1 AND r.deadline < ?2 "          \
	"AND NOT (r.closed_on IS NOT NULL AND r.closed_on <= ?2) "                                                 \
	"AND " ACC_RECT_STATUS("r.id", "?2") " IN ('not_started', 'in_progress')"

/* runs(person, unit, kind, since, until, current_since, post, ev): the runs
 * of key-post holdings begun by ?2, filtered by the kinds of ?3. Gaps and
 * islands: a holding starts a new run when it begins more than a day after
 * every earlier holding of the same (person, unit, kind) has ended. */
#define ACC_TENURE_CTE                                                                                             \
	"WITH h AS (SELECT ph.id, ph.person, p.unit, p.kind, ph.post, ph.start_on, "                              \
	"coalesce(ph.end_on, '9999-12-30') AS end_on FROM post p JOIN post_holding ph ON ph.post = p.id "          \
	"WHERE p.campaign = ?1 AND p.key_post = 1 AND ph.start_on <= ?2 AND (" ACC_P("kinds") " IS NULL "          \
	"OR p.kind IN (SELECT value FROM json_each(?3, '$.kinds')))), "                                           \
	"g AS (SELECT h.*, max(end_on) OVER (PARTITION BY person, unit, kind ORDER BY start_on, id "              \
	"ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM h), "                                 \
	"i AS (SELECT g.*, sum(CASE WHEN prev_end IS NULL OR start_on > date(prev_end, '+1 day') THEN 1 ELSE 0 END) " \
	"OVER (PARTITION BY person, unit, kind ORDER BY start_on, id ROWS UNBOUNDED PRECEDING) AS island FROM g), " \
	"j AS (SELECT i.*, min(start_on) OVER (PARTITION BY person, unit, kind, island) AS run_since, "           \
	"max(end_on) OVER (PARTITION BY person, unit, kind, island) AS run_until FROM i), "                        \
	/* one max() only, so that post comes from the latest holding */                                          \
	"runs AS (SELECT person, unit, kind, run_since AS since, run_until AS until, "                             \
	"max(start_on) AS current_since, post, group_concat('post_holding:' || id, ',') AS ev "                    \
	"FROM (SELECT * FROM j ORDER BY start_on, id) GROUP BY person, unit, kind, island) "

#define ACC_FULL_YEARS(FROM)                                                                                       \
	"(CAST(strftime('%Y', ?2) AS INTEGER) - CAST(strftime('%Y', " FROM ") AS INTEGER) - "                      \
	"(strftime('%m-%d', ?2) < strftime('%m-%d', " FROM ")))"

#define ACC_KIND_LABEL(K)                                                                                         \
	"CASE " K " WHEN 'budget' THEN '管预算' WHEN 'projects' THEN '管项目' WHEN 'enforcement' THEN '管执法' " \
	"WHEN 'personnel' THEN '管人事' END"

extern const rule_kind ACC_KIND_BEHAVIOUR, ACC_KIND_EVALUATION, ACC_KIND_RECTIFICATION, ACC_KIND_CASES,
	ACC_KIND_CONCEALMENT;                                               /* accountability_kinds.c */
extern const rule_kind ACC_KIND_LOOKBACK, ACC_KIND_LOOKBACK_ESCALATION; /* lookback.c */
extern const rule_kind ACC_KIND_TOUR;                                   /* tour_rule.c */
extern const rule_kind ACC_KIND_TENURE;                                 /* rotation_rule.c */

/* ---- rules_sql.c: the `sql` escape hatch ---- */

/* The budget of one `sql` rule, while its query is prepared and run
 * (docs/accountability.md gives the figures measured): virtual-machine
 * steps, the length of any one value, the rows it returns and their bytes. */
#define RULE_SQL_STEPS 50000000
#define RULE_SQL_LENGTH 1000000
#define RULE_SQL_ROWS 100000
#define RULE_SQL_BYTES 64000000

/* What the authorizer refused, while a rule's query is prepared and run;
 * the steps run so far (over: past RULE_SQL_STEPS), and the connection's
 * own length limit, restored by rules_sql_end(). */
typedef struct sql_guard {
	campaign_db *db;
	char why[512];
	int write;
	int over, length;
	long long steps;
} sql_guard;

/* The views a `sql` rule may read, NULL-terminated (docs/accountability.md). */
extern const char *const RULE_VIEWS[];

/* Prepares a rule's query under the authorizer that allows reading only the
 * documented views, and checks it is one read-only statement with the
 * columns a proposal needs. The error says why a query is refused:
 * "rule \"R\": a sql rule may only read: ...". The authorizer stays in place
 * (so that stepping is checked too) until rules_sql_end(). */
int rules_sql_prepare(sql_guard *g, const char *rule, const char *query, sqlite3_stmt **out);
void rules_sql_end(sql_guard *g);
/* The error of a rule's query whose step gave @step (not SQLITE_DONE):
 * past its budget, a value too long, refused, or failed. */
int rules_sql_failed(sql_guard *g, const char *rule, int step);
/* The error of a rule that returned more than RULE_SQL_ROWS rows or
 * RULE_SQL_BYTES bytes (@rows, @bytes so far), or CAMPAIGN_OK. */
int rules_sql_rows_check(const char *rule, size_t rows, size_t bytes);
/* Checks a query at import: prepare, check, finalize. */
int rules_sql_check(campaign_db *db, const char *rule, const char *query);

/* ---- acc_write.c: the versioned options structs, the recorded pair ---- */

/* Defines the public campaign_NAME_options_init() and the static
 * NAME_options_check(opts), the call's first check (core's options door). */
#define ACC_OPTIONS(NAME, VERSION)                                                                            \
	OPTIONS_INIT_FN(NAME, VERSION)                                                                            \
	static int NAME##_options_check(const void *opts)                                                         \
	{                                                                                                         \
		return options_check(opts, VERSION, "campaign_" #NAME "_options");                                    \
	}
/* Binds @actor and the current time to ?@i and ?@i+1 (a row's recorded_by
 * and recorded_at, or imported_by and imported_at) and runs @st; @what
 * names a failure. */
int acc_step_recorded(campaign_db *db, sqlite3_stmt *st, int i, const char *actor, const char *what);
/* The insert @sql with a new id made into @id (the caller binds it to ?1,
 * with the rest, by bind_all()); NULL with the last error set. */
sqlite3_stmt *acc_insert_new(stmts *c, const char *sql, char id[37]);

/* ---- evaluation of one rule (accountability.c) ---- */

/* A rule in force, as read from the store. */
typedef struct rule_row {
	char ruleset[128], id[128], kind[32], action[32];
	int version, ord;
	char *params; /* JSON, owned */
} rule_row;

/* ---- people.c ---- */

/* Resolves a person id of the campaign; ENOTFOUND naming it. */
int person_check(stmts *c, sqlite3_int64 crid, const char *person);
/* Inserts or updates a post / a person / a holding inside the caller's
 * transaction (the checks of the public calls included). */
int post_upsert(stmts *c, sqlite3_int64 crid, const char *id, const char *unit, const char *name, const char *kind,
                int key_post, int principal, const char *actor);
int person_upsert(stmts *c, sqlite3_int64 crid, const char *id, const char *name, const char *unit,
                  const char *retires_on, const char *actor);
int holding_upsert(stmts *c, sqlite3_int64 crid, const char *person, const char *post, const char *start_on,
                   const char *end_on, const char *actor);

/* ---- evaluation.c ---- */

/* Validates and records (or replaces) one score inside the caller's transaction. */
int evaluation_insert(stmts *c, sqlite3_int64 crid, int year, const char *period, const char *unit,
                      const char *score, const char *evaluated_on, const char *note, const char *actor);

#endif
