/* Bulk import of a risk register (io/rows.c reads and checks the rows; this
 * says what a risk point row is, and grades the points that give inputs). */
#include <string.h>
#include "risk/risk.h"

enum { F_ID, F_UNIT, F_SCOPE, F_SCOPE_NAME, F_TYPE, F_NAME, F_DESCRIPTION, F_MANIFESTATIONS, F_OWNER, F_LEADER,
       F_INPUTS, F_GRADED_ON, F_COUNT };
static const char *const SCOPES[] = {"post", "business", "process_step", NULL};
static const row_column COLUMNS[F_COUNT] = {
	ROW_TEXT_COL("id", 0),          ROW_TEXT_COL("unit", 1),           ROW_ENUM_COL("scope", 1, SCOPES),
	ROW_TEXT_COL("scope_name", 1),  ROW_TEXT_COL("type", 1),           ROW_TEXT_COL("name", 1),
	ROW_TEXT_COL("description", 0), ROW_TEXT_COL("manifestations", 0), ROW_TEXT_COL("owner", 0),
	ROW_TEXT_COL("leader", 0),      ROW_TEXT_COL("inputs", 0),         ROW_TEXT_COL("graded_on", 0),
};

/* campaign_risk_points_query()'s columns that the store derives or keeps (labels, the
 * grade computed from the inputs, the model, controls): a re-imported register is
 * graded anew from its inputs */
static const char *const LISTED[] = {"unit_name", "scope_label", "type_name", "status", "model", "model_version",
                                     "grade", "grade_label", "grade_rank", "color", "owner_level", "overridden",
                                     "next_review", "controls", NULL};

typedef struct importer {
	risk_grader *grader; /* the model, loaded at the first graded point */
	struct campaign_buf stored;
} importer;

static int begin(rows *r)
{
	sqlite3_int64 mrid;
	return r->opts->model ? risk_model_resolve(r->op->db, r->op->crid, r->opts->model, &mrid) : CAMPAIGN_OK;
}

static void end(rows *r)
{
	importer *im = r->state;
	risk_grader_free(im->grader);
	buf_reset(&im->stored);
}

/* Grades the point @n before it is written (so that it is inserted with its
 * grade): the same checks, in the same order, as risk_grade_point(). */
static int grade_new(rows *r, risk_point_new *n, const char *inputs, const char *date, char assessment[37])
{
	importer *im = r->state;
	sqlite3_int64 mrid;
	risk_inputs given;
	int rc;
	if ((rc = need_date(date, "the date graded")))
		return row_fail(r, F_GRADED_ON, rc);
	if ((rc = risk_inputs_parse(&given, inputs, "inputs")) ||
	    (!im->grader && ((rc = risk_model_resolve(r->op->db, r->op->crid, r->opts->model, &mrid)) ||
	                     (rc = risk_grader_new(r->op->db, mrid, &im->grader)))) ||
	    (rc = risk_grader_compute(im->grader, n->id, &given, &im->stored, assessment)))
		return row_fail(r, F_INPUTS, rc);
	n->inputs = im->stored.data;
	n->assessment = assessment;
	return CAMPAIGN_OK;
}

/* The cell a failed check is about (the scope is checked by its column):
 * a unit that is not there or the actor may not write, the type, the id. */
static int check_field(rows *r, int rc)
{
	sqlite3_int64 unit;
	if (rc == CAMPAIGN_EPERM)
		return F_UNIT;
	if (rc != CAMPAIGN_ENOTFOUND)
		return F_ID;
	return db_object_rid(r->op->db, "unit", r->op->crid, r->v[F_UNIT].s, &unit) ? F_UNIT : F_TYPE;
}

/* One point and its grade: the point row (with its grade), its history,
 * the assessment and the grade's history; nothing is updated. */
static int point_row(rows *r)
{
	importer *im = r->state;
	risk_point_in p = {row_text(r, F_ID),     row_text(r, F_UNIT),           row_text(r, F_SCOPE),
	                   row_text(r, F_SCOPE_NAME), row_text(r, F_TYPE),       row_text(r, F_NAME),
	                   row_text(r, F_DESCRIPTION), row_text(r, F_MANIFESTATIONS), row_text(r, F_OWNER),
	                   row_text(r, F_LEADER)};
	const char *inputs = row_text(r, F_INPUTS), *date = row_text(r, F_GRADED_ON) ? row_text(r, F_GRADED_ON) : "";
	risk_point_new n = {0};
	char assessment[37];
	int rc;
	if (row_text(r, F_GRADED_ON) && !inputs)
		return row_fail(r, F_GRADED_ON, error_set(CAMPAIGN_EINVALID, "graded_on without inputs"));
	if ((rc = risk_point_check(r->op->db, r->op->crid, &p, r->op->actor, &n)))
		return row_fail_by(r, rc, check_field);
	if ((inputs && (rc = grade_new(r, &n, inputs, date, assessment))))
		return rc;
	if ((rc = risk_point_write(r->op->db, r->op->crid, &p, &n, r->op->actor)) ||
	    (inputs && (rc = risk_grader_write(r->op->db, im->grader, n.id, date, r->op->actor))))
		return row_fail(r, F_ID, rc);
	return CAMPAIGN_OK;
}

static const row_schema SCHEMA = {
	.cols = COLUMNS, .ncols = F_COUNT, .noun = "risk point", .plural = "risk points",
	.operation = "risk.register.import", .api = "campaign_risk_register_import", .file_noun = "a risk register",
	.access = WRITE_ANY, .ignored = LISTED, .state_size = sizeof(importer), .begin = begin, .row = point_row, .end = end,
};

int campaign_risk_register_import_file(campaign_db *db, const char *campaign, const char *path,
                                       const campaign_rows_import_options *opts, const char *actor)
{
	long n = 0;
	int rc = rows_import_file(db, campaign, path, opts, actor, &SCHEMA, &n);
	return rc ? rc : (int)n;
}

int campaign_risk_register_import_string(campaign_db *db, const char *campaign, const char *text, const char *name,
                                         const campaign_rows_import_options *opts, const char *actor)
{
	long n = 0;
	int rc = rows_import_string(db, campaign, text, name, opts, actor, &SCHEMA, &n);
	return rc ? rc : (int)n;
}
