/* Findings of an inspection tour (巡视): a finding recorded against the tour
 * of its unit that year, which the tour must have reached by the finding's
 * date. The tour is read through the tour_visit view (schema 014). */
#include <stdlib.h>
#include <string.h>
#include "inspection/inspection.h"

static const char SQL_LINK[] = "INSERT INTO inspection_tour_finding (tour, finding) VALUES (?1, ?2)";

static int tour_finding_check(void *ctx)
{
	const campaign_tour_finding_add_options *o = ctx;
	return need_date(o->found_on, "found_on");
}

/* finding_insert() writes the call entry ("finding.record"), naming the new finding */
static int tour_finding_body(write_op *op, void *ctx)
{
	const campaign_tour_finding_add_options *o = ctx;
	const finding_in in = {o->id,          o->unit,   o->category, "inspection_tour", o->people, o->description,
	                       o->amount,      o->found_on, NULL}, *f = &in;
	sqlite3_int64 urid;
	char tour[72], done[16];
	int rc;
	if ((rc = date_in_campaign(op->db, op->crid, "found_on", f->found_on)) ||
	    (rc = unit_rid(&op->st, op->crid, f->unit, &urid)) ||
	    (rc = tour_of(&op->st, op->crid, urid, atoi(f->found_on), tour, done)))
		return rc;
	if (!*done || strcmp(done, f->found_on) > 0)
		return error_set(CAMPAIGN_ENOTFOUND, "unit \"%s\" has no tour conducted in %.4s by %s", f->unit, f->found_on,
		                 f->found_on);
	if ((rc = finding_insert(&op->st, op->crid, op->campaign, f, op->actor, op->id, sizeof op->id, 1)) ||
	    (rc = stmt_run(&op->st, op->db, SQL_LINK, "cannot link the finding to its tour", "tt", tour, op->id)))
		return rc;
	return write_result(op, op->id);
}

static const write_text TOUR_FINDING_ADD_TEXTS[] = WRITE_TEXTS(campaign_tour_finding_add_options);

OPTIONS_ADD_FN(tour_finding_add, CAMPAIGN_TOUR_FINDING_ADD_OPTIONS_VERSION, unit, version,
               .texts = TOUR_FINDING_ADD_TEXTS, .name = "tour.finding", .object_needed = "unit", .access = ACCESS_PLAN, .flags = WRITE_OWN_LOG,
               .check = tour_finding_check, .body = tour_finding_body)
