/* Retiring a rule set: its newest version stops being in force and records
 * who retired it, when and why. Nothing is deleted: its rules, the
 * evaluations made with it and the decisions on its proposals stay, and its
 * rule ids stay taken so that those proposals keep one meaning. */
#include <stdlib.h>
#include <string.h>
#include "accountability/accountability.h"

static const char SQL_NEWEST[] =
	"SELECT rid, version, retired_at IS NOT NULL FROM accountability_ruleset WHERE campaign = ?1 AND id = ?2 "
	"ORDER BY version DESC LIMIT 1";
static const char SQL_RETIRE[] =
	"UPDATE accountability_ruleset SET retired_reason = ?2, retired_by = ?3, retired_at = ?4 WHERE rid = ?1";

static int retire_check(void *ctx)
{
	const write_named *w = ctx; /* the rule set, the reason */
	int rc;
	if ((rc = need(w->object, "the rule set")) || (rc = need(w->detail, "the reason")))
		return rc;
	if (!utf8_valid(w->object, strlen(w->object)) || !utf8_valid(w->detail, strlen(w->detail)))
		return error_set(CAMPAIGN_EINVALID, "the rule set and the reason must be valid UTF-8");
	return CAMPAIGN_OK;
}

static int retire_body(write_op *op, void *ctx)
{
	const write_named *w = ctx;
	int found, version, retired;
	sqlite3_int64 rid;
	sqlite3_stmt *st = row_first(&op->st, SQL_NEWEST, op->crid, w->object, &found);
	if (!st)
		return campaign_error_code_last();
	if (!found) {
		sqlite3_reset(st);
		return error_set(CAMPAIGN_ENOTFOUND, "no rule set with id \"%s\"", w->object);
	}
	rid = sqlite3_column_int64(st, 0);
	version = sqlite3_column_int(st, 1);
	retired = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	if (retired)
		return error_set(CAMPAIGN_ECONFLICT, "rule set \"%s\" (version %d) is retired already", w->object, version);
	if (!(st = stmts_get(&op->st, SQL_RETIRE)))
		return campaign_error_code_last();
	bind_all(st, "It", rid, w->detail);
	return acc_step_recorded(op->db, st, 3, op->actor, "cannot retire the rule set");
}

int campaign_rules_retire(campaign_db *db, const char *campaign, const char *ruleset, const char *reason,
                          const char *actor)
{
	write_op op = {.name = "rules.retire", .actor = actor, .campaign = campaign, .object = ruleset,
	               .detail = reason, .access = ACCESS_PLAN, .check = retire_check, .body = retire_body};
	return db_write_named(db, &op);
}

static const char SQL_RULESETS[] =
	"SELECT s.id, s.version, s.name, s.source, (SELECT count(*) FROM accountability_rule r WHERE r.ruleset = s.rid) "
	"AS rules, s.imported_by, s.imported_at, CASE WHEN s.retired_at IS NULL THEN 'in_force' ELSE 'retired' END "
	"AS status, s.retired_by, s.retired_at, s.retired_reason, "
	"(SELECT count(*) FROM accountability_proposal p WHERE p.campaign = s.campaign AND p.ruleset = s.id) AS proposals "
	"FROM accountability_ruleset s WHERE s.campaign = ?1 AND s.version = "
	"(SELECT max(version) FROM accountability_ruleset m WHERE m.campaign = s.campaign AND m.id = s.id) ORDER BY s.id";

int campaign_rulesets_query(campaign_cursor **out, campaign_db *db, const char *campaign)
{
	return query_run(out, db, campaign, SQL_RULESETS, "titti" "ttttt" "ti", "");
}
