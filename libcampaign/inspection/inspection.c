/* Self-inspection rounds (自查自纠): one per unit, or one per member of a
 * group; the summary report of each; units that have not reported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inspection/inspection.h"

/* ---- options ---- */

/* ---- checks and lookups every part of the domain uses ---- */

int insp_new_id(stmts *c, const char *exists_sql, const char *what, const char *given, char *id, size_t size)
{
	sqlite3_stmt *st;
	int rc;
	if (!given) {
		char uuid[37];
		db_new_id(uuid);
		snprintf(id, size, "%s", uuid);
		return CAMPAIGN_OK;
	}
	if (!(st = stmts_get(c, exists_sql)))
		return campaign_error_code_last();
	bind_copy(st, 1, given, -1);
	rc = stmt_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return error_from_sqlite(c->db->sql, rc, "cannot look up the id"); /* never read as "free" */
	if (rc == SQLITE_ROW)
		return error_set(CAMPAIGN_ECONFLICT, "%s \"%s\" exists already", what, given);
	snprintf(id, size, "%s", given);
	return CAMPAIGN_OK;
}

/* ---- rounds ---- */

static int round_check(const char *round, const char *unit, const char *group, const char *first, const char *last)
{
	int rc;
	if ((rc = need(round, "round")))
		return rc;
	if (strchr(round, '/'))
		return error_set(CAMPAIGN_EINVALID, "round id \"%s\" may not contain '/'", round);
	if (!unit == !group)
		return error_set(CAMPAIGN_EINVALID, "give either a unit or a unit group for round \"%s\"", round);
	if ((rc = need_date(first, "window_first")) || (rc = need_date(last, "window_last")))
		return rc;
	if (strcmp(first, last) > 0)
		return error_set(CAMPAIGN_EINVALID, "the window ends (%s) before it begins (%s)", last, first);
	return CAMPAIGN_OK;
}

static const char SQL_ROUND_INSERT[] =
	"INSERT INTO inspection_round (campaign, id, series, unit, grp, window_first, window_last, deadline, deadline_text, "
	"created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_ROUND_EXISTS[] = "SELECT rid FROM inspection_round WHERE campaign = ?1 AND id = ?2";
static const char SQL_GROUP_MEMBERS[] =
	"SELECT u.rid, u.id FROM unit_group_member m JOIN unit u ON u.rid = m.unit WHERE m.grp = ?1 ORDER BY m.ord";

typedef struct round_in {
	const campaign_inspection_round_add_options *opts;
	const char *round, *unit, *group; /* as the caller named them */
	sqlite3_int64 crid, grp;
	const char *series, *first, *last, *deadline_text;
	char deadline[11];
	const char *actor;
} round_in;

static int round_insert(stmts *c, const round_in *r, const char *id, sqlite3_int64 unit)
{
	sqlite3_int64 rid;
	char now[21];
	int rc, found;
	if ((rc = lookup_rid(c, SQL_ROUND_EXISTS, r->crid, id, &rid, &found)))
		return rc;
	if (found)
		return error_set(CAMPAIGN_ECONFLICT, "round \"%s\" exists already", id);
	db_now(now);
	return stmt_run(c, c->db, SQL_ROUND_INSERT, "cannot create the round", "IttIrtttott", r->crid, id, r->series,
	                unit, r->grp, r->first, r->last, r->deadline,
	                strcmp(r->deadline_text, r->deadline) ? r->deadline_text : NULL, r->actor, now);
}

/* One round per member of the group, "SERIES/UNIT". */
static int group_rounds(stmts *c, round_in *r, const char *group)
{
	sqlite3_stmt *st;
	sqlite3_int64 units[512];
	char ids[512][64];
	int n = 0, rc;
	if ((rc = db_object_rid(c->db, "unit_group", r->crid, group, &r->grp)))
		return rc;
	if (!(st = stmts_get(c, SQL_GROUP_MEMBERS)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, r->grp);
	while (n < 512 && db_step_row(c->db, st, "cannot read the group", &rc)) {
		units[n] = sqlite3_column_int64(st, 0);
		snprintf(ids[n++], sizeof ids[0], "%s/%s", r->series, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc)
		return rc;
	if (!n)
		return error_set(CAMPAIGN_EINVALID, "unit group \"%s\" has no members", group);
	for (int i = 0; i < n; i++)
		if ((rc = round_insert(c, r, ids[i], units[i])))
			return rc;
	return CAMPAIGN_OK;
}

static int create_check(void *ctx)
{
	round_in *r = ctx;
	const campaign_inspection_round_add_options *o = r->opts;
	int rc;
	if ((rc = options_check(o, CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION,
	                             "campaign_inspection_round_add_options")))
		return rc;
	r->round = r->series = o->round, r->unit = o->unit, r->group = o->group;
	r->first = o->window_first, r->last = o->window_last, r->deadline_text = o->deadline;
	return round_check(r->round, r->unit, r->group, r->first, r->last);
}

/* The window and the deadline are planned dates; a deadline's year left out is the window's. */
static int round_dates(write_op *op, round_in *r)
{
	int rc;
	if ((rc = date_planned(op->db, op->crid, "window_first", r->first)) ||
	    (rc = deadline_day(op->db, op->crid, "deadline", r->deadline_text, atoi(r->first), 0, r->deadline)))
		return rc;
	if (strcmp(r->deadline, r->first) < 0)
		return error_set(CAMPAIGN_EINVALID, "the deadline %s is before the window begins (%s)", r->deadline,
		                 r->first);
	return CAMPAIGN_OK;
}

static int create_body(write_op *op, void *ctx)
{
	round_in *r = ctx;
	sqlite3_int64 urid;
	int rc;
	r->crid = op->crid;
	r->actor = op->actor;
	if ((rc = round_dates(op, r)))
		return rc;
	if (r->group)
		return group_rounds(&op->st, r, r->group);
	if ((rc = db_object_rid(op->db, "unit", r->crid, r->unit, &urid)))
		return rc;
	return round_insert(&op->st, r, r->round, urid);
}

OPTIONS_INIT_FN(inspection_round_add, CAMPAIGN_INSPECTION_ROUND_ADD_OPTIONS_VERSION)

static const write_text INSPECTION_ROUND_ADD_TEXTS[] = WRITE_TEXTS(campaign_inspection_round_add_options);

int campaign_inspection_round_add(campaign_db *db, const char *campaign, const campaign_inspection_round_add_options *o,
                                  const char *actor)
{
	round_in r = {.opts = o, .actor = actor};
	/* the audit log keeps the operation's name, "inspection.round.create" */
	write_op op = {.texts = INSPECTION_ROUND_ADD_TEXTS, .text_of = o,
	               .name = "inspection.round.create", .actor = actor, .campaign = campaign,
	               .object = INSP_OPT(o, round), .detail = INSP_OPT(o, group) ? o->group : INSP_OPT(o, unit),
	               .access = ACCESS_PLAN, .check = create_check, .body = create_body};
	return db_write(db, &op, &r, NULL);
}

/* ---- the summary report ---- */

static const char SQL_ROUND_FOR_SUBMIT[] =
	"SELECT r.rid, r.unit, r.window_first, s.submitted_on, s.document FROM inspection_round r "
	"LEFT JOIN inspection_submission s ON s.round = r.rid WHERE r.campaign = ?1 AND r.id = ?2";
static const char SQL_SUBMIT[] =
	"INSERT INTO inspection_submission (id, round, submitted_on, document, note, actor, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/* Records round @round's report inside @op's transaction (the submit, and the rounds import). */
static int submit_record(write_op *op, const char *round, const char *date, const char *document, const char *note)
{
	sqlite3_int64 rid = 0, unit = 0;
	char first[11], done[11] = "", doc[128] = "", id[37], now[21];
	int rc;
	if ((rc = row_copy(&op->st, SQL_ROUND_FOR_SUBMIT, op->crid, round, "round", "IIttt", &rid, &unit,
	                   COLUMN_TO(first), COLUMN_TO(done), COLUMN_TO(doc))) ||
	    (rc = access_check(op->db, op->actor, ACCESS_UNIT, unit, op->name)))
		return rc;
	if (*done)
		return error_set(CAMPAIGN_ECONFLICT, "round \"%s\" was reported on %s%s%s", round, done, *doc ? " as " : "",
		                 doc);
	if (strcmp(date, first) < 0)
		return error_set(CAMPAIGN_EINVALID, "report date %s is before the round's window begins (%s)", date,
		                 first);
	if ((rc = date_in_campaign(op->db, op->crid, "date", date)))
		return rc;
	db_new_id(id);
	db_now(now);
	return stmt_run(&op->st, op->db, SQL_SUBMIT, "cannot record the report", "tItoott", id, rid, date, document,
	                note, op->actor, now);
}

static int submit_body(write_op *op, void *ctx)
{
	const campaign_inspection_round_submit_options *a = ctx;
	return submit_record(op, a->round, a->date, a->document, a->note);
}

/* ---- the rounds import (round_import.c reads the rows) ---- */

static const char SQL_MEMBER[] = "SELECT u.id FROM unit_group_member m JOIN unit u ON u.rid = m.unit "
                                 "WHERE m.grp = ?1 AND m.unit = ?2";

/* A group member's round: "SERIES/UNIT", or SERIES, of @w->unit (by its id, name or
 * an alias), a member of @w->group; its id into @id, its series into @series. */
static int member_round(write_op *op, round_in *r, const round_row *w, char *id, size_t n, char *series,
                        sqlite3_int64 *urid, int *field)
{
	const char *slash = strchr(w->round, '/');
	char unit[128] = "";
	sqlite3_stmt *st;
	int rc;
	*field = RR_GROUP;
	if ((rc = db_object_rid(op->db, "unit_group", op->crid, w->group, &r->grp)))
		return rc;
	*field = RR_UNIT;
	if ((rc = db_object_rid(op->db, "unit", op->crid, w->unit, urid)))
		return rc;
	if (!(st = stmts_get(&op->st, SQL_MEMBER)))
		return campaign_error_code_last();
	sqlite3_bind_int64(st, 1, r->grp);
	sqlite3_bind_int64(st, 2, *urid);
	rc = stmt_step(st);
	if (rc == SQLITE_ROW)
		snprintf(unit, sizeof unit, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return error_from_sqlite(op->db->sql, rc, "cannot read the group");
	if (rc == SQLITE_DONE)
		return error_set(CAMPAIGN_EINVALID, "unit \"%s\" is not a member of unit group \"%s\"", w->unit, w->group);
	*field = RR_ROUND;
	if (slash && strcmp(slash + 1, unit))
		return error_set(CAMPAIGN_EINVALID, "round \"%s\" is not unit \"%s\"'s round (\"SERIES/%s\")", w->round,
		                 w->unit, unit);
	snprintf(series, 128, "%.*s", slash ? (int)(slash - w->round) : (int)strlen(w->round), w->round);
	if (!*series || strchr(series, '/'))
		return error_set(CAMPAIGN_EINVALID, "round id \"%s\" is not \"SERIES/UNIT\"", w->round);
	snprintf(id, n, "%s/%s", series, unit);
	r->series = series;
	return CAMPAIGN_OK;
}

int round_import_one(write_op *op, const round_row *w, int *field)
{
	round_in r = {.round = w->round, .unit = w->unit, .group = w->group, .crid = op->crid, .series = w->round,
	              .first = w->first, .last = w->last, .deadline_text = w->deadline, .actor = op->actor};
	sqlite3_int64 urid;
	char id[192], series[128];
	int rc;
	*field = RR_ROUND;
	if ((rc = need(w->round, "round")))
		return rc;
	if (!w->unit && !w->group) {
		*field = RR_UNIT;
		return error_set(CAMPAIGN_EINVALID, "give either a unit or a unit group for round \"%s\"", w->round);
	}
	if (!w->unit && w->submitted_on) {
		*field = RR_SUBMITTED_ON;
		return error_set(CAMPAIGN_EINVALID,
		                 "round \"%s\" is one per member of unit group \"%s\": give each member's report on its "
		                 "own row (its round \"%s/UNIT\", unit and group)",
		                 w->round, w->group, w->round);
	}
	if (!w->group && strchr(w->round, '/'))
		return error_set(CAMPAIGN_EINVALID, "round id \"%s\" may not contain '/' (a group member's needs its group)",
		                 w->round);
	*field = RR_FIRST;
	if ((rc = need_date(w->first, "window_first")) || (*field = RR_LAST, rc = need_date(w->last, "window_last")))
		return rc;
	if (strcmp(w->first, w->last) > 0)
		return error_set(CAMPAIGN_EINVALID, "the window ends (%s) before it begins (%s)", w->last, w->first);
	*field = RR_FIRST;
	if ((rc = date_planned(op->db, op->crid, "window_first", w->first)))
		return rc;
	*field = RR_DEADLINE;
	if ((rc = need(w->deadline, "deadline")) ||
	    (rc = deadline_day(op->db, op->crid, "deadline", w->deadline, atoi(w->first), 0, r.deadline)))
		return rc;
	if (strcmp(r.deadline, w->first) < 0)
		return error_set(CAMPAIGN_EINVALID, "the deadline %s is before the window begins (%s)", r.deadline,
		                 w->first);
	if (!w->unit) { /* one round per member, as campaign_inspection_round_add() adds them */
		*field = RR_GROUP;
		if (strchr(w->round, '/'))
			return error_set(CAMPAIGN_EINVALID, "round id \"%s\" may not contain '/'", w->round);
		rc = group_rounds(&op->st, &r, w->group);
		if (rc == CAMPAIGN_ECONFLICT)
			*field = RR_ROUND;
		return rc;
	}
	if (w->group) {
		if ((rc = member_round(op, &r, w, id, sizeof id, series, &urid, field)))
			return rc;
	} else {
		*field = RR_UNIT;
		if ((rc = db_object_rid(op->db, "unit", op->crid, w->unit, &urid)))
			return rc;
		snprintf(id, sizeof id, "%s", w->round);
	}
	*field = RR_ROUND;
	if ((rc = round_insert(&op->st, &r, id, urid)) || !w->submitted_on)
		return rc;
	*field = RR_SUBMITTED_ON;
	rc = submit_record(op, id, w->submitted_on, w->document, w->note);
	if (rc == CAMPAIGN_EPERM)
		*field = RR_UNIT;
	return rc;
}

OPTIONS_WRITE_FN(inspection_round_submit, CAMPAIGN_INSPECTION_ROUND_SUBMIT_OPTIONS_VERSION, round, date,
                 .name = "inspection.round.submit", .object_needed = "round", .detail_date = "date",
                 .access = WRITE_ANY, .body = submit_body)

/* ---- queries ---- */

int insp_query_as_of(campaign_cursor **out, campaign_cursor **c, campaign_db *db, const char *campaign,
                     const char *sql, const char *types, const char *as_of, int n)
{
	sqlite3_int64 crid;
	char date[11];
	int rc;
	*c = NULL;
	if ((rc = insp_as_of(as_of, date)) || (rc = query_begin(out, c, db, campaign, sql, types, &crid)))
		return rc;
	bind_copy(cursor_stmt(*c), n, date, -1);
	return CAMPAIGN_OK;
}

int campaign_inspection_rounds_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *series,
                                     const char *unit, const char *as_of)
{
	campaign_cursor *c;
	sqlite3_int64 crid;
	int rc = insp_query_as_of(
		out, &c, db, campaign,
		"SELECT r.id, r.series, u.id AS unit, u.name AS unit_name, g.id AS unit_group, r.window_first, "
		"r.window_last, r.deadline, r.deadline_text, s.submitted_on, s.document, s.note, "
		"CASE WHEN s.submitted_on IS NOT NULL AND s.submitted_on <= r.deadline THEN 'submitted' "
		"WHEN s.submitted_on IS NOT NULL THEN 'late' WHEN r.deadline < ?4 THEN 'missing' ELSE 'open' END AS status, "
		"(SELECT count(*) FROM finding f WHERE f.round = r.rid) AS findings "
		"FROM inspection_round r JOIN unit u ON u.rid = r.unit LEFT JOIN unit_group g ON g.rid = r.grp "
		"LEFT JOIN inspection_submission s ON s.round = r.rid "
		"WHERE r.campaign = ?1 AND (?2 IS NULL OR r.series = ?2) AND " UNITS_IN_OPT("u.rid", "?3") " "
		"ORDER BY r.series, u.ord, r.id",
		"tttttdddtdttti", as_of, 4);
	if (!rc && !(rc = db_campaign_rid(db, campaign, &crid))) {
		bind_opt(cursor_stmt(c), 2, series);
		rc = units_bind(db, cursor_stmt(c), 3, crid, unit);
	}
	return query_done(out, c, rc);
}

int campaign_inspection_missing_query(campaign_cursor **out, campaign_db *db, const char *campaign, const char *series,
                                      const char *as_of)
{
	campaign_cursor *c;
	int rc = insp_query_as_of(
		out, &c, db, campaign,
		"SELECT r.id AS round, r.series, u.id AS unit, u.name AS unit_name, r.deadline, "
		"CASE WHEN s.submitted_on IS NULL OR s.submitted_on > ?3 THEN 'missing' ELSE 'late' END AS status, "
		"CASE WHEN s.submitted_on <= ?3 THEN s.submitted_on END AS submitted_on, "
		"CAST(julianday(CASE WHEN s.submitted_on <= ?3 THEN s.submitted_on ELSE ?3 END) - julianday(r.deadline) "
		"AS INTEGER) AS days_late "
		"FROM inspection_round r JOIN unit u ON u.rid = r.unit LEFT JOIN inspection_submission s ON s.round = r.rid "
		"WHERE r.campaign = ?1 AND r.deadline < ?3 AND (?2 IS NULL OR r.series = ?2) "
		"AND (s.submitted_on IS NULL OR s.submitted_on > r.deadline) "
		"ORDER BY days_late DESC, u.ord, r.id",
		"ttttdtdi", as_of, 3);
	if (!rc)
		bind_opt(cursor_stmt(c), 2, series);
	return query_done(out, c, rc);
}
