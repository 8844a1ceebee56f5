/* Bulk import of conduct evaluation scores from CSV (UTF-8, optional BOM)
 * or YAML (a list of mappings), in one transaction: the first bad row rolls
 * back everything and is named by line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "accountability/accountability.h"

enum { E_YEAR, E_PERIOD, E_UNIT, E_SCORE, E_DATE, E_NOTE, E_COUNT };
static const char *const FIELDS[E_COUNT] = {"year", "period", "unit", "score", "evaluated_on", "note"};

static const int REQUIRED[] = {E_YEAR, E_PERIOD, E_UNIT, E_SCORE, E_DATE};

typedef csv_row row;

typedef struct importer {
	stmts c;
	sqlite3_int64 crid;
	const char *file, *actor;
	long rows;
} importer;

/* The field an error message is about. */
static int field_of(const char *msg)
{
	for (int f = E_COUNT - 1; f >= 0; f--)
		if (strstr(msg, FIELDS[f]))
			return f;
	return E_UNIT;
}

static int import_row(void *ctx, row *r)
{
	importer *im = ctx;
	char copy[1024], *end;
	long year;
	int rc, k;
	if ((rc = db_bulk_tick(im->c.db)))
		return rc;
	for (int f = 0; f < E_NOTE; f++)
		if (!r->v[f] || !*r->v[f])
			return error_set_at(CAMPAIGN_EINVALID, im->file, r->line0, 1, "row %ld: %s is required", im->rows,
			                    FIELDS[f]);
	year = strtol(r->v[E_YEAR], &end, 10);
	if (*end || year < 1900 || year > 9999)
		return error_set_at(CAMPAIGN_EINVALID, im->file, r->line[E_YEAR], r->col[E_YEAR],
		                    "row %ld: year \"%s\" is not a year", im->rows, r->v[E_YEAR]);
	rc = evaluation_insert(&im->c, im->crid, (int)year, r->v[E_PERIOD], r->v[E_UNIT], r->v[E_SCORE], r->v[E_DATE],
	                       r->v[E_NOTE], im->actor);
	if (rc != CAMPAIGN_EINVALID && rc != CAMPAIGN_ENOTFOUND)
		return rc;
	snprintf(copy, sizeof copy, "%s", campaign_error_message());
	k = field_of(copy);
	return error_set_at(CAMPAIGN_EINVALID, im->file, r->line[k] ? r->line[k] : r->line0, r->col[k] ? r->col[k] : 1,
	                    "row %ld: %s", im->rows, copy);
}

/* ---- YAML ---- */

static int yaml_row(importer *im, yaml_document_t *doc, yaml_node_t *map, row *r)
{
	memset(r, 0, sizeof *r);
	r->line0 = (int)map->start_mark.line + 1;
	if (map->type != YAML_MAPPING_NODE)
		return error_set_at(CAMPAIGN_EINVALID, im->file, r->line0, (int)map->start_mark.column + 1,
		                    "row %ld must be a mapping", im->rows);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key), *v = yaml_document_get_node(doc, p->value);
		int f;
		for (f = 0; f < E_COUNT && (k->type != YAML_SCALAR_NODE || strcmp(FIELDS[f], (char *)k->data.scalar.value));
		     f++)
			;
		if (f == E_COUNT || v->type != YAML_SCALAR_NODE || r->v[f])
			return error_set_at(CAMPAIGN_EINVALID, im->file, (int)k->start_mark.line + 1, (int)k->start_mark.column + 1,
			                    f == E_COUNT ? "row %ld: unknown key"
			                    : r->v[f]    ? "row %ld: key given twice"
			                                 : "row %ld: a value must be text",
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
		                  root ? (int)root->start_mark.column + 1 : 1, "expected a list of scores");
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

int campaign_evaluations_import(campaign_db *db, const char *campaign, const char *path, const char *actor)
{
	importer im = {{db, 0, {{0}}}, 0, path, actor, 0};
	const csv_table table = {FIELDS, E_COUNT, REQUIRED, sizeof REQUIRED / sizeof REQUIRED[0], NULL};
	struct campaign_buf b = {0};
	csv_reader csv = {0};
	char detail[64];
	int rc, is_csv;
	if ((rc = db_check_write(db, actor)))
		return rc;
	if (!path)
		return error_set(CAMPAIGN_EINVALID, "campaign_evaluations_import: path is NULL");
	is_csv = ends_with(path, ".csv");
	if (!is_csv && !ends_with(path, ".yaml") && !ends_with(path, ".yml"))
		return error_set(CAMPAIGN_EINVALID, "%s: an evaluations file must end in .csv, .yaml or .yml", path);
	if ((rc = access_guard(db, actor, ACCESS_PLAN, 0, "evaluation.import", campaign, path)))
		return rc;
	/* CSV is streamed; a YAML list is read whole */
	if ((rc = is_csv ? csv_open(&csv, path, 0) : file_read_utf8(path, &b)) || (rc = db_begin(db))) {
		csv_close(&csv);
		buf_reset(&b);
		return rc;
	}
	if (!(rc = db_bulk_begin(db)) && !(rc = db_campaign_rid(db, campaign, &im.crid)))
		rc = is_csv ? csv_import(&csv, &table, &im.rows, import_row, &im) : import_yaml(&im, b.data, b.size);
	stmts_free(&im.c);
	csv_close(&csv);
	if (!rc) {
		snprintf(detail, sizeof detail, "%ld scores", im.rows);
		rc = db_log(db, actor, "evaluation.import", campaign, path, detail);
	}
	buf_reset(&b);
	return write_end(db, rc, actor, "evaluation.import", campaign, path);
}
