/* Inspection tours (巡视), (三)4(2): every county bureau's leadership is
 * toured once a year. The schedule is generated, tours are recorded, a
 * tour's findings enter the findings register with origin inspection_tour,
 * and a year that ends without a tour is flagged (rule kind tour_missing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "accountability/accountability.h"

static const char SQL_MEMBERS[] =
	"SELECT gm.unit, u.id, EXISTS (SELECT 1 FROM inspection_tour t WHERE t.campaign = ?1 AND t.unit = gm.unit "
	"AND t.year = ?3) FROM unit_group g JOIN unit_group_member gm ON gm.grp = g.rid JOIN unit u ON u.rid = gm.unit "
	"WHERE g.campaign = ?1 AND g.rid = ?2 ORDER BY gm.ord";
static const char SQL_PLAN[] =
	"INSERT INTO inspection_tour (id, campaign, unit, year, planned_on, recorded_by, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, date(?5, '+' || CAST((julianday(?9) - julianday(?5)) * ?6 / ?10 AS INTEGER) || ' days'), "
	"?7, ?8)";

/* Plans one tour per member without one, dates spread evenly over the window. */
static int schedule(stmts *c, sqlite3_int64 crid, int year, const char *group, const char *first, const char *last,
                    const char *actor, int *planned)
{
	sqlite3_stmt *sel, *ins;
	sqlite3_int64 g;
	int rc, n = 0, i = 0, step;
	char now[21];
	if ((rc = group_resolve(c->db, crid, group, &g)))
		return rc;
	if (!(sel = stmts_get(c, SQL_MEMBERS)) || !(ins = stmts_get(c, SQL_PLAN)))
		return campaign_error_code_last();
	bind_all(sel, "IIi", crid, g, year);
	while (db_step_row(c->db, sel, "cannot read the group", &rc))
		n++;
	sqlite3_reset(sel);
	if (rc)
		return rc;
	db_now(now);
	while (!rc && (step = stmt_step(sel)) == SQLITE_ROW) {
		char id[37];
		int k = i++;
		if (sqlite3_column_int(sel, 2))
			continue;
		db_new_id(id);
		sqlite3_reset(ins);
		bind_all(ins, "tIIiti" "tt" "ti", id, crid, sqlite3_column_int64(sel, 0), year, first, k, actor, now, last,
		         n > 1 ? n - 1 : 1);
		if (!(rc = db_step_done(c->db, ins, "cannot plan the tour")))
			(*planned)++;
	}
	if (!rc && step != SQLITE_DONE)
		rc = error_from_sqlite(c->db->sql, step, "cannot read the group");
	sqlite3_reset(sel);
	return rc;
}

ACC_OPTIONS(tour_add, CAMPAIGN_TOUR_ADD_OPTIONS_VERSION)

static int schedule_check(void *ctx)
{
	const campaign_tour_add_options *o = ((const write_count *)ctx)->in;
	int rc;
	if ((rc = tour_add_options_check(o)) || (rc = need(o->group, "group")) || (rc = need(o->first, "first")) ||
	    (rc = need(o->last, "last")))
		return rc;
	if (o->year < 1900 || o->year > 9999)
		return error_set(CAMPAIGN_EINVALID, "year %d is not a year", o->year);
	return CAMPAIGN_OK;
}

/* The window's days: first and last are deadline expressions ("2011年第二季度"), in the tours' year. */
static int window_days(write_op *op, const campaign_tour_add_options *o, char first[11], char last[11])
{
	int rc;
	if ((rc = deadline_day(op->db, op->crid, "first", o->first, o->year, 1, first)) ||
	    (rc = deadline_day(op->db, op->crid, "last", o->last, o->year, 0, last)))
		return rc;
	if (atoi(first) != o->year || atoi(last) != o->year || strcmp(first, last) > 0)
		return error_set(CAMPAIGN_EINVALID, "the window %s..%s is not in order within the year %d", first, last,
		                 o->year);
	return CAMPAIGN_OK;
}

static int schedule_body(write_op *op, void *ctx)
{
	write_count *w = ctx;
	const campaign_tour_add_options *o = w->in;
	char first[11], last[11];
	int rc = window_days(op, o, first, last);
	if (!rc)
		rc = schedule(&op->st, op->crid, o->year, o->group, first, last, op->actor, &w->n);
	snprintf(w->detail, sizeof w->detail, "%d: %d planned", o->year, w->n);
	return rc;
}

int campaign_tour_add(campaign_db *db, const char *campaign, const campaign_tour_add_options *opts,
                      const char *actor)
{
	write_count w = {opts, 0, ""};
	/* the entry keeps the operation's former name, so that audit logs read alike before and after the rename */
	write_op op = {.name = "tour.schedule", .actor = actor, .campaign = campaign, .object = opts ? opts->group : NULL,
	               .detail = w.detail, .access = ACCESS_PLAN, .check = schedule_check, .body = schedule_body};
	return db_write_count(db, &op, &w);
}

static const char SQL_TOUR_DONE[] = "UPDATE inspection_tour SET conducted_on = ?2, leader = ?3, note = ?4 WHERE id = ?1";
static const char SQL_TOUR_ADD[] =
	"INSERT INTO inspection_tour (id, campaign, unit, year, conducted_on, leader, note, recorded_by, recorded_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* Fills the tour scheduled for the unit in that year, or adds one conducted. */
static int record_body(write_op *op, void *ctx)
{
	const campaign_tour_record_options *o = ctx;
	sqlite3_int64 urid;
	sqlite3_stmt *st;
	char id[72], done[16];
	int rc, year = atoi(o->conducted_on);
	if ((rc = date_in_campaign(op->db, op->crid, "conducted_on", o->conducted_on)) ||
	    (rc = unit_rid(&op->st, op->crid, o->unit, &urid)) || (rc = tour_of(&op->st, op->crid, urid, year, id, done)))
		return rc;
	if (*done)
		return error_set(CAMPAIGN_ECONFLICT, "unit \"%s\" was toured already in %d (on %s)", o->unit, year, done);
	if (!(st = stmts_get(&op->st, *id ? SQL_TOUR_DONE : SQL_TOUR_ADD)))
		return campaign_error_code_last();
	if (*id) {
		bind_all(st, "ttoo", id, o->conducted_on, o->leader, o->note);
		return db_step_done(op->db, st, "cannot record the tour");
	}
	db_new_id(id);
	bind_all(st, "tIIitoo", id, op->crid, urid, year, o->conducted_on, o->leader, o->note);
	return acc_step_recorded(op->db, st, 8, op->actor, "cannot record the tour");
}

static const write_text TOUR_RECORD_TEXTS[] = WRITE_TEXTS(campaign_tour_record_options);

OPTIONS_WRITE_FN(tour_record, CAMPAIGN_TOUR_RECORD_OPTIONS_VERSION, unit, conducted_on,
                 .texts = TOUR_RECORD_TEXTS, .name = "tour.record", .object_needed = "unit", .detail_date = "conducted_on",
                 .access = ACCESS_PLAN, .body = record_body)

static const char SQL_TOURS[] =
	"WITH units AS (SELECT gm.unit, gm.ord FROM unit_group g JOIN unit_group_member gm ON gm.grp = g.rid "
	"WHERE g.campaign = ?1 AND g.id = ?3 UNION SELECT t.unit, NULL FROM inspection_tour t "
	"WHERE t.campaign = ?1 AND t.year = ?2 AND ?3 IS NULL) "
	"SELECT ?2 AS year, u.id AS unit, u.name AS unit_name, t.id, t.planned_on, "
	"CASE WHEN t.conducted_on <= ?4 THEN t.conducted_on END AS conducted_on, t.leader, "
	"(SELECT count(*) FROM inspection_tour_finding tf WHERE tf.tour = t.id) AS findings, "
	"CASE WHEN t.conducted_on <= ?4 THEN 'done' WHEN printf('%04d-12-31', ?2) < ?4 THEN 'missing' "
	"WHEN t.planned_on IS NULL THEN 'unscheduled' WHEN t.planned_on < ?4 THEN 'overdue' ELSE 'planned' END "
	"AS status FROM units JOIN unit u ON u.rid = units.unit "
	"LEFT JOIN inspection_tour t ON t.campaign = ?1 AND t.unit = units.unit AND t.year = ?2 ORDER BY u.ord";

int campaign_tours_query(campaign_cursor **out, campaign_db *db, const char *campaign, int year, const char *group,
                         const char *as_of)
{
	return query_run(out, db, campaign, SQL_TOURS, "itttddtit", "itd", year, group, as_of);
}
