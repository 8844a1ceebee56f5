/* The plan: import/export entry points and the read queries over the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plan/plan.h"

OPTIONS_INIT_FN(import, CAMPAIGN_IMPORT_OPTIONS_VERSION)

int campaign_plan_import_file(campaign_db *db, const char *path, const char *actor,
                              const campaign_import_options *opts)
{
	return plan_import(db, 0, path, path, actor, opts);
}

int campaign_plan_import_string(campaign_db *db, const char *yaml, const char *name, const char *actor,
                                const campaign_import_options *opts)
{
	return plan_import(db, 1, yaml, name ? name : "<string>", actor, opts);
}

int campaign_plan_export_yaml(campaign_buf **out, campaign_db *db, const char *campaign)
{
	sqlite3_int64 rid;
	campaign_buf *b;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "campaign_plan_export_yaml: out is NULL");
	if ((rc = db_check(db)) || (rc = db_campaign_rid(db, campaign, &rid)))
		return rc;
	if (!(b = calloc(1, sizeof *b)))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	if ((rc = plan_export(b, db, rid))) {
		campaign_buf_free(b);
		return rc;
	}
	*out = b;
	error_ok();
	return CAMPAIGN_OK;
}

int campaign_plan_export_yaml_file(campaign_db *db, const char *campaign, const char *path)
{
	campaign_buf *b;
	int rc;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_plan_export_yaml_file: path is NULL");
	if ((rc = campaign_plan_export_yaml(&b, db, campaign)))
		return rc;
	rc = buf_write_file(b, path);
	campaign_buf_free(b);
	return rc;
}

static const char SQL_DELETE[] = "DELETE FROM campaign WHERE rid = ?1";

static int delete_check(void *ctx)
{
	return ctx ? CAMPAIGN_OK : error_set(CAMPAIGN_EINVALID, "campaign_plan_delete: name the campaign");
}

static int delete_body(write_op *op, void *ctx)
{
	sqlite3_stmt *st = db_stmt(op->db, SQL_DELETE);
	(void)ctx;
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, op->crid);
	return db_step_done(op->db, st, "cannot delete the campaign");
}

int campaign_plan_delete(campaign_db *db, const char *campaign, const char *actor)
{
	write_op op = {.name = "plan.delete", .actor = actor, .campaign = campaign, .object = campaign,
	               .access = ACCESS_PLAN, .check = delete_check, .body = delete_body};
	return db_write(db, &op, (void *)campaign, NULL);
}

/* ---- queries ---- */

/* Opens a cursor on @sql with ?1 bound to the campaign's rid and ?2 to the
 * rid of @parent in @parent_table (or NULL when @parent is NULL). */
static int plan_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *sql,
                      const char *types, const char *parent_table, const char *parent)
{
	sqlite3_int64 crid;
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, campaign, sql, types, &crid);
	if (!rc)
		rc = query_bind_object(db, c, 2, parent_table, crid, parent);
	return query_done(out, c, rc);
}

/* Opens a cursor on @sql, which is about no one campaign. */
static int store_query(campaign_cursor **out, campaign_db *db, const char *sql, const char *types)
{
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, NULL, sql, types, NULL);
	return query_done(out, c, rc);
}

int campaign_campaigns_query(campaign_cursor **out, campaign_db *db)
{
	return store_query(out, db,
	                   "SELECT id, title, issuer, basis, basis_title, period_text, period_first, "
	                   "period_last, preamble, summary, requirements, imported_by, imported_at "
	                   "FROM campaign ORDER BY rid",
	                   "ttttttddttttt");
}

int campaign_units_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return plan_query(out, db, campaign,
	                  "SELECT u.id, u.name, u.kind, p.id AS parent, u.aliases FROM unit u "
	                  "LEFT JOIN unit p ON p.rid = u.parent WHERE u.campaign = ?1 ORDER BY u.ord",
	                  "ttttt", NULL, NULL);
}

int campaign_unit_groups_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return plan_query(out, db, campaign,
	                  "SELECT g.id, g.name, g.aliases, "
	                  "(SELECT count(*) FROM unit_group_member m WHERE m.grp = g.rid) AS member_count, g.derive "
	                  "FROM unit_group g WHERE g.campaign = ?1 ORDER BY g.ord",
	                  "tttit", NULL, NULL);
}

int campaign_unit_group_members_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                      const char *group)
{
	if (!group)
		return error_set(CAMPAIGN_EINVALID, "campaign_unit_group_members_query: group is NULL");
	return plan_query(out, db, campaign,
	                  "SELECT g.id AS group_id, u.id AS unit, u.name AS unit_name FROM unit_group_member m "
	                  "JOIN unit_group g ON g.rid = m.grp JOIN unit u ON u.rid = m.unit "
	                  "WHERE g.campaign = ?1 AND m.grp = ?2 ORDER BY m.ord",
	                  "ttt", "unit_group", group);
}

int campaign_bodies_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return plan_query(out, db, campaign,
	                  "SELECT b.id, b.name, p.id AS parent, s.id AS seat, b.duty FROM body b "
	                  "LEFT JOIN body p ON p.rid = b.parent LEFT JOIN unit s ON s.rid = b.seat "
	                  "WHERE b.campaign = ?1 ORDER BY b.ord",
	                  "ttttt", NULL, NULL);
}

int campaign_body_members_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                const char *body)
{
	return plan_query(out, db, campaign,
	                  "SELECT b.id AS body, m.name, m.role, m.title, u.id AS unit, g.id AS unit_group, "
	                  "m.concurrent FROM body_member m JOIN body b ON b.rid = m.body "
	                  "LEFT JOIN unit u ON u.rid = m.unit LEFT JOIN unit_group g ON g.rid = m.grp "
	                  "WHERE b.campaign = ?1 AND (?2 IS NULL OR m.body = ?2) ORDER BY b.ord, m.ord",
	                  "tttttti", "body", body);
}

int campaign_phases_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return plan_query(out, db, campaign,
	                  "SELECT id, ord AS ordinal, name, period_text, first, last, focus FROM phase "
	                  "WHERE campaign = ?1 ORDER BY ord",
	                  "tittddt", NULL, NULL);
}

int campaign_milestones_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                              const char *phase)
{
	return plan_query(out, db, campaign,
	                  "SELECT m.id, p.id AS phase, m.text, m.deadline_text, m.first, m.last, "
	                  "u.id AS unit, g.id AS unit_group FROM milestone m JOIN phase p ON p.rid = m.phase "
	                  "LEFT JOIN unit u ON u.rid = m.unit LEFT JOIN unit_group g ON g.rid = m.grp "
	                  "WHERE m.campaign = ?1 AND (?2 IS NULL OR m.phase = ?2) ORDER BY m.ord",
	                  "ttttddtt", "phase", phase);
}

int campaign_tasks_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *parent)
{
	if (!parent)
		return plan_query(out, db, campaign,
		                  "SELECT t.id, p.id AS parent, t.depth, t.label, t.title, t.objective FROM task t "
		                  "LEFT JOIN task p ON p.rid = t.parent WHERE t.campaign = ?1 ORDER BY t.ord",
		                  "ttittt", NULL, NULL);
	return plan_query(out, db, campaign,
	                  "WITH RECURSIVE sub(rid) AS (SELECT rid FROM task WHERE parent = ?2 "
	                  "UNION ALL SELECT t.rid FROM task t JOIN sub ON t.parent = sub.rid) "
	                  "SELECT t.id, p.id AS parent, t.depth, t.label, t.title, t.objective FROM sub "
	                  "JOIN task t ON t.rid = sub.rid LEFT JOIN task p ON p.rid = t.parent "
	                  "WHERE t.campaign = ?1 ORDER BY t.ord",
	                  "ttittt", "task", parent);
}

int campaign_measures_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *task)
{
	return plan_query(out, db, campaign,
	                  "SELECT m.id, t.id AS task, m.label, m.text FROM measure m JOIN task t ON t.rid = m.task "
	                  "WHERE m.campaign = ?1 AND (?2 IS NULL OR m.task = ?2) ORDER BY m.ord",
	                  "tttt", "task", task);
}

int campaign_responsibilities_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                    const char *measure)
{
	return plan_query(out, db, campaign,
	                  "SELECT m.id AS measure, r.role, u.id AS unit, g.id AS unit_group, r.written AS name, "
	                  "r.condition FROM responsibility r JOIN measure m ON m.rid = r.measure "
	                  "LEFT JOIN unit u ON u.rid = r.unit LEFT JOIN unit_group g ON g.rid = r.grp "
	                  "WHERE m.campaign = ?1 AND (?2 IS NULL OR r.measure = ?2) ORDER BY m.ord, r.ord",
	                  "tttttt", "measure", measure);
}

int campaign_outcomes_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *task)
{
	return plan_query(out, db, campaign,
	                  "SELECT o.id, t.id AS task, o.label, o.text, o.deadline_text, o.first, o.last, "
	                  "o.open_ended, (SELECT group_concat(id, ',') FROM (SELECT u.id FROM outcome_share s "
	                  "JOIN unit u ON u.rid = s.unit WHERE s.outcome = o.rid ORDER BY u.ord)) AS owners, "
	                  "(SELECT group_concat(id, ',') FROM (SELECT coalesce(u.id, g.id) AS id FROM outcome_owner w "
	                  "LEFT JOIN unit u ON u.rid = w.unit LEFT JOIN unit_group g ON g.rid = w.grp "
	                  "WHERE w.outcome = o.rid ORDER BY w.ord)) AS owners_named, "
	                  "(SELECT group_concat(name, '、') FROM (SELECT u.name FROM outcome_share s "
	                  "JOIN unit u ON u.rid = s.unit WHERE s.outcome = o.rid ORDER BY u.ord)) AS owner_names "
	                  "FROM outcome o JOIN task t ON t.rid = o.task "
	                  "WHERE o.campaign = ?1 AND (?2 IS NULL OR o.task = ?2) ORDER BY o.ord",
	                  "tttttddittt", "task", task);
}

int campaign_changes_query(campaign_cursor **out, campaign_db *db)
{
	return store_query(out, db,
	                   "SELECT seq, at, actor, operation, campaign, object, detail FROM audit_log WHERE kind = 'call' "
	                   "ORDER BY seq",
	                   "ittttt" "t");
}
