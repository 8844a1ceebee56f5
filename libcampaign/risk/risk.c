/* The risk register: risk types, risk points and their history, the
 * confidential note behind a point, and grading inputs as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "risk/risk.h"

/* ---- inputs ---- */

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

int risk_inputs_set(risk_inputs *in, const char *name, int value)
{
	int i, cmp = 1;
	for (i = 0; i < in->n && (cmp = strcmp(in->v[i].name, name)) < 0; i++)
		;
	if (i < in->n && cmp == 0) {
		in->v[i].value = value;
		return CAMPAIGN_OK;
	}
	if (in->n == RISK_INPUTS_MAX)
		return error_set(CAMPAIGN_EINVALID, "too many inputs (at most %d)", RISK_INPUTS_MAX);
	memmove(&in->v[i + 1], &in->v[i], (size_t)(in->n - i) * sizeof in->v[0]);
	snprintf(in->v[i].name, sizeof in->v[i].name, "%s", name);
	in->v[i].value = value;
	in->n++;
	return CAMPAIGN_OK;
}

/* One "name=value" or "name" part of @len bytes. */
static int parse_part(risk_inputs *out, const char *s, size_t len, const char *what)
{
	char name[RISK_NAME_MAX];
	size_t n = 0;
	long v = 1;
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (n < len && name_char(s[n]))
		n++;
	if (n == 0 || n >= sizeof name)
		return error_set(CAMPAIGN_EINVALID, "%s: \"%.*s\" is not name=value", what, (int)len, s);
	memcpy(name, s, n);
	name[n] = '\0';
	if (n < len) {
		char num[16], *end;
		size_t k = n;
		while (k < len && s[k] == ' ')
			k++;
		if (k == len || s[k] != '=' || len - k - 1 == 0 || len - k - 1 >= sizeof num)
			return error_set(CAMPAIGN_EINVALID, "%s: \"%.*s\" is not name=value", what, (int)len, s);
		memcpy(num, s + k + 1, len - k - 1);
		num[len - k - 1] = '\0';
		v = strtol(num, &end, 10);
		while (*end == ' ')
			end++;
		if (*end || end == num || v < -1000000 || v > 1000000)
			return error_set(CAMPAIGN_EINVALID, "%s: the value of %s, \"%s\", is not a whole number", what, name,
			                 num);
	}
	return risk_inputs_set(out, name, (int)v);
}

int risk_inputs_parse(risk_inputs *out, const char *text, const char *what)
{
	const char *p = text;
	int rc;
	out->n = 0;
	while (p && *p) {
		size_t len = strcspn(p, ",;");
		int blank = 1;
		for (size_t i = 0; i < len; i++)
			blank &= p[i] == ' ' || p[i] == '\t';
		if (!blank && (rc = parse_part(out, p, len, what)))
			return rc;
		p += len;
		if (*p)
			p++;
	}
	return CAMPAIGN_OK;
}

int risk_inputs_get(const risk_inputs *in, const char *name, int *found)
{
	for (int i = 0; i < in->n; i++)
		if (!strcmp(in->v[i].name, name)) {
			*found = 1;
			return in->v[i].value;
		}
	*found = 0;
	return 0;
}

int risk_inputs_format(const risk_inputs *in, struct campaign_buf *b)
{
	b->size = 0;
	if (buf_append(b, "", 0))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	for (int i = 0; i < in->n; i++)
		if (buf_printf(b, "%s%s=%d", i ? "," : "", in->v[i].name, in->v[i].value))
			return error_set(CAMPAIGN_ENOMEM, "out of memory");
	return CAMPAIGN_OK;
}

/* ---- types ---- */

static const char SQL_TYPE_ADD[] =
	"INSERT INTO risk_type (id, name, ord) VALUES (?1, ?2, (SELECT coalesce(max(ord), 0) + 1 FROM risk_type))";
static const char SQL_TYPE_EXISTS[] = "SELECT 1 FROM risk_type WHERE id = ?1 OR name = ?2";

static int type_check(void *ctx)
{
	const write_named *t = ctx; /* the type's id, its name */
	int rc;
	if ((rc = need(t->object, "the type id")) || (rc = need(t->detail, "the type name")))
		return rc;
	for (const char *p = t->object; *p; p++)
		if (!name_char(*p))
			return error_set(CAMPAIGN_EINVALID, "type id \"%s\": use letters, digits, '_' and '-'", t->object);
	return CAMPAIGN_OK;
}

static int type_body(write_op *op, void *ctx)
{
	const write_named *t = ctx;
	sqlite3_stmt *st = db_stmt(op->db, SQL_TYPE_EXISTS);
	int exists, rc = CAMPAIGN_OK;
	if (!st)
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, t->object, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t->detail, -1, SQLITE_STATIC);
	exists = db_step_row(op->db, st, "cannot read the risk types", &rc);
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (exists)
		return error_set(CAMPAIGN_ECONFLICT, "a risk type \"%s\" or \"%s\" exists already", t->object, t->detail);
	return stmt_run(NULL, op->db, SQL_TYPE_ADD, "cannot add the risk type", "tt", t->object, t->detail);
}

/* Types are not a campaign's: the entry names none. */
int campaign_risk_type_add(campaign_db *db, const char *id, const char *name, const char *actor)
{
	write_op op = {.name = "risk.type.add", .actor = actor, .object = id, .detail = name, .access = ACCESS_PLAN,
	               .text_args = (const char *const[]){"id", id, "name", name, NULL},
	               .flags = WRITE_NO_CAMPAIGN, .check = type_check, .body = type_body};
	return db_write_named(db, &op);
}

int campaign_risk_types_query(campaign_cursor **out, campaign_db *db)
{
	campaign_cursor *c;
	int rc = query_begin(out, &c, db, NULL, "SELECT id, name, ord FROM risk_type ORDER BY ord", "tti", NULL);
	return query_done(out, c, rc);
}

/* ---- points ---- */

static const char *const SCOPES[] = {"post", "business", "process_step", NULL};

static const char SQL_TYPE_OF[] = "SELECT id FROM risk_type WHERE id = ?1 OR name = ?1";
static const char SQL_POINT_EXISTS[] = "SELECT 1 FROM risk_point WHERE id = ?1";
static const char SQL_POINT_INSERT[] =
	"INSERT INTO risk_point (id, campaign, unit, scope, scope_name, type, name, description, manifestations, owner, "
	"leader, created_by, created_at, inputs, assessment) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, coalesce(?14, ''), ?15)";
static const char SQL_HISTORY_INSERT[] =
	"INSERT INTO risk_point_history (id, point, operation, field, before, after, actor, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_POINT_UNIT[] = "SELECT unit FROM risk_point WHERE id = ?1 AND campaign = ?2";

int risk_history_add(campaign_db *db, const char *point, const char *operation, const char *field,
                     const char *before, const char *after, const char *actor)
{
	char id[37], now[21];
	db_new_id(id);
	db_now(now);
	return stmt_run(NULL, db, SQL_HISTORY_INSERT, "cannot record the point's history", "ttttoott", id, point,
	                operation, field, before, after, actor, now);
}

int risk_row(campaign_db *db, const char *sql, const char *key, sqlite3_int64 crid, const char *kind,
             sqlite3_stmt **out)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	char what[80];
	int rc;
	*out = NULL;
	if (!st)
		return campaign_error_code_last();
	bind_copy(st, 1, key, -1);
	if (crid)
		sqlite3_bind_int64(st, 2, crid);
	if ((rc = stmt_step(st)) == SQLITE_ROW) {
		*out = st;
		return CAMPAIGN_OK;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return error_set(CAMPAIGN_ENOTFOUND, "no %s \"%s\"", kind, key);
	snprintf(what, sizeof what, "cannot look up the %s", kind);
	return error_from_sqlite(db->sql, rc, what);
}

int risk_point_unit(campaign_db *db, sqlite3_int64 crid, const char *point, sqlite3_int64 *unit)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = need(point, "the risk point")) || (rc = risk_row(db, SQL_POINT_UNIT, point, crid, "risk point", &st)))
		return rc;
	*unit = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return CAMPAIGN_OK;
}

/* Resolves a type id or name to its id (copied into @out). */
static int type_id(campaign_db *db, const char *type, char *out, size_t n)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = need(type, "the risk type")))
		return rc;
	if (!(st = db_stmt(db, SQL_TYPE_OF)))
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	if (db_step_row(db, st, "cannot read the risk types", &rc))
		column_copy(st, 0, out, n);
	else if (!rc)
		rc = error_set(CAMPAIGN_ENOTFOUND, "no risk type \"%s\" (see campaign_risk_types_query)", type);
	sqlite3_reset(st);
	return rc;
}

static int scope_check(const char *scope)
{
	int k;
	if (!scope || !*scope)
		return error_set(CAMPAIGN_EINVALID, "the scope is required (post, business, process_step)");
	for (k = 0; SCOPES[k] && strcmp(SCOPES[k], scope); k++)
		;
	return SCOPES[k] ? CAMPAIGN_OK
	                 : error_set(CAMPAIGN_EINVALID, "scope \"%s\" is not one of post, business, process_step", scope);
}

/* The id to use: the given one (checked free) or a new one. */
static int point_id(campaign_db *db, const char *given, char *out, size_t n)
{
	sqlite3_stmt *st;
	int taken, rc = CAMPAIGN_OK;
	if (!given || !*given) {
		char id[37];
		db_new_id(id);
		snprintf(out, n, "%s", id);
		return CAMPAIGN_OK;
	}
	if (strlen(given) >= n)
		return error_set(CAMPAIGN_EINVALID, "id \"%s\" is too long", given);
	if (!(st = db_stmt(db, SQL_POINT_EXISTS)))
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, given, -1, SQLITE_STATIC);
	taken = db_step_row(db, st, "cannot read the register", &rc);
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (taken)
		return error_set(CAMPAIGN_ECONFLICT, "a risk point \"%s\" exists already", given);
	snprintf(out, n, "%s", given);
	return CAMPAIGN_OK;
}

int risk_point_check(campaign_db *db, sqlite3_int64 crid, const risk_point_in *p, const char *actor,
                     risk_point_new *out)
{
	int rc;
	if ((rc = need(p->unit, "the unit")) || (rc = scope_check(p->scope)) ||
	    (rc = need(p->scope_name, "the scope name")) || (rc = need(p->name, "the risk point's name")) ||
	    (rc = db_object_rid(db, "unit", crid, p->unit, &out->unit)) ||
	    (rc = type_id(db, p->type, out->type, sizeof out->type)) ||
	    (rc = access_check(db, actor, ACCESS_UNIT, out->unit, "risk.point.add")))
		return rc;
	return point_id(db, p->id, out->id, sizeof out->id);
}

int risk_point_write(campaign_db *db, sqlite3_int64 crid, const risk_point_in *p, const risk_point_new *n,
                     const char *actor)
{
	char now[21];
	int rc;
	db_now(now);
	if ((rc = stmt_run(NULL, db, SQL_POINT_INSERT, "cannot add the risk point", "tIIttttoooottoo", n->id, crid, n->unit,
	                   p->scope, p->scope_name, n->type, p->name, p->description, p->manifestations, p->owner,
	                   p->leader, actor, now, n->inputs, n->assessment)))
		return rc;
	return risk_history_add(db, n->id, "add", "name", NULL, p->name, actor);
}

int risk_point_insert(campaign_db *db, sqlite3_int64 crid, const risk_point_in *p, const char *actor, char *id_out,
                      size_t id_size)
{
	risk_point_new n = {0};
	int rc;
	if ((rc = risk_point_check(db, crid, p, actor, &n)))
		return rc;
	snprintf(id_out, id_size, "%s", n.id);
	return risk_point_write(db, crid, p, &n, actor);
}

OPTIONS_INIT_FN(risk_point_add, CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION)

typedef struct point_args {
	const campaign_risk_point_add_options *opts;
	risk_point_in p;
	char id[128]; /* the point's id once checked ("" until then, also in a refusal's entry) */
} point_args;

static int point_add_check(void *ctx)
{
	point_args *a = ctx;
	const campaign_risk_point_add_options *o = a->opts;
	int rc = options_check(o, CAMPAIGN_RISK_POINT_ADD_OPTIONS_VERSION, "campaign_risk_point_add_options");
	if (!rc)
		a->p = (risk_point_in){o->id,   o->unit,        o->scope,          o->scope_name, o->type,
		                       o->name, o->description, o->manifestations, o->owner,      o->leader};
	return rc;
}

static int point_add_body(write_op *op, void *ctx)
{
	point_args *a = ctx;
	int rc = risk_point_insert(op->db, op->crid, &a->p, op->actor, a->id, sizeof a->id);
	op->detail = a->p.name;
	return rc ? rc : write_result(op, a->id);
}

static const write_text RISK_POINT_ADD_TEXTS[] = WRITE_TEXTS(campaign_risk_point_add_options);

int campaign_risk_point_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                            const campaign_risk_point_add_options *opts, const char *actor)
{
	point_args a = {.opts = opts};
	write_op op = {.texts = RISK_POINT_ADD_TEXTS, .text_of = opts,
	               .name = "risk.point.add", .actor = actor, .campaign = campaign, .object = a.id,
	               .access = WRITE_ANY, .check = point_add_check, .body = point_add_body};
	return db_write(db, &op, &a, out_id);
}

/* ---- update ---- */

static const char *const FIELDS[] = {"unit",  "scope",  "scope_name", "type",   "name", "description",
                                     "manifestations", "owner", "leader", "status", NULL};
static const char *const FIELD_SQL[] = {
	"UPDATE risk_point SET unit = ?2 WHERE id = ?1",
	"UPDATE risk_point SET scope = ?2 WHERE id = ?1",
	"UPDATE risk_point SET scope_name = ?2 WHERE id = ?1",
	"UPDATE risk_point SET type = ?2 WHERE id = ?1",
	"UPDATE risk_point SET name = ?2 WHERE id = ?1",
	"UPDATE risk_point SET description = ?2 WHERE id = ?1",
	"UPDATE risk_point SET manifestations = ?2 WHERE id = ?1",
	"UPDATE risk_point SET owner = ?2 WHERE id = ?1",
	"UPDATE risk_point SET leader = ?2 WHERE id = ?1",
	"UPDATE risk_point SET status = ?2 WHERE id = ?1",
};
static const char SQL_POINT_FIELDS[] =
	"SELECT u.id, p.scope, p.scope_name, p.type, p.name, p.description, p.manifestations, p.owner, p.leader, "
	"p.status FROM risk_point p JOIN unit u ON u.rid = p.unit WHERE p.id = ?1";

/* Checks and normalises the new value of field @f; @text gets the stored
 * text form (a unit's or a type's id), @urid a new unit's rid. */
static int field_value(campaign_db *db, sqlite3_int64 crid, int f, const char *value, char *text, size_t n,
                       sqlite3_int64 *urid)
{
	int rc;
	snprintf(text, n, "%s", value ? value : "");
	switch (f) {
	case 0:
		return (rc = need(value, "the unit")) ? rc : db_object_rid(db, "unit", crid, value, urid);
	case 1:
		return scope_check(value);
	case 2:
		return need(value, "the scope name");
	case 3:
		return type_id(db, value, text, n);
	case 4:
		return need(value, "the risk point's name");
	case 9:
		if (!value || (strcmp(value, "active") && strcmp(value, "retired")))
			return error_set(CAMPAIGN_EINVALID, "status \"%s\" is not active or retired", value ? value : "");
		return CAMPAIGN_OK;
	default:
		return CAMPAIGN_OK;
	}
}

static int point_update(campaign_db *db, sqlite3_int64 crid, const char *point, int f, const char *value,
                        const char *actor)
{
	sqlite3_int64 unit, urid = 0;
	sqlite3_stmt *st;
	char before[4096] = "", text[4096];
	int rc;
	if ((rc = risk_point_unit(db, crid, point, &unit)) ||
	    (rc = field_value(db, crid, f, value, text, sizeof text, &urid)) ||
	    (rc = access_check(db, actor, ACCESS_UNIT, unit, "risk.point.update")) ||
	    (urid && (rc = access_check(db, actor, ACCESS_UNIT, urid, "risk.point.update"))))
		return rc;
	if (!(st = db_stmt(db, SQL_POINT_FIELDS)))
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, point, -1, SQLITE_STATIC);
	if (db_step_row(db, st, "cannot read the risk point", &rc))
		column_copy(st, f, before, sizeof before);
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!strcmp(before, text))
		return CAMPAIGN_OK;
	if (!(st = db_stmt(db, FIELD_SQL[f])))
		return campaign_error_code_last();
	sqlite3_bind_text(st, 1, point, -1, SQLITE_STATIC);
	if (f == 0)
		sqlite3_bind_int64(st, 2, urid);
	else
		bind_opt(st, 2, text);
	if ((rc = db_step_done(db, st, "cannot update the risk point")))
		return rc;
	return risk_history_add(db, point, "update", FIELDS[f], *before ? before : NULL, *text ? text : NULL, actor);
}

typedef struct update_args {
	const char *point, *field, *value;
	int f; /* the index of @field in FIELDS */
} update_args;

static int update_check(void *ctx)
{
	update_args *u = ctx;
	int rc;
	if ((rc = need(u->field, "the field")))
		return rc;
	for (u->f = 0; FIELDS[u->f] && strcmp(FIELDS[u->f], u->field); u->f++)
		;
	if (!FIELDS[u->f])
		return error_set(CAMPAIGN_EINVALID,
		                 "field \"%s\" is not one of unit, scope, scope_name, type, name, description, "
		                 "manifestations, owner, leader, status", u->field);
	return CAMPAIGN_OK;
}

static int update_body(write_op *op, void *ctx)
{
	const update_args *u = ctx;
	return point_update(op->db, op->crid, u->point, u->f, u->value, op->actor);
}

int campaign_risk_point_update(campaign_db *db, const char *campaign, const char *point, const char *field,
                               const char *value, const char *actor)
{
	update_args u = {point, field, value, 0};
	write_op op = {.name = "risk.point.update", .actor = actor, .campaign = campaign, .object = point,
	               .detail = field, .access = WRITE_ANY, .check = update_check, .body = update_body};
	return db_write(db, &op, &u, NULL);
}

/* ---- queries ---- */

/* The register's columns; the WHERE is chosen by the filter given. */
#define POINTS_SELECT \
	"SELECT p.id, u.id AS unit, u.name AS unit_name, p.scope, CASE p.scope WHEN 'post' THEN '岗位' " \
	"WHEN 'business' THEN '核心业务' ELSE '重点环节' END AS scope_label, p.scope_name, p.type, t.name AS type_name, " \
	"p.name, p.description, p.manifestations, p.owner, p.leader, p.status, p.inputs, m.id AS model, " \
	"m.version AS model_version, g.id AS grade, g.label AS grade_label, g.rank AS grade_rank, g.color, " \
	"g.owner_level, a.override_grade IS NOT NULL AS overridden, a.graded_on, " \
	"date(a.graded_on, '+' || g.review_days || ' days') AS next_review, " \
	"(SELECT count(*) FROM risk_control k WHERE k.point = p.id AND k.status <> 'retired') AS controls " \
	"FROM risk_point p JOIN unit u ON u.rid = p.unit JOIN risk_type t ON t.id = p.type " \
	"LEFT JOIN risk_assessment a ON a.id = p.assessment LEFT JOIN risk_grade g ON g.rid = a.grade " \
	"LEFT JOIN risk_model m ON m.rid = a.model "
#define POINTS_ORDER " ORDER BY u.ord, p.id"

/* One statement per filter, so that risk_point_campaign serves the unit's
 * points ("?2 IS NULL OR p.unit = ?2" would scan the whole register). */
static const char SQL_POINTS_ALL[] = POINTS_SELECT "WHERE p.campaign = ?1" POINTS_ORDER;
static const char SQL_POINTS_UNIT[] = POINTS_SELECT "WHERE p.campaign = ?1 AND " UNITS_IN("p.unit", "?2") POINTS_ORDER;

static int filter_bind(campaign_db *db, sqlite3_int64 crid, sqlite3_stmt *st, risk_filter by, const char *key)
{
	sqlite3_int64 rid = 0;
	int rc;
	switch (by) {
	case RISK_UNIT:
		return units_bind(db, st, 2, crid, key);
	case RISK_POINT:
	case RISK_ONE_POINT:
		if (!(rc = risk_point_unit(db, crid, key, &rid)))
			return bind_copy(st, 2, key, -1) == SQLITE_OK
			               ? CAMPAIGN_OK
			               : error_set(CAMPAIGN_ENOMEM, "out of memory");
		break;
	case RISK_MODEL:
		rc = risk_model_resolve(db, crid, key, &rid);
		break;
	default:
		return CAMPAIGN_OK;
	}
	if (!rc)
		sqlite3_bind_int64(st, 2, rid);
	return rc;
}

int risk_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *sql, const char *types,
               risk_filter by, const char *key)
{
	campaign_cursor *c;
	sqlite3_int64 crid;
	int rc = query_begin(out, &c, db, campaign, sql, types, &crid);
	if (!rc && (key || by == RISK_ONE_POINT || by == RISK_MODEL))
		rc = filter_bind(db, crid, cursor_stmt(c), by, key);
	return query_done(out, c, rc);
}

int campaign_risk_points_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit)
{
	return risk_query(out, db, campaign, unit ? SQL_POINTS_UNIT : SQL_POINTS_ALL, "ttttttttttttttt" "tittittiddi",
	                  RISK_UNIT, unit);
}

int campaign_risk_point_history_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                      const char *point)
{
	return risk_query(out, db, campaign,
	                  "SELECT h.point, h.operation, h.field, h.before, h.after, h.actor, h.recorded_at "
	                  "FROM risk_point_history h WHERE h.point = ?2 ORDER BY h.recorded_at, h.id",
	                  "ttttttt", RISK_ONE_POINT, point);
}

/* ---- the confidential note ---- */

static const char SQL_CONF_SET[] =
	"INSERT INTO risk_point_confidential (point, note, recorded_by, recorded_at) VALUES (?1, "
	SEAL("risk_point_confidential", "note", "?1", "?2") ", ?3, ?4) "
	"ON CONFLICT (point) DO UPDATE SET note = excluded.note, recorded_by = excluded.recorded_by, "
	"recorded_at = excluded.recorded_at";
static const char SQL_CONF_CLEAR[] = "DELETE FROM risk_point_confidential WHERE point = ?1";

typedef struct note_args {
	const char *point, *note;
} note_args;

/* The point is looked up first: an unknown point is ENOTFOUND, for anyone. */
static int note_body(write_op *op, void *ctx)
{
	const note_args *n = ctx;
	int clear = !n->note || !*n->note;
	sqlite3_int64 unit;
	char now[21];
	int rc;
	if ((rc = risk_point_unit(op->db, op->crid, n->point, &unit)) ||
	    (rc = access_check(op->db, op->actor, ACCESS_PLAN, 0, "risk.confidential.set")) ||
	    (!clear && (rc = crypt_ready(op->db, 1))))
		return rc;
	db_now(now);
	if ((rc = stmt_run(NULL, op->db, clear ? SQL_CONF_CLEAR : SQL_CONF_SET, "cannot record the confidential note",
	                   clear ? "t" : "tttt", n->point, n->note, op->actor, now)))
		return rc;
	return risk_history_add(op->db, n->point, "confidential", "confidential", NULL,
	                        clear ? "(cleared)" : "(confidential)", op->actor);
}

int campaign_risk_point_confidential_set(campaign_db *db, const char *campaign, const char *point, const char *note,
                                         const char *actor)
{
	note_args n = {point, note};
	write_op op = {.name = "risk.confidential.set", .actor = actor, .campaign = campaign, .object = point,
	               .access = WRITE_ANY, .body = note_body};
	return db_write(db, &op, &n, NULL);
}

int campaign_risk_point_confidential_query(campaign_cursor **out, campaign_db *db, const char *campaign,
                                           const char *point, const char *actor)
{
	campaign_cursor *c = NULL;
	sqlite3_int64 crid, unit;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	if ((rc = db_check(db)) || (rc = need(actor, "the actor")))
		return rc;
	if (db->readonly)
		return error_set(CAMPAIGN_EPERM, "a confidential read is logged, which a read-only store cannot do");
	rc = query_begin(out, &c, db, campaign,
	                 "SELECT p.id AS point, u.id AS unit, p.name, "
	                 UNSEAL("risk_point_confidential", "note", "k.point", "k.note") " AS note, k.recorded_by, k.recorded_at "
	                 "FROM risk_point_confidential k JOIN risk_point p ON p.id = k.point "
	                 "JOIN unit u ON u.rid = p.unit WHERE p.campaign = ?1 AND (?2 IS NULL OR k.point = ?2) "
	                 "ORDER BY u.ord, p.id",
	                 "tttttt", &crid);
	/* the read is logged before the caller sees a row; a refusal too */
	if (!rc && !(point && (rc = risk_point_unit(db, crid, point, &unit))) &&
	    !(rc = access_guard(db, actor, ACCESS_CONFIDENTIAL, 0, "risk.read_confidential", campaign, point)) &&
	    !(rc = crypt_ready(db, 0)) && !(rc = db_log(db, actor, "risk.read_confidential", campaign, point, NULL)))
		bind_opt(cursor_stmt(c), 2, point);
	return query_done(out, c, rc);
}
