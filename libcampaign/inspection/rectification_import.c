/* Bulk import of a rectification ledger (整改台账) (io/rows.c reads and
 * checks the rows; this says what a ledger row is). */
#include "inspection/inspection.h"

enum { F_ID, F_FINDING, F_PROBLEM, F_MEASURE, F_DEADLINE, F_RESPONSIBLE, F_CRITERION, F_DEADLINE_TEXT, F_COUNT };
static const row_column COLUMNS[F_COUNT] = {
	ROW_TEXT_COL("id", 0),       ROW_TEXT_COL("finding", 1),     ROW_TEXT_COL("problem", 0),  ROW_TEXT_COL("measure", 1),
	ROW_DEADLINE_COL("deadline", 1), ROW_TEXT_COL("responsible", 1), ROW_TEXT_COL("criterion", 1),
	ROW_DEADLINE_COL("deadline_text", 0),
};

/* campaign_rectifications_query()'s columns that the store derives or keeps (the unit
 * follows from the finding; updates, verification and closing are later events):
 * a re-imported listing adds the rectifications anew, as not yet rectified; so does
 * campaign_rectification_ledger_query()'s, whose no, category, labels and overdue are derived */
static const char *const LISTED[] = {"unit", "unit_name", "status", "status_label", "updated_on", "verified_by",
                                     "verified_on", "verification", "verification_note", "closed_by", "closed_on",
                                     "no", "category", "verification_label", "overdue", NULL};

static int ledger_row(rows *r)
{
	/* a listing gives the deadline as written (deadline_text, "2011年1月底") beside its day */
	int d = row_text(r, F_DEADLINE_TEXT) ? F_DEADLINE_TEXT : F_DEADLINE;
	rect_in in = {row_text(r, F_ID),       row_text(r, F_FINDING),     row_text(r, F_PROBLEM),
	              row_text(r, F_MEASURE),  row_text(r, d),             row_text(r, F_RESPONSIBLE),
	              row_text(r, F_CRITERION),    r->v[d].day};
	char id[72];
	int rc;
	/* the columns checked what they can: left is the id's length */
	if ((rc = rect_check(&in)))
		return row_fail(r, F_ID, rc);
	/* no such finding, or no right over its unit: the finding; else the id */
	rc = rect_insert(&r->op->st, r->op->crid, &in, r->op->actor, id);
	return rc ? row_fail(r, rc == CAMPAIGN_ECONFLICT ? F_ID : F_FINDING, rc) : CAMPAIGN_OK;
}

static const row_schema SCHEMA = {
	.cols = COLUMNS, .ncols = F_COUNT, .noun = "rectification", .plural = "rectifications",
	.operation = "rectification.import", .api = "campaign_rectifications_import", .file_noun = "a ledger file",
	.access = WRITE_ANY, .ignored = LISTED, .row = ledger_row,
};

ROWS_IMPORT_FUNCTIONS(campaign_rectifications_import, SCHEMA)
