/* People and posts: who holds which post of which unit, from when to when;
 * key posts (关键岗位) and principals (主要负责人); the leading group's
 * members as people; a person's confidential disciplinary record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "accountability/accountability.h"

static const char *const POST_KINDS[] = {"budget", "projects", "enforcement", "personnel", NULL};

int acc_one_of(const char *s, const char *const *list)
{
	for (int i = 0; s && list[i]; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

static int id_check(const char *id, const char *what)
{
	if (!id || !*id || strlen(id) > 64)
		return error_set(CAMPAIGN_EINVALID, "%s id \"%s\" must be 1 to 64 bytes", what, id ? id : "");
	return CAMPAIGN_OK;
}

static const char SQL_PERSON_IN[] = "SELECT 1 FROM person WHERE campaign = ?1 AND id = ?2";

int person_check(stmts *c, sqlite3_int64 crid, const char *person)
{
	sqlite3_int64 one;
	int found, rc = lookup_rid(c, SQL_PERSON_IN, crid, person, &one, &found);
	return rc ? rc : found ? CAMPAIGN_OK : error_set(CAMPAIGN_ENOTFOUND, "no person with id \"%s\"", person);
}

/* An id used by another campaign of the store cannot be taken over. */
static const char SQL_POST_OTHER[] = "SELECT 1 FROM post WHERE campaign <> ?1 AND id = ?2";
static const char SQL_POST_UPSERT[] =
	"INSERT INTO post (id, campaign, unit, name, kind, key_post, principal, recorded_by, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO UPDATE SET unit = excluded.unit, "
	"name = excluded.name, kind = excluded.kind, key_post = excluded.key_post, principal = excluded.principal";

int post_upsert(stmts *c, sqlite3_int64 crid, const char *id, const char *unit, const char *name, const char *kind,
                int key_post, int principal, const char *actor)
{
	sqlite3_int64 urid, other;
	sqlite3_stmt *st;
	int rc, found;
	if ((rc = id_check(id, "post")) || (rc = need(unit, "unit")) || (rc = need(name, "name")))
		return rc;
	if (kind && *kind && !acc_one_of(kind, POST_KINDS))
		return error_set(CAMPAIGN_EINVALID, "kind \"%s\" is not one of budget, projects, enforcement, personnel", kind);
	if (key_post && (!kind || !*kind))
		return error_set(CAMPAIGN_EINVALID, "key post \"%s\" needs a kind (budget, projects, enforcement, personnel)",
		                 id);
	if ((key_post != 0 && key_post != 1) || (principal != 0 && principal != 1))
		return error_set(CAMPAIGN_EINVALID, "key_post and principal are 0 or 1");
	if ((rc = unit_rid(c, crid, unit, &urid)) || (rc = lookup_rid(c, SQL_POST_OTHER, crid, id, &other, &found)))
		return rc;
	if (found)
		return error_set(CAMPAIGN_ECONFLICT, "post \"%s\" belongs to another campaign", id);
	if (!(st = stmts_get(c, SQL_POST_UPSERT)))
		return campaign_error_code_last();
	bind_all(st, "tIItoii", id, crid, urid, name, kind, key_post, principal);
	return acc_step_recorded(c->db, st, 8, actor, "cannot store the post");
}

static const char SQL_PERSON_OTHER[] = "SELECT 1 FROM person WHERE campaign <> ?1 AND id = ?2";
static const char SQL_PERSON_UPSERT[] =
	"INSERT INTO person (id, campaign, name, unit, retires_on, recorded_by, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
	"unit = excluded.unit, retires_on = excluded.retires_on";

int person_upsert(stmts *c, sqlite3_int64 crid, const char *id, const char *name, const char *unit,
                  const char *retires_on, const char *actor)
{
	sqlite3_int64 urid = 0, other;
	sqlite3_stmt *st;
	int rc, found;
	if ((rc = id_check(id, "person")) || (rc = need(name, "name")) ||
	    (retires_on && *retires_on && (rc = need_date(retires_on, "retires_on"))))
		return rc;
	if (unit && *unit && (rc = unit_rid(c, crid, unit, &urid)))
		return rc;
	if ((rc = lookup_rid(c, SQL_PERSON_OTHER, crid, id, &other, &found)))
		return rc;
	if (found)
		return error_set(CAMPAIGN_ECONFLICT, "person \"%s\" belongs to another campaign", id);
	if (!(st = stmts_get(c, SQL_PERSON_UPSERT)))
		return campaign_error_code_last();
	bind_all(st, "tItro", id, crid, name, urid, retires_on);
	return acc_step_recorded(c->db, st, 6, actor, "cannot store the person");
}

static const char SQL_POST_IN[] = "SELECT 1 FROM post WHERE campaign = ?1 AND id = ?2";
static const char SQL_HOLDING_UPSERT[] =
	"INSERT INTO post_holding (id, person, post, start_on, end_on, recorded_by, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (person, post, start_on) DO UPDATE SET end_on = excluded.end_on";

int holding_upsert(stmts *c, sqlite3_int64 crid, const char *person, const char *post, const char *start_on,
                   const char *end_on, const char *actor)
{
	sqlite3_int64 one;
	sqlite3_stmt *st;
	char id[37];
	int rc, found;
	if ((rc = need(person, "person")) || (rc = need(post, "post")) || (rc = need_date(start_on, "start_on")) ||
	    (end_on && *end_on && (rc = need_date(end_on, "end_on"))))
		return rc;
	if (end_on && *end_on && strcmp(end_on, start_on) < 0)
		return error_set(CAMPAIGN_EINVALID, "end_on %s is before start_on %s", end_on, start_on);
	if ((rc = person_check(c, crid, person)) || (rc = lookup_rid(c, SQL_POST_IN, crid, post, &one, &found)))
		return rc;
	if (!found)
		return error_set(CAMPAIGN_ENOTFOUND, "no post with id \"%s\"", post);
	if (!(st = acc_insert_new(c, SQL_HOLDING_UPSERT, id)))
		return campaign_error_code_last();
	bind_all(st, "tttto", id, person, post, start_on, end_on);
	return acc_step_recorded(c->db, st, 6, actor, "cannot store the holding");
}

static int post_check(void *ctx)
{
	const campaign_post_add_options *o = ctx;
	return id_check(o->id, "post");
}

static int post_body(write_op *op, void *ctx)
{
	const campaign_post_add_options *o = ctx;
	return post_upsert(&op->st, op->crid, o->id, o->unit, o->name, o->kind, o->key_post, o->principal, op->actor);
}

static const write_text POST_ADD_TEXTS[] = WRITE_TEXTS(campaign_post_add_options);

OPTIONS_WRITE_FN(post_add, CAMPAIGN_POST_ADD_OPTIONS_VERSION, id, version,
                 .texts = POST_ADD_TEXTS, .name = "post.add", .access = ACCESS_PLAN, .check = post_check, .body = post_body)

ACC_OPTIONS(person_add, CAMPAIGN_PERSON_ADD_OPTIONS_VERSION)

/* The person's id: the one given, else the new one in op->id. */
typedef struct person_in {
	const campaign_person_add_options *o;
	const char *id;
} person_in;

static int person_id_check(void *ctx)
{
	const person_in *in = ctx;
	int rc = person_add_options_check(in->o);
	return rc ? rc : id_check(in->id, "person");
}

static int person_body(write_op *op, void *ctx)
{
	const person_in *in = ctx;
	int rc = person_upsert(&op->st, op->crid, in->id, in->o->name, in->o->unit, in->o->retires_on, op->actor);
	return rc ? rc : write_result(op, in->id);
}

static const write_text PERSON_ADD_TEXTS[] = WRITE_TEXTS(campaign_person_add_options);

int campaign_person_add(campaign_buf **out_id, campaign_db *db, const char *campaign,
                        const campaign_person_add_options *opts, const char *actor)
{
	write_op op = {.texts = PERSON_ADD_TEXTS, .text_of = opts,
	               .name = "person.add", .actor = actor, .campaign = campaign, .access = ACCESS_PLAN,
	               .check = person_id_check, .body = person_body};
	person_in in = {opts, opts ? opts->id : NULL};
	if (opts && !opts->id) {
		db_new_id(op.id);
		in.id = op.id;
	}
	op.object = in.id;
	return db_write(db, &op, &in, out_id);
}

/* A holding's person and post (post.assign and post.leave). */
static int holding_check(void *ctx)
{
	const campaign_post_assign_options *o = ctx;
	int rc;
	return (rc = need(o->person, "person")) ? rc : need(o->post, "post");
}

static int assign_body(write_op *op, void *ctx)
{
	const campaign_post_assign_options *o = ctx;
	return holding_upsert(&op->st, op->crid, o->person, o->post, o->start_on, o->end_on, op->actor);
}

OPTIONS_WRITE_FN(post_assign, CAMPAIGN_POST_ASSIGN_OPTIONS_VERSION, person, version,
                 .name = "post.assign", .access = ACCESS_PLAN, .check = holding_check, .body = assign_body)

static const char SQL_OPEN_HOLDING[] =
	"SELECT h.id, h.start_on FROM post_holding h JOIN person p ON p.id = h.person "
	"WHERE p.campaign = ?1 AND h.person = ?2 AND h.post = ?3 AND h.end_on IS NULL ORDER BY h.start_on DESC LIMIT 1";
static const char SQL_HOLDING_END[] = "UPDATE post_holding SET end_on = ?2 WHERE id = ?1";

static int leave(stmts *c, sqlite3_int64 crid, const char *person, const char *post, const char *end_on)
{
	sqlite3_stmt *st;
	char id[72] = "", start[16] = "";
	int rc;
	if ((rc = person_check(c, crid, person)) || !(st = stmts_get(c, SQL_OPEN_HOLDING)))
		return rc ? rc : campaign_error_code_last();
	bind_all(st, "Itt", crid, person, post);
	if (db_step_row(c->db, st, "cannot read the holdings", &rc))
		columns_copy(st, 2, COLUMN_TO(id), COLUMN_TO(start));
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!*id)
		return error_set(CAMPAIGN_ENOTFOUND, "person \"%s\" holds no open post \"%s\"", person, post);
	if (strcmp(end_on, start) < 0)
		return error_set(CAMPAIGN_EINVALID, "end_on %s is before the holding began (%s)", end_on, start);
	if (!(st = stmts_get(c, SQL_HOLDING_END)))
		return campaign_error_code_last();
	bind_all(st, "tt", id, end_on);
	return db_step_done(c->db, st, "cannot end the holding");
}

static int leave_check(void *ctx)
{
	const campaign_post_assign_options *o = ctx;
	int rc;
	return (rc = holding_check(ctx)) ? rc : need_date(o->end_on, "end_on");
}

static int leave_body(write_op *op, void *ctx)
{
	const campaign_post_assign_options *o = ctx;
	return leave(&op->st, op->crid, o->person, o->post, o->end_on);
}

int campaign_post_leave(campaign_db *db, const char *campaign, const char *person, const char *post,
                        const char *end_on, const char *actor)
{
	campaign_post_assign_options holding = {CAMPAIGN_POST_ASSIGN_OPTIONS_VERSION, person, post, NULL, end_on};
	write_op op = {.name = "post.leave", .actor = actor, .campaign = campaign, .object = person,
	               .access = ACCESS_PLAN, .check = leave_check, .body = leave_body};
	return db_write(db, &op, &holding, NULL);
}

/* Named body members without a person of the same name; their unit is the
 * body's seat, else the seat of a parent body, else the campaign's top unit. */
static const char SQL_BODY_PEOPLE[] =
	"SELECT DISTINCT 'body:' || m.name, m.name, coalesce(b.seat, pb.seat, "
	"(SELECT rid FROM unit WHERE campaign = ?1 AND parent IS NULL ORDER BY ord LIMIT 1)) "
	"FROM body b JOIN body_member m ON m.body = b.rid LEFT JOIN body pb ON pb.rid = b.parent "
	"WHERE b.campaign = ?1 AND m.name IS NOT NULL AND m.name <> '' "
	"AND NOT EXISTS (SELECT 1 FROM person p WHERE p.campaign = ?1 AND p.name = m.name) "
	"GROUP BY m.name ORDER BY min(b.ord * 10000 + m.ord)";
static const char SQL_BODY_PERSON_INSERT[] =
	"INSERT INTO person (id, campaign, name, unit, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

static int from_bodies(stmts *c, sqlite3_int64 crid, const char *actor, int *added)
{
	sqlite3_stmt *sel = stmts_get(c, SQL_BODY_PEOPLE), *ins;
	char now[21];
	int rc = CAMPAIGN_OK, step;
	if (!sel || !(ins = stmts_get(c, SQL_BODY_PERSON_INSERT)))
		return campaign_error_code_last();
	db_now(now);
	sqlite3_bind_int64(sel, 1, crid);
	while (!rc && (step = stmt_step(sel)) == SQLITE_ROW) {
		sqlite3_reset(ins);
		bind_value_copy(ins, 1, sqlite3_column_value(sel, 0));
		sqlite3_bind_int64(ins, 2, crid);
		bind_value_copy(ins, 3, sqlite3_column_value(sel, 1));
		bind_value_copy(ins, 4, sqlite3_column_value(sel, 2));
		bind_copy(ins, 5, actor, -1);
		bind_copy(ins, 6, now, -1);
		if (!(rc = db_step_done(c->db, ins, "cannot add a person")))
			(*added)++;
	}
	if (!rc && step != SQLITE_DONE)
		rc = error_from_sqlite(c->db->sql, step, "cannot read the bodies");
	sqlite3_reset(sel);
	return rc;
}

static int from_bodies_body(write_op *op, void *ctx)
{
	return from_bodies(&op->st, op->crid, op->actor, &((write_count *)ctx)->n);
}

int campaign_people_from_bodies(campaign_db *db, const char *campaign, const char *actor)
{
	write_count w = {NULL, 0, ""};
	write_op op = {.name = "person.from_bodies", .actor = actor, .campaign = campaign, .access = ACCESS_PLAN,
	               .body = from_bodies_body};
	return db_write_count(db, &op, &w);
}

/* ---- queries ---- */

static const char SQL_PEOPLE[] =
	"SELECT p.id, p.name, u.id AS unit, u.name AS unit_name, p.retires_on, "
	"(SELECT b.name FROM body b JOIN body_member m ON m.body = b.rid WHERE b.campaign = ?1 "
	"AND m.name = p.name ORDER BY b.ord, m.ord LIMIT 1) AS body, "
	"(SELECT m.role FROM body b JOIN body_member m ON m.body = b.rid WHERE b.campaign = ?1 "
	"AND m.name = p.name ORDER BY b.ord, m.ord LIMIT 1) AS body_role, "
	"(SELECT group_concat(name, '、') FROM (SELECT t.name FROM post_holding h "
	"JOIN post t ON t.id = h.post WHERE h.person = p.id AND h.start_on <= ?3 AND "
	"(h.end_on IS NULL OR h.end_on >= ?3) ORDER BY h.start_on, t.id)) AS posts "
	"FROM person p LEFT JOIN unit u ON u.rid = p.unit "
	"WHERE p.campaign = ?1 AND " UNITS_IN_OPT("u.rid", "?2") " ORDER BY u.ord, p.name, p.id";

int campaign_people_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit)
{
	/* the posts held today */
	return query_run(out, db, campaign, SQL_PEOPLE, "ttttdttt", "ud", unit, NULL);
}

static const char SQL_POSTS[] =
	"SELECT p.id, u.id AS unit, u.name AS unit_name, p.name, p.kind, " ACC_KIND_LABEL("p.kind")
	" AS kind_label, p.key_post, p.principal FROM post p JOIN unit u ON u.rid = p.unit "
	"WHERE p.campaign = ?1 AND " UNITS_IN_OPT("u.rid", "?2") " ORDER BY u.ord, p.id";

int campaign_posts_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *unit)
{
	return query_run(out, db, campaign, SQL_POSTS, "ttttttii", "u", unit);
}

static const char SQL_HOLDINGS[] =
	"SELECT h.id, pe.id AS person, pe.name AS person_name, t.id AS post, t.name AS post_name, "
	"u.id AS unit, u.name AS unit_name, t.kind, t.key_post, h.start_on, h.end_on "
	"FROM person pe JOIN post_holding h ON h.person = pe.id JOIN post t ON t.id = h.post "
	"JOIN unit u ON u.rid = t.unit WHERE pe.campaign = ?1 AND (?2 IS NULL OR pe.id = ?2) "
	"ORDER BY pe.name, pe.id, h.start_on, t.id";

int campaign_post_holdings_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *person)
{
	return query_run(out, db, campaign, SQL_HOLDINGS, "tttttttt" "idd", "t", person);
}

/* ---- the confidential record ---- */

#define PERSON_SECRET "person_record_confidential"
static const char SQL_DISCIPLINE_INSERT[] =
	"INSERT INTO person_record_confidential (id, person, decided_on, sanction, details, authority, recorded_by, "
	"recorded_at) VALUES (?1, ?2, ?3, " SEAL(PERSON_SECRET, "sanction", "?1", "?4") ", "
	SEAL(PERSON_SECRET, "details", "?1", "?5") ", " SEAL(PERSON_SECRET, "authority", "?1", "?6") ", ?7, ?8)";

static int discipline_add(stmts *c, sqlite3_int64 crid, const char *id, const char *person, const char *decided_on,
                          const char *sanction, const char *details, const char *authority, const char *actor)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = crypt_ready(c->db, 1)) || (rc = person_check(c, crid, person)) ||
	    !(st = stmts_get(c, SQL_DISCIPLINE_INSERT)))
		return rc ? rc : campaign_error_code_last();
	bind_all(st, "ttttoo", id, person, decided_on, sanction, details, authority);
	return acc_step_recorded(c->db, st, 7, actor, "cannot record the discipline");
}

static int discipline_check(void *ctx)
{
	const campaign_person_discipline_add_options *o = ctx;
	int rc = need_date(o->decided_on, "decided_on");
	return rc ? rc : need(o->sanction, "sanction");
}

static int discipline_body(write_op *op, void *ctx)
{
	const campaign_person_discipline_add_options *o = ctx;
	int rc;
	db_new_id(op->id);
	rc = discipline_add(&op->st, op->crid, op->id, o->person, o->decided_on, o->sanction, o->details, o->authority,
	                    op->actor);
	return rc ? rc : write_result(op, op->id);
}

static const write_text PERSON_DISCIPLINE_ADD_TEXTS[] = WRITE_TEXTS(campaign_person_discipline_add_options);

/* the log names the person, never what the record says */
OPTIONS_ADD_FN(person_discipline_add, CAMPAIGN_PERSON_DISCIPLINE_ADD_OPTIONS_VERSION, person, version,
               .texts = PERSON_DISCIPLINE_ADD_TEXTS, .name = "person.discipline_add", .object_needed = "person", .access = ACCESS_PLAN,
               .check = discipline_check, .body = discipline_body)

static const char SQL_RECORD[] =
	"WITH me AS (SELECT id, name, unit FROM person WHERE campaign = ?1 AND id = ?2) "
	"SELECT kind, date, id, what, text, status FROM ("
	"SELECT 'discipline' AS kind, r.decided_on AS date, r.id, " UNSEAL(PERSON_SECRET, "sanction", "r.id", "r.sanction")
	" AS what, " UNSEAL(PERSON_SECRET, "details", "r.id", "r.details") " AS text, "
	UNSEAL(PERSON_SECRET, "authority", "r.id", "r.authority") " AS status FROM person_record_confidential r "
	"WHERE r.person = ?2 "
	"UNION ALL SELECT 'finding', f.found_on, f.id, coalesce(g.text, ''), f.description, "
	"CASE WHEN f.concealed OR f.falsified THEN 'flagged' ELSE f.origin END "
	"FROM me JOIN finding f ON f.unit = me.unit AND instr(f.people, me.name) > 0 "
	"LEFT JOIN violation_category g ON g.rid = f.category "
	"UNION ALL SELECT 'proposal', p.as_of, p.id, p.action, p.reason, p.status "
	"FROM accountability_proposal p WHERE p.person = ?2 "
	"UNION ALL SELECT 'action', a.decided_on, a.id, a.action, a.note, "
	"CASE WHEN a.cancelled_on IS NOT NULL THEN 'cancelled' WHEN a.done_on IS NOT NULL "
	"THEN 'done' ELSE 'open' END FROM accountability_action a WHERE a.person = ?2) "
	"ORDER BY date, kind, id";

int campaign_person_record_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *person,
                                 const char *actor)
{
	stmts s = {db, 0, {{0}}};
	sqlite3_int64 crid;
	int rc;
	if (!out)
		return error_set(CAMPAIGN_EINVALID, "the cursor out-parameter is NULL");
	if ((rc = db_check_write(db, actor)))
		return rc == CAMPAIGN_EPERM ? error_set(rc, "confidential records are read only on a writable store, "
		                                            "which can log the read")
		                            : rc;
	if ((rc = need(person, "person")) || (rc = db_campaign_rid(db, campaign, &crid)))
		return rc;
	rc = person_check(&s, crid, person);
	stmts_free(&s);
	if (rc || (rc = access_guard(db, actor, ACCESS_CONFIDENTIAL, 0, "person.read_record", campaign, person)) ||
	    (rc = crypt_ready(db, 0)))
		return rc;
	/* the read is logged before anything is read */
	rc = db_log(db, actor, "person.read_record", campaign, person, NULL);
	return rc ? rc : query_run(out, db, campaign, SQL_RECORD, "tdtttt", "t", person);
}
