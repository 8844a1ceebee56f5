/* Findings of an inspection tour (巡视): a finding recorded against the tour
 * of its unit that year, which the tour must have reached by the finding's
 * date. The tour is read through the tour_visit view (schema 014). */
#include <stdlib.h>
#include <string.h>
#include "inspection/inspection.h"

static const char SQL_TOUR_OF[] =
	"SELECT id, conducted_on FROM tour_visit WHERE campaign = ?1 AND unit = ?2 AND year = ?3";

static int tour_of(stmts *c, sqlite3_int64 crid, sqlite3_int64 unit, int year, char id[72], char done[16])
{
	sqlite3_stmt *st = stmts_get(c, SQL_TOUR_OF);
	if (!st)
		return campaign_error_code_last();
	*id = *done = '\0';
	sqlite3_bind_int64(st, 1, crid);
	sqlite3_bind_int64(st, 2, unit);
	sqlite3_bind_int(st, 3, year);
	if (sqlite3_step(st) == SQLITE_ROW) {
		column_copy(st, 0, id, 72);
		column_copy(st, 1, done, 16);
	}
	sqlite3_reset(st);
	return CAMPAIGN_OK;
}

static const char SQL_LINK[] = "INSERT INTO inspection_tour_finding (tour, finding) VALUES (?1, ?2)";

static int tour_finding(stmts *c, sqlite3_int64 crid, const char *campaign, const finding_in *f, const char *actor,
                        char *id, size_t size)
{
	sqlite3_int64 urid;
	sqlite3_stmt *st;
	char tour[72], done[16];
	int rc;
	if ((rc = unit_rid(c, crid, f->unit, &urid)) || (rc = tour_of(c, crid, urid, atoi(f->found_on), tour, done)))
		return rc;
	if (!*done || strcmp(done, f->found_on) > 0)
		return error_set(CAMPAIGN_ENOTFOUND, "unit \"%s\" has no tour conducted in %.4s by %s", f->unit, f->found_on,
		                 f->found_on);
	if ((rc = finding_insert(c, crid, campaign, f, actor, id, size, 1)) || !(st = stmts_get(c, SQL_LINK)))
		return rc ? rc : campaign_error_code_last();
	sqlite3_bind_text(st, 1, tour, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	return db_step_done(c->db, st, "cannot link the finding to its tour");
}

int campaign_tour_finding_record(campaign_buf **out_id, campaign_db *db, const char *campaign, const char *id,
                                 const char *unit, const char *category, const char *people, const char *description,
                                 const char *amount, const char *found_on, const char *actor)
{
	finding_in f = {id, unit, category, "inspection_tour", people, description, amount, found_on, NULL};
	struct campaign_buf *b = NULL;
	stmts c = {db, 0, {{0}}};
	sqlite3_int64 crid;
	char fid[72];
	int rc;
	if ((rc = db_check_write(db, actor)) || (rc = need(unit, "unit")) || (rc = need_date(found_on, "found_on")))
		return rc;
	if ((rc = access_guard(db, actor, ACCESS_PLAN, 0, "tour.finding", campaign, unit)) || (rc = db_begin(db)))
		return rc;
	if (!(rc = db_campaign_rid(db, campaign, &crid)) &&
	    !(rc = tour_finding(&c, crid, campaign, &f, actor, fid, sizeof fid)) && out_id)
		rc = id_buf(&b, fid);
	stmts_free(&c);
	rc = write_end(db, rc, actor, "tour.finding", campaign, unit);
	if (rc)
		campaign_buf_free(b);
	else if (out_id)
		*out_id = b;
	return rc;
}
