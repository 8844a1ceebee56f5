/* Bulk import of a risk register from CSV (RFC 4180, UTF-8, optional BOM)
 * or YAML (a list of mappings), in one transaction: the first bad row rolls
 * back everything and is named by line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "risk/risk.h"

enum { F_ID, F_UNIT, F_SCOPE, F_SCOPE_NAME, F_TYPE, F_NAME, F_DESCRIPTION, F_MANIFESTATIONS, F_OWNER, F_LEADER,
       F_INPUTS, F_GRADED_ON, F_COUNT };
static const char *const FIELDS[F_COUNT] = {"id",     "unit",   "scope",  "scope_name", "type",   "name",
                                            "description", "manifestations", "owner", "leader", "inputs", "graded_on"};
static const int REQUIRED[] = {F_UNIT, F_SCOPE, F_SCOPE_NAME, F_TYPE, F_NAME};

typedef csv_row row;

typedef struct importer {
	campaign_db *db;
	sqlite3_int64 crid;
	const char *campaign, *file, *model, *actor;
	long rows;
	risk_grader *grader; /* the model, loaded at the first graded point */
	struct campaign_buf stored;
} importer;

/* The field an error message is about. */
static int field_of(const char *msg, int rc)
{
	static const struct { const char *word; int field; } words[] = {
		{"date graded", F_GRADED_ON}, {"exists already", F_ID}, {"scope name", F_SCOPE_NAME}, {"scope", F_SCOPE},
		{"risk type", F_TYPE},        {"unit", F_UNIT},         {"name", F_NAME},             {"input", F_INPUTS},
		{"model", F_INPUTS},          {"has no", F_INPUTS},
	};
	if (rc == CAMPAIGN_EPERM)
		return F_UNIT;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strstr(msg, words[i].word))
			return words[i].field;
	return F_ID;
}

static const char *value(const row *r, int f)
{
	return r->v[f] && *r->v[f] ? r->v[f] : NULL;
}

/* Grades the point @n before it is written (so that it is inserted with its
 * grade): the same checks, in the same order, as risk_grade_point(). */
static int grade_new(importer *im, risk_point_new *n, const char *inputs, const char *date, char assessment[37])
{
	sqlite3_int64 mrid;
	risk_inputs given;
	int rc;
	if ((rc = need_date(date, "the date graded")) || (rc = risk_inputs_parse(&given, inputs, "inputs")))
		return rc;
	if (!im->grader &&
	    ((rc = risk_model_resolve(im->db, im->crid, im->model, &mrid)) || (rc = risk_grader_new(im->db, mrid, &im->grader))))
		return rc;
	if ((rc = risk_grader_compute(im->grader, n->id, &given, &im->stored, assessment)))
		return rc;
	n->inputs = im->stored.data;
	n->assessment = assessment;
	return CAMPAIGN_OK;
}

/* One point and its grade: the point row (with its grade), its history,
 * the assessment and the grade's history; nothing is updated. */
static int write_point(importer *im, const row *r)
{
	risk_point_in p = {value(r, F_ID),     value(r, F_UNIT),           value(r, F_SCOPE), value(r, F_SCOPE_NAME),
	                   value(r, F_TYPE),   value(r, F_NAME),           value(r, F_DESCRIPTION),
	                   value(r, F_MANIFESTATIONS), value(r, F_OWNER), value(r, F_LEADER)};
	const char *inputs = value(r, F_INPUTS), *date = value(r, F_GRADED_ON) ? value(r, F_GRADED_ON) : "";
	risk_point_new n = {0};
	char assessment[37];
	int rc;
	if ((rc = risk_point_check(im->db, im->crid, &p, im->actor, &n)) ||
	    (inputs && (rc = grade_new(im, &n, inputs, date, assessment))) ||
	    (rc = risk_point_write(im->db, im->crid, &p, &n, im->actor)))
		return rc;
	return inputs ? risk_grader_write(im->db, im->grader, n.id, date, im->actor) : CAMPAIGN_OK;
}

static int import_row(void *ctx, row *r)
{
	importer *im = ctx;
	char copy[1024];
	int rc, k;
	if ((rc = db_bulk_tick(im->db)))
		return rc;
	for (size_t i = 0; i < sizeof REQUIRED / sizeof REQUIRED[0]; i++)
		if (!value(r, REQUIRED[i]))
			return error_set_at(CAMPAIGN_EINVALID, im->file, r->line0, 1, "row %ld: %s is required", im->rows,
			                    FIELDS[REQUIRED[i]]);
	if (value(r, F_GRADED_ON) && !value(r, F_INPUTS))
		return error_set_at(CAMPAIGN_EINVALID, im->file, r->line[F_GRADED_ON], r->col[F_GRADED_ON],
		                    "row %ld: graded_on without inputs", im->rows);
	rc = write_point(im, r);
	if (rc != CAMPAIGN_EINVALID && rc != CAMPAIGN_ENOTFOUND && rc != CAMPAIGN_EPERM && rc != CAMPAIGN_ECONFLICT)
		return rc;
	/* point at the field the message is about */
	snprintf(copy, sizeof copy, "%s", campaign_error_message());
	k = field_of(copy, rc);
	return error_set_at(rc == CAMPAIGN_EPERM ? rc : CAMPAIGN_EINVALID, im->file, r->line[k] ? r->line[k] : r->line0,
	                    r->col[k] ? r->col[k] : 1, "row %ld: %s", im->rows, copy);
}

/* ---- YAML ---- */

static int yaml_row(importer *im, yaml_document_t *doc, yaml_node_t *map, row *r)
{
	memset(r, 0, sizeof *r);
	r->line0 = (int)map->start_mark.line + 1;
	if (map->type != YAML_MAPPING_NODE)
		return error_set_at(CAMPAIGN_EINVALID, im->file, r->line0, (int)map->start_mark.column + 1,
		                    "risk point %ld must be a mapping", im->rows);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key), *v = yaml_document_get_node(doc, p->value);
		int f;
		for (f = 0; f < F_COUNT && (k->type != YAML_SCALAR_NODE || strcmp(FIELDS[f], (char *)k->data.scalar.value));
		     f++)
			;
		if (f == F_COUNT || v->type != YAML_SCALAR_NODE || r->v[f])
			return error_set_at(CAMPAIGN_EINVALID, im->file, (int)k->start_mark.line + 1, (int)k->start_mark.column + 1,
			                    f == F_COUNT ? "risk point %ld: unknown key"
			                    : r->v[f]    ? "risk point %ld: key given twice"
			                                 : "risk point %ld: a value must be text",
			                    im->rows);
		r->v[f] = (const char *)v->data.scalar.value;
		r->line[f] = (int)v->start_mark.line + 1;
		r->col[f] = (int)v->start_mark.column + 1;
	}
	return CAMPAIGN_OK;
}

static int import_yaml(importer *im, const char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	int rc = CAMPAIGN_OK;
	if (!yaml_parser_initialize(&parser))
		return error_set(CAMPAIGN_ENOMEM, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = error_set_at(CAMPAIGN_EINVALID, im->file, (int)parser.problem_mark.line + 1,
		                  (int)parser.problem_mark.column + 1, "not valid YAML: %s",
		                  parser.problem ? parser.problem : "syntax error");
		yaml_parser_delete(&parser);
		return rc;
	}
	yaml_parser_delete(&parser);
	root = yaml_document_get_root_node(&doc);
	if (!root || root->type != YAML_SEQUENCE_NODE) {
		rc = error_set_at(CAMPAIGN_EINVALID, im->file, root ? (int)root->start_mark.line + 1 : 1,
		                  root ? (int)root->start_mark.column + 1 : 1, "expected a list of risk points");
	} else {
		for (yaml_node_item_t *it = root->data.sequence.items.start; !rc && it < root->data.sequence.items.top; it++) {
			row r;
			im->rows++;
			if (!(rc = yaml_row(im, &doc, yaml_document_get_node(&doc, *it), &r)))
				rc = import_row(im, &r);
		}
	}
	yaml_document_delete(&doc);
	return rc;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

int campaign_risk_register_import(campaign_db *db, const char *campaign, const char *path, const char *model,
                                  const char *actor)
{
	importer im = {db, 0, campaign, path, model, actor, 0, NULL, {0}};
	const csv_table table = {FIELDS, F_COUNT, REQUIRED, sizeof REQUIRED / sizeof REQUIRED[0], NULL};
	struct campaign_buf b = {0};
	csv_reader csv = {0};
	sqlite3_int64 mrid;
	char detail[64];
	int rc, is_csv;
	if ((rc = db_check_write(db, actor)))
		return rc;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_risk_register_import: path is NULL");
	is_csv = ends_with(path, ".csv");
	if (!is_csv && !ends_with(path, ".yaml") && !ends_with(path, ".yml"))
		return error_set(CAMPAIGN_EINVALID, "%s: a risk register must end in .csv, .yaml or .yml", path);
	/* CSV is streamed; a YAML list is read whole */
	if ((rc = is_csv ? csv_open(&csv, path, 0) : file_read_utf8(path, &b)) || (rc = db_begin(db))) {
		csv_close(&csv);
		buf_reset(&b);
		return rc;
	}
	if (!(rc = db_bulk_begin(db)) && !(rc = db_campaign_rid(db, campaign, &im.crid)) &&
	    !(model && (rc = risk_model_resolve(db, im.crid, model, &mrid))))
		rc = is_csv ? csv_import(&csv, &table, &im.rows, import_row, &im) : import_yaml(&im, b.data, b.size);
	csv_close(&csv);
	risk_grader_free(im.grader);
	buf_reset(&im.stored);
	if (!rc) {
		snprintf(detail, sizeof detail, "%ld risk points", im.rows);
		rc = db_log(db, actor, "risk.register.import", campaign, path, detail);
	}
	buf_reset(&b);
	rc = write_end(db, rc, actor, "risk.register.import", campaign, path);
	return rc ? rc : (int)im.rows;
}
