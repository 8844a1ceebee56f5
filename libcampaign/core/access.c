/* Roles and the authorisation of every call that takes an actor. */
#include <stdio.h>
#include <string.h>
#include "core/core.h"

static const char *const ROLES[] = {"supervision_office", "leadership", "unit_clerk", "auditor", NULL};

static const char SQL_ANY_ROLE[] = "SELECT EXISTS (SELECT 1 FROM access_role)";
static const char SQL_ROLE_OF[] =
	"SELECT r.role, r.unit, u.name FROM access_role r LEFT JOIN unit u ON u.rid = r.unit WHERE r.person = ?1";

/* 1 if any role is granted (the store is then closed to people without one). */
static int roles_exist(campaign_db *db, int *any)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ANY_ROLE);
	int rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	/* a failed read is never "no roles": that would let anyone write */
	*any = db_step_row(db, st, "cannot read the roles", &rc) && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc;
}

int access_role_of(campaign_db *db, const char *actor, int *any, char role[32], sqlite3_int64 *unit,
                   char unit_name[256])
{
	sqlite3_stmt *st;
	int rc;
	role[0] = unit_name[0] = '\0';
	*unit = 0;
	if ((rc = roles_exist(db, any)) || !*any)
		return rc;
	if (!(st = db_stmt(db, SQL_ROLE_OF)))
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, actor, -1, SQLITE_STATIC);
	if (db_step_row(db, st, "cannot read the roles", &rc)) {
		snprintf(role, 32, "%s", db_column_text(st, 0, &rc));
		*unit = sqlite3_column_int64(st, 1);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			snprintf(unit_name, 256, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	return rc;
}

int access_check(campaign_db *db, const char *actor, access_action action, sqlite3_int64 unit, const char *what)
{
	static const char *const verbs[] = {"change the plan", "write for this unit", "read confidential records",
	                                    "grant roles"};
	char role[32], unit_name[256];
	sqlite3_int64 role_unit = 0;
	int rc, any = 0, allowed;
	if ((rc = access_role_of(db, actor, &any, role, &role_unit, unit_name)) || !any)
		return rc;
	allowed = !strcmp(role, "supervision_office") ||
	          (action == ACCESS_UNIT && !strcmp(role, "unit_clerk") && unit && unit == role_unit) ||
	          (action == ACCESS_CONFIDENTIAL && !strcmp(role, "leadership"));
	if (allowed)
		return CAMPAIGN_OK;
	if (!*role)
		return error_set(CAMPAIGN_EPERM, "actor \"%s\" has no role in this store and may not %s (%s)", actor,
		                 verbs[action], what);
	return error_set(CAMPAIGN_EPERM, "actor \"%s\" (%s%s%s) may not %s (%s)", actor, role, *unit_name ? " of " : "",
	                 unit_name, verbs[action], what);
}

int access_denied(campaign_db *db, const char *actor, const char *what, const char *campaign, const char *object)
{
	char msg[1024];
	snprintf(msg, sizeof msg, "%s", campaign_error_message());
	/* the refusal is the one thing a refused call writes */
	if (!db->readonly)
		(void)db_log(db, actor, "denied", campaign, object, what);
	return error_set(CAMPAIGN_EPERM, "%s", msg);
}

int access_guard(campaign_db *db, const char *actor, access_action action, sqlite3_int64 unit, const char *what,
                 const char *campaign, const char *object)
{
	int rc = access_check(db, actor, action, unit, what);
	return rc == CAMPAIGN_EPERM ? access_denied(db, actor, what, campaign, object) : rc;
}

static const char SQL_GRANT[] =
	"INSERT INTO access_role (person, role, unit, granted_by, granted_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	"ON CONFLICT (person) DO UPDATE SET role = excluded.role, unit = excluded.unit, "
	"granted_by = excluded.granted_by, granted_at = excluded.granted_at";

typedef struct grant_in {
	const char *person, *role, *campaign, *unit;
} grant_in;

static int grant_check(void *ctx)
{
	const grant_in *g = ctx;
	int k;
	if (!g->person || !*g->person || !g->role)
		return error_set(CAMPAIGN_EINVALID, "campaign_role_grant: person and role are required");
	for (k = 0; ROLES[k] && strcmp(ROLES[k], g->role); k++)
		;
	if (!ROLES[k])
		return error_set(CAMPAIGN_EINVALID,
		                 "role \"%s\" is not one of supervision_office, leadership, unit_clerk, auditor", g->role);
	if ((strcmp(g->role, "unit_clerk") == 0) != (g->unit != NULL))
		return error_set(CAMPAIGN_EINVALID, "a unit_clerk needs a unit, and only a unit_clerk has one");
	return CAMPAIGN_OK;
}

static int grant_body(write_op *op, void *ctx)
{
	const grant_in *g = ctx;
	sqlite3_int64 crid, urid = 0;
	sqlite3_stmt *st;
	char now[21];
	int rc, any = 0;
	/* with no role yet the access check let anyone in: the first must be able to grant */
	if ((rc = roles_exist(op->db, &any)))
		return rc;
	if (!any && strcmp(g->role, "supervision_office"))
		return error_set(CAMPAIGN_EINVALID, "the first role granted must be a supervision_office, "
		                                    "or nobody could grant the next");
	/* the campaign matters only for a unit_clerk's unit */
	if (g->unit &&
	    ((rc = db_campaign_rid(op->db, g->campaign, &crid)) || (rc = db_object_rid(op->db, "unit", crid, g->unit, &urid))))
		return rc;
	if (!(st = db_stmt(op->db, SQL_GRANT)))
		return campaign_error_code_last();
	db_now(now);
	bind_all(st, "ttrtt", g->person, g->role, urid, op->actor, now);
	return db_step_done(op->db, st, "cannot grant the role");
}

int campaign_role_grant(campaign_db *db, const char *person, const char *role, const char *campaign,
                        const char *unit, const char *actor)
{
	grant_in g = {person, role, campaign, unit};
	write_op op = {.name = "role.grant", .actor = actor, .campaign = campaign, .object = person, .detail = role,
	               .access = ACCESS_GRANT, .flags = WRITE_NO_CAMPAIGN, .check = grant_check, .body = grant_body};
	return db_write(db, &op, &g, NULL);
}

static const char SQL_REVOKE[] = "DELETE FROM access_role WHERE person = ?1";
static const char SQL_OFFICES_LEFT[] = "SELECT count(*) FROM access_role WHERE role = 'supervision_office'";

static int revoke_check(void *ctx)
{
	return ctx ? CAMPAIGN_OK : error_set(CAMPAIGN_EINVALID, "campaign_role_revoke: person is required");
}

static int revoke_body(write_op *op, void *ctx)
{
	const char *person = ctx;
	sqlite3_stmt *st;
	int rc, none;
	if (!(st = db_stmt(op->db, SQL_REVOKE)))
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, person, -1, SQLITE_STATIC);
	if ((rc = db_step_done(op->db, st, "cannot revoke the role")))
		return rc;
	if (!sqlite3_changes(op->db->sql))
		return error_set(CAMPAIGN_ENOTFOUND, "\"%s\" has no role", person);
	if (!(st = db_stmt(op->db, SQL_OFFICES_LEFT)))
		return campaign_error_code_last();
	none = db_step_row(op->db, st, "cannot read the roles", &rc) && sqlite3_column_int(st, 0) == 0;
	sqlite3_reset(st);
	if (rc)
		return rc;
	return none ? error_set(CAMPAIGN_ECONFLICT, "revoking \"%s\" would leave no supervision_office to grant roles",
	                        person)
	            : CAMPAIGN_OK;
}

int campaign_role_revoke(campaign_db *db, const char *person, const char *actor)
{
	write_op op = {.name = "role.revoke", .actor = actor, .object = person, .access = ACCESS_GRANT,
	               .flags = WRITE_NO_CAMPAIGN, .check = revoke_check, .body = revoke_body};
	return db_write(db, &op, (void *)person, NULL);
}

int campaign_roles_query(campaign_cursor **out, campaign_db *db)
{
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, NULL,
	                     "SELECT r.person, r.role, cp.id AS campaign, u.id AS unit, u.name AS unit_name, "
	                     "r.granted_by, r.granted_at FROM access_role r LEFT JOIN unit u ON u.rid = r.unit "
	                     "LEFT JOIN campaign cp ON cp.rid = u.campaign ORDER BY r.person",
	                     "ttttttt", NULL);
	return query_done(out, c, rc);
}
