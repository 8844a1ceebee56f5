/* Bulk import of a rectification ledger (整改台账) (io/rows.c reads and
 * checks the rows; this says what a ledger row is). */
#include "inspection/inspection.h"

enum { F_ID, F_FINDING, F_PROBLEM, F_MEASURE, F_DEADLINE, F_RESPONSIBLE, F_CRITERION, F_COUNT };
static const row_column COLUMNS[F_COUNT] = {
	ROW_TEXT_COL("id", 0),       ROW_TEXT_COL("finding", 1),     ROW_TEXT_COL("problem", 0),  ROW_TEXT_COL("measure", 1),
	ROW_DEADLINE_COL("deadline", 1), ROW_TEXT_COL("responsible", 1), ROW_TEXT_COL("criterion", 1),
};

static int ledger_row(rows *r)
{
	rect_in in = {row_text(r, F_ID),       row_text(r, F_FINDING),     row_text(r, F_PROBLEM),
	              row_text(r, F_MEASURE),  row_text(r, F_DEADLINE),    row_text(r, F_RESPONSIBLE),
	              row_text(r, F_CRITERION),    r->v[F_DEADLINE].day};
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
	.access = WRITE_ANY, .row = ledger_row,
};

ROWS_IMPORT_FUNCTIONS(campaign_rectifications_import, SCHEMA)
