/* Bulk progress import, for bureaus that collect reports in spreadsheets
 * (io/rows.c reads and checks the rows; this says what a report row is). */
#include "progress/progress.h"

enum { F_OUTCOME, F_UNIT, F_STATUS, F_PERCENT, F_DATE, F_NOTE, F_EVIDENCE, F_COUNT };
static const char *const STATUSES[] = {"not_started", "in_progress", "done", "blocked", NULL};
static const row_column COLUMNS[F_COUNT] = {
	ROW_TEXT_COL("outcome", 1),
	ROW_TEXT_COL("unit", 1),
	ROW_ENUM_COL("status", 1, STATUSES),
	ROW_INT_COL("percent", 1, 0, 100),
	{.name = "date", .type = ROW_EVENT, .required = 1, .alias = "reported_on"},
	ROW_TEXT_COL("note", 0),
	ROW_TEXT_COL("evidence", 0),
};

/* campaign_progress_history_query's columns that are the store's own: a
 * re-imported history adds its reports anew, with new ids, by the actor
 * importing, "current" as the store finds it; "kind" follows from the id
 * (an outcome's or a milestone's) */
static const char *const LISTED[] = {"id", "actor", "recorded_at", "current", "kind", NULL};

/* the row's outcome id may name a milestone */
static const char SQL_OUTCOME[] = "SELECT rid FROM outcome WHERE campaign = ?1 AND id = ?2 "
                                  "UNION ALL SELECT rid FROM milestone WHERE campaign = ?1 AND id = ?2";

/* The cell a failed insert is about: a missing outcome, else the unit
 * (no such unit, no share of the outcome, or the actor may not report for it). */
static int insert_field(rows *r, int rc)
{
	sqlite3_int64 rid;
	int found = 1;
	if (rc != CAMPAIGN_ENOTFOUND || lookup_rid(&r->op->st, SQL_OUTCOME, r->op->crid, r->v[F_OUTCOME].s, &rid, &found))
		return rc == CAMPAIGN_ENOTFOUND ? F_OUTCOME : F_UNIT;
	return found ? F_UNIT : F_OUTCOME;
}

static int report_row(rows *r)
{
	const row_value *v = r->v;
	int rc;
	/* status, percent and date are checked by their columns; what is left is whether they agree */
	if ((rc = progress_check(v[F_STATUS].s, (int)v[F_PERCENT].i, v[F_DATE].s)))
		return row_fail(r, F_PERCENT, rc);
	rc = progress_insert(r->op->db, r->op->crid, r->op->campaign, v[F_OUTCOME].s, v[F_UNIT].s, v[F_STATUS].s,
	                     (int)v[F_PERCENT].i, v[F_DATE].s, v[F_NOTE].s, v[F_EVIDENCE].s, r->op->actor, 0);
	return rc ? row_fail_by(r, rc, insert_field) : CAMPAIGN_OK;
}

static const row_schema SCHEMA = {
	.cols = COLUMNS, .ncols = F_COUNT, .noun = "report", .plural = "reports", .operation = "progress.import",
	.api = "campaign_progress_import", .file_noun = "a progress file",
	.empty = "the file is empty; expected a header outcome,unit,status,percent,date", .access = WRITE_ANY,
	.utf8_at_line = 1, .row = report_row, .ignored = LISTED,
};

ROWS_IMPORT_FUNCTIONS(campaign_progress_import, SCHEMA)
