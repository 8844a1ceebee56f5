/* The responsibility matrix: a unit's row, a measure's units, the 任务分工表
 * and the plan's warnings. Groups are expanded through the
 * unit_responsibility view (schema 002), which SQLite answers from the
 * indexes on responsibility(unit) and unit_group_member(unit). */
#include <string.h>
#include "plan/plan.h"

/* Opens a cursor with ?1 = campaign rid and ?2 = the rid of @id in @table
 * (which is required when @table is given). */
static int matrix_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *table,
                        const char *id, const char *sql, const char *types)
{
	sqlite3_int64 crid;
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, campaign, sql, types, &crid);
	if (!rc && table && !id)
		rc = error_set(CAMPAIGN_EINVALID, "a %s id is required", table);
	if (!rc)
		rc = query_bind_object(db, c, 2, table, crid, id);
	return query_done(out, c, rc);
}

/* The deadlines of a task's outcomes, as three scalar subqueries over o.task = T. */
#define TASK_DEADLINES(T)                                                                             \
	"(SELECT group_concat(deadline_text, '；') FROM (SELECT deadline_text FROM outcome "             \
	"WHERE task = " T " AND deadline_text IS NOT NULL ORDER BY ord)) AS deadline_text, "            \
	"(SELECT min(first) FROM outcome WHERE task = " T ") AS deadline_first, "                         \
	"(SELECT max(last) FROM outcome WHERE task = " T ") AS deadline_last"

int campaign_unit_matrix_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit)
{
	return matrix_query(out, db, campaign, "unit", unit,
	                    "SELECT m.id AS measure, t.id AS task, t.title AS task_title, m.label, m.text, ru.role, "
	                    "g.id AS via_group, ru.written, ru.condition, " TASK_DEADLINES("m.task") ", "
	                    /* of the task's outcomes, those this unit owes a share of (its owners, schema 015) */
	                    "(SELECT group_concat(id, ',') FROM (SELECT o.id FROM outcome_share s JOIN outcome o "
	                    "ON o.rid = s.outcome WHERE s.unit = ?2 AND o.task = m.task ORDER BY o.ord)) AS outcomes_owed"
	                    " FROM unit_responsibility ru JOIN measure m ON m.rid = ru.measure "
	                    "JOIN task t ON t.rid = m.task LEFT JOIN unit_group g ON g.rid = ru.via_group "
	                    "WHERE ru.unit = ?2 AND m.campaign = ?1 ORDER BY m.ord, ru.ord",
	                    "ttttttttttddt");
}

int campaign_measure_units_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *measure)
{
	return matrix_query(out, db, campaign, "measure", measure,
	                    "SELECT m.id AS measure, ru.role, u.id AS unit, u.name AS unit_name, g.id AS via_group, "
	                    "ru.written, ru.condition FROM unit_responsibility ru JOIN measure m ON m.rid = ru.measure "
	                    "JOIN unit u ON u.rid = ru.unit LEFT JOIN unit_group g ON g.rid = ru.via_group "
	                    "WHERE ru.measure = ?2 AND m.campaign = ?1 "
	                    "ORDER BY ru.role = 'support', ru.ord, ru.member_ord",
	                    "ttttttt");
}

/* A responsibility list as written: names "、"-joined, a scope in parentheses. */
#define ROLE_NAMES(ROLE)                                                                              \
	"(SELECT group_concat(written || coalesce('(' || condition || ')', ''), '、') FROM "             \
	"(SELECT written, condition FROM responsibility WHERE measure = m.rid AND role = '" ROLE "' "     \
	"ORDER BY ord))"

int campaign_matrix_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return matrix_query(out, db, campaign, NULL, NULL,
	                    "SELECT row_number() OVER (ORDER BY m.ord) AS seq, t.id AS task, t.label AS task_label, "
	                    "t.title AS task_title, m.id AS measure, m.label, m.text, " ROLE_NAMES("lead") " AS lead, "
	                    ROLE_NAMES("support") " AS support, "
	                    "(SELECT group_concat(deadline_text, '；') FROM (SELECT deadline_text FROM outcome "
	                    "WHERE task = m.task AND deadline_text IS NOT NULL ORDER BY ord)) AS deadline_text, "
	                    "(SELECT max(last) FROM outcome WHERE task = m.task) AS deadline_last "
	                    "FROM measure m JOIN task t ON t.rid = m.task WHERE m.campaign = ?1 ORDER BY m.ord",
	                    "itttttttttd");
}

int campaign_plan_warnings_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return matrix_query(
		out, db, campaign, NULL, NULL,
		"SELECT kind, object, message FROM ("
		"SELECT 1 AS k, m.ord AS o, 'measure_without_lead' AS kind, m.id AS object, "
		"'措施 ' || m.id || ' 没有牵头单位' AS message FROM measure m "
		"WHERE m.campaign = ?1 AND NOT EXISTS (SELECT 1 FROM responsibility r WHERE r.measure = m.rid AND r.role = 'lead') "
		"UNION ALL "
		"SELECT 2, u.ord, 'unit_without_measure', u.id, u.name || ' 未承担任何措施' FROM unit u "
		"WHERE u.campaign = ?1 AND NOT EXISTS (SELECT 1 FROM unit_responsibility ru WHERE ru.unit = u.rid) "
		"UNION ALL "
		"SELECT 3, m.ord * 1000 + r.ord, 'scoped_lead', m.id, "
		"r.written || ' 仅在“' || r.condition || '”时为措施 ' || m.id || ' 的牵头单位' "
		"FROM responsibility r JOIN measure m ON m.rid = r.measure "
		"WHERE m.campaign = ?1 AND r.role = 'lead' AND r.condition IS NOT NULL"
		") ORDER BY k, o",
		"ttt");
}
