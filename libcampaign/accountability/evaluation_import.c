/* Bulk import of conduct evaluation scores (io/rows.c reads and checks the
 * rows; this says what a score row is). */
#include <stdlib.h>
#include "accountability/accountability.h"

enum { E_YEAR, E_PERIOD, E_UNIT, E_SCORE, E_DATE, E_NOTE, E_COUNT };

static int year(row_value *v)
{
	char *end;
	v->i = strtol(v->s, &end, 10);
	return *end || v->i < 1900 || v->i > 9999 ? error_set(CAMPAIGN_EINVALID, "year \"%s\" is not a year", v->s)
	                                          : CAMPAIGN_OK;
}

static const row_column COLUMNS[E_COUNT] = {
	ROW_CONVERT_COL("year", 1, year), ROW_TEXT_COL("period", 1),       ROW_TEXT_COL("unit", 1),
	ROW_TEXT_COL("score", 1),                 ROW_DATE_COL("evaluated_on", 1), ROW_TEXT_COL("note", 0),
};

/* campaign_evaluation_ranking_query()'s columns that the store derives or keeps
 * (the ranks are computed, the id is the store's own) */
static const char *const LISTED[] = {"unit_name", "rank", "rank_from_bottom", "units", "id", NULL};

static int score_row(rows *r)
{
	const row_value *v = r->v;
	int rc = evaluation_insert(&r->op->st, r->op->crid, (int)v[E_YEAR].i, v[E_PERIOD].s, v[E_UNIT].s, v[E_SCORE].s,
	                           v[E_DATE].s, v[E_NOTE].s, r->op->actor);
	/* the columns checked the year and the date: left are the score and the unit */
	return rc ? row_fail(r, rc == CAMPAIGN_EINVALID ? E_SCORE : E_UNIT, rc) : CAMPAIGN_OK;
}

static const row_schema SCHEMA = {
	.cols = COLUMNS, .ncols = E_COUNT, .noun = "row", .plural = "scores", .operation = "evaluation.import",
	.api = "campaign_evaluations_import", .file_noun = "an evaluations file", .access = ACCESS_PLAN,
	.ignored = LISTED, .row = score_row,
};

ROWS_IMPORT_FUNCTIONS(campaign_evaluations_import, SCHEMA)
