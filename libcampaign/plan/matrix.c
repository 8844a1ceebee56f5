/* The responsibility matrix: a unit's row, a measure's units, the 任务分工表
 * and the plan's warnings. Groups are expanded through the
 * unit_responsibility view (schema 002), which SQLite answers from the
 * indexes on responsibility(unit) and unit_group_member(unit). */
#include <string.h>
#include "plan/plan.h"

/* Opens a cursor with ?1 = campaign rid and ?2 = the rid of @id in @table
 * (which is required when @table is given); for "units", the units of the
 * group @id names (for UNITS_IN). */
static int matrix_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *table,
                        const char *id, const char *sql, const char *types)
{
	sqlite3_int64 crid;
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, campaign, sql, types, &crid);
	if (!rc && table && !id)
		rc = error_set(CAMPAIGN_EINVALID, "a %s id is required", table);
	if (!rc)
		rc = table && !strcmp(table, "units") ? units_bind(db, cursor_stmt(c), 2, crid, id)
		                                      : query_bind_object(db, c, 2, table, crid, id);
	return query_done(out, c, rc);
}

/* The deadlines of a task's outcomes, as three scalar subqueries over o.task = T. */
#define TASK_DEADLINES(T)                                                                             \
	"(SELECT group_concat(deadline_text, '；') FROM (SELECT deadline_text FROM outcome "             \
	"WHERE task = " T " AND deadline_text IS NOT NULL ORDER BY ord)) AS deadline_text, "            \
	"(SELECT min(first) FROM outcome WHERE task = " T ") AS deadline_first, "                         \
	"(SELECT max(last) FROM outcome WHERE task = " T ") AS deadline_last"

/* A unit's rows (or a group's members', for the filter given), in plan order. */
#define UNIT_MATRIX(FILTER, ORDER)                                                                            \
	"SELECT m.id AS measure, t.id AS task, t.title AS task_title, m.label, m.text, ru.role, "                \
	"g.id AS via_group, ru.written, ru.condition, " TASK_DEADLINES("m.task") ", "                           \
	/* of the task's outcomes, those this unit owes a share of (its owners, schema 015) */                  \
	"(SELECT group_concat(id, ',') FROM (SELECT o.id FROM outcome_share s JOIN outcome o "                    \
	"ON o.rid = s.outcome WHERE s.unit = ru.unit AND o.task = m.task ORDER BY o.ord)) AS outcomes_owed"        \
	", u.id AS unit, u.name AS unit_name FROM unit_responsibility ru JOIN measure m ON m.rid = ru.measure " \
	"JOIN task t ON t.rid = m.task JOIN unit u ON u.rid = ru.unit "                                         \
	"LEFT JOIN unit_group g ON g.rid = ru.via_group WHERE " FILTER " AND m.campaign = ?1 ORDER BY " ORDER

int campaign_unit_matrix_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit)
{
	/* one unit: "= ?2", which SQLite answers from the view's indexes (see units_is_group()) */
	if (units_is_group(db, campaign, unit))
		return matrix_query(out, db, campaign, "units", unit,
		                    UNIT_MATRIX(UNITS_IN("ru.unit", "?2"), "m.ord, u.ord, ru.ord"), "ttttttttttddttt");
	return matrix_query(out, db, campaign, "unit", unit, UNIT_MATRIX("ru.unit = ?2", "m.ord, ru.ord"),
	                    "ttttttttttddttt");
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
		"WHERE m.campaign = ?1 AND r.role = 'lead' AND r.condition IS NOT NULL "
		/* deadlines the document sets outside its own dates: accepted, and said (issue 14, item 4) */
		"UNION ALL "
		"SELECT 4, x.o, 'deadline_before_campaign', x.id, x.what || '“' || x.text || '”的时限 ' || x.last || "
		"' 早于方案开始(' || c.period_first || ')' FROM (SELECT o.ord AS o, o.id, '成果' AS what, o.text, o.last "
		"FROM outcome o WHERE o.campaign = ?1 UNION ALL SELECT 1000000 + m.ord, m.id, '节点', m.text, m.last "
		"FROM milestone m WHERE m.campaign = ?1) x, campaign c WHERE c.rid = ?1 AND x.last < c.period_first "
		"UNION ALL "
		"SELECT 5, m.ord, 'deadline_outside_phase', m.id, '节点“' || m.text || '”的时限 ' || m.last || ' 不在阶段“' || "
		"p.name || '”(' || p.first || '至' || p.last || ')内' FROM milestone m JOIN phase p ON p.rid = m.phase "
		"JOIN campaign c ON c.rid = m.campaign WHERE m.campaign = ?1 AND m.last >= c.period_first "
		"AND (m.last < p.first OR m.last > p.last) "
		"UNION ALL "
		"SELECT 6, o.ord, 'deadline_after_campaign', o.id, '成果“' || o.text || '”的时限 ' || o.last || "
		"' 晚于方案结束(' || c.period_last || ')' FROM outcome o JOIN campaign c ON c.rid = o.campaign "
		"WHERE o.campaign = ?1 AND o.last > c.period_last"
		") ORDER BY k, o",
		"ttt");
}
