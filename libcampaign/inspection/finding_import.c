/* Bulk import of findings (io/rows.c reads and checks the rows; this says
 * what a finding row is). */
#include <string.h>
#include "inspection/inspection.h"

enum { F_ID, F_UNIT, F_CATEGORY, F_ORIGIN, F_PEOPLE, F_DESCRIPTION, F_AMOUNT, F_FOUND_ON, F_ROUND, F_CATALOGUE,
       F_COUNT };
static const char *const ORIGINS[] = {"self_reported", "investigated", "inspection_tour", "citizen_report", "audit",
                                      NULL};

static int amount(row_value *v)
{
	long long fen;
	return amount_parse(v->s, &fen);
}

static const row_column COLUMNS[F_COUNT] = {
	ROW_TEXT_COL("id", 0),       ROW_TEXT_COL("unit", 1),       ROW_TEXT_COL("category", 0),
	ROW_ENUM_COL("origin", 1, ORIGINS), ROW_TEXT_COL("people", 0), ROW_TEXT_COL("description", 1),
	ROW_CONVERT_COL("amount", 0, amount), ROW_EVENT_COL("found_on", 1), ROW_TEXT_COL("round", 0),
	ROW_TEXT_COL("catalogue", 0),
};

/* campaign_findings_query()'s columns that the store derives or keeps (names, the
 * leniency, the flags, the status, who recorded it): a re-imported listing adds
 * its findings anew, by the importing actor */
static const char *const LISTED[] = {"unit_name", "version", "category_text", "origin_label", "amount_fen",
                                     "leniency", "leniency_label", "reason", "concealed", "falsified",
                                     "accountability", "flag_note", "status", "rectifications", "recorded_by",
                                     "recorded_at", NULL};

/* The cell a failed insert is about; the columns checked the formats, so
 * what is left is a unit or category that is not there, the round, the
 * actor's right over the unit, or the id. */
static int insert_field(rows *r, int rc)
{
	sqlite3_int64 rid;
	if (rc == CAMPAIGN_EPERM)
		return F_UNIT;
	if (rc == CAMPAIGN_ECONFLICT)
		return F_ID;
	if (db_object_rid(r->op->db, "unit", r->op->crid, r->v[F_UNIT].s, &rid))
		return F_UNIT;
	if (r->v[F_CATEGORY].s && category_rid(&r->op->st, r->op->crid, r->v[F_CATEGORY].s, &rid))
		return F_CATEGORY;
	return rc == CAMPAIGN_ENOTFOUND ? F_ROUND : F_ID;
}

static int finding_row(rows *r)
{
	/* a listing gives the category within its catalogue (catalogue ten-categories, category c9) */
	const char *cat = row_text(r, F_CATEGORY), *in = row_text(r, F_CATALOGUE);
	char joined[256];
	if (cat && in && !strchr(cat, '/') && snprintf(joined, sizeof joined, "%s/%s", in, cat) < (int)sizeof joined)
		cat = joined;
	finding_in f = {row_text(r, F_ID),     row_text(r, F_UNIT),   cat,
	                row_text(r, F_ORIGIN), row_text(r, F_PEOPLE), row_text(r, F_DESCRIPTION),
	                row_text(r, F_AMOUNT), row_text(r, F_FOUND_ON), row_text(r, F_ROUND)};
	char id[72];
	/* the import's one call entry stands for every finding; the rows are logged by the triggers */
	int rc = finding_insert(&r->op->st, r->op->crid, r->op->campaign, &f, r->op->actor, id, sizeof id, 0);
	return rc ? row_fail_by(r, rc, insert_field) : CAMPAIGN_OK;
}

static const row_schema SCHEMA = {
	.cols = COLUMNS, .ncols = F_COUNT, .noun = "finding", .plural = "findings", .operation = "finding.import",
	.api = "campaign_findings_import", .file_noun = "a findings file", .access = WRITE_ANY,
	.ignored = LISTED, .row = finding_row,
};

ROWS_IMPORT_FUNCTIONS(campaign_findings_import, SCHEMA)
