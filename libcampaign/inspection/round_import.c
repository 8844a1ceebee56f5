/* Bulk import of self-inspection rounds (io/rows.c reads and checks the
 * rows; this says what a round row is; inspection.c adds it). */
#include "inspection/inspection.h"

enum { F_ROUND, F_UNIT, F_GROUP, F_FIRST, F_LAST, F_DEADLINE, F_SUBMITTED_ON, F_DOCUMENT, F_NOTE, F_DEADLINE_TEXT,
       F_COUNT };
static const row_column COLUMNS[F_COUNT] = {
	{.name = "round", .type = ROW_TEXT, .required = 1, .alias = "id"},
	ROW_TEXT_COL("unit", 0),
	{.name = "group", .type = ROW_TEXT, .alias = "unit_group"},
	ROW_DATE_COL("window_first", 1),
	ROW_DATE_COL("window_last", 1),
	ROW_TEXT_COL("deadline", 1),
	ROW_DATE_COL("submitted_on", 0),
	ROW_TEXT_COL("document", 0),
	ROW_TEXT_COL("note", 0),
	ROW_TEXT_COL("deadline_text", 0),
};

/* campaign_inspection_rounds_query()'s columns that the store derives (the series
 * follows from the round id, the status from the dates, the findings count from
 * the findings): a re-imported listing adds its rounds anew, with their reports */
static const char *const LISTED[] = {"series", "unit_name", "status", "findings", NULL};

/* the row's columns in round_import_one()'s field order */
static const int FIELD_COLUMN[] = {F_ROUND, F_UNIT, F_GROUP, F_FIRST, F_LAST, F_DEADLINE, F_SUBMITTED_ON,
                                   F_DOCUMENT, F_NOTE};

static int round_row_fn(rows *r)
{
	/* a listing gives the deadline as written (deadline_text, "12月中旬完成") beside its day */
	int d = row_text(r, F_DEADLINE_TEXT) ? F_DEADLINE_TEXT : F_DEADLINE, field = RR_ROUND, rc;
	round_row w = {row_text(r, F_ROUND),        row_text(r, F_UNIT),     row_text(r, F_GROUP),
	               row_text(r, F_FIRST),        row_text(r, F_LAST),     row_text(r, d),
	               row_text(r, F_SUBMITTED_ON), row_text(r, F_DOCUMENT), row_text(r, F_NOTE)};
	/* the import's one call entry stands for every round; the rows are logged by the triggers */
	rc = round_import_one(r->op, &w, &field);
	if (!rc)
		return CAMPAIGN_OK;
	return row_fail(r, field == RR_DEADLINE ? d : FIELD_COLUMN[field], rc);
}

static const row_schema SCHEMA = {
	.cols = COLUMNS, .ncols = F_COUNT, .noun = "round", .plural = "rounds", .operation = "inspection.round.import",
	.api = "campaign_inspection_rounds_import", .file_noun = "a rounds file", .access = ACCESS_PLAN,
	.keep_conflict = 1, .ignored = LISTED, .row = round_row_fn,
};

ROWS_IMPORT_FUNCTIONS(campaign_inspection_rounds_import, SCHEMA)
